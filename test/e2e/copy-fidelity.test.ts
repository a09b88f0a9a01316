// Manifests arrive byte for byte (registry-protocol §1.3, §1.5, §1.7, §4):
// Docker manifest lists read by tag, unusual JSON, indexes with attestation
// manifests, layers with foreign `urls`, and the upload POST. Real
// distribution 2.8 registries throughout; skopeo reads the results.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, test } from 'node:test'
import { RegistryClient } from '../../src/oci/client.js'
import { digestOf } from '../../src/oci/digest.js'
import {
  MEDIATYPE_OCI_CONFIG,
  MEDIATYPE_OCI_INDEX,
  MEDIATYPE_OCI_MANIFEST
} from '../../src/oci/media-types.js'
import type { Descriptor, ImageIndex, ImageManifest, RawManifest } from '../../src/oci/types.js'
import { testEnv } from '../helpers/env.js'
import { buildIndex } from '../helpers/images.js'
import { startRegistry } from '../helpers/registry.js'
import { insecureClient } from '../helpers/insecure-client.js'
import { runCli } from '../helpers/run-cli.js'
import { skopeoDigest, skopeoRaw } from '../helpers/skopeo.js'
import { reply, startServer, startTamperProxy } from '../helpers/tamper-proxy.js'

const { registries } = testEnv()
const plain = registries.plain
const plain2 = registries.plain2
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
const plainClient = insecureClient

/** Uploads `bytes` as a blob of `mediaType` and returns its descriptor. */
async function pushBlob(client: RegistryClient, host: string, repository: string, mediaType: string, bytes: Buffer): Promise<Descriptor> {
  const desc: Descriptor = { mediaType, digest: digestOf(bytes), size: bytes.length }
  await client.uploadBlob(host, repository, desc, bytes)
  return desc
}

function rawManifest(bytes: Buffer, mediaType: string): RawManifest {
  return { bytes, mediaType, digest: digestOf(bytes) }
}

function uniqueConfig(): Buffer {
  return Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, nonce: randomBytes(8).toString('hex') }))
}

/** `copy --json` from the working tree's CLI. */
async function copy(src: string, dst: string): Promise<Record<string, unknown>> {
  const run = await runCli(['copy', src, dst, '--insecure', '--json'], { fromSource: true })
  assert.equal(run.code, 0, run.stderr)
  return JSON.parse(run.stdout) as Record<string, unknown>
}

test('AT-MAN-2: a Docker manifest list read by tag is the list (bytes and digest skopeo sees), not a child', async () => {
  const list = await buildIndex({ registry: plain, repository: 'fidelity/docker-list', tag: 'v1', format: 'docker' })
  const raw = await skopeoRaw(list.ref, plain)
  assert.equal(JSON.parse(raw.toString('utf8')).mediaType, DOCKER_LIST, 'the fixture is a Docker manifest list')
  const client = plainClient()
  const ref = { registry: plain.host, repository: 'fidelity/docker-list', tag: 'v1' }
  const got = await client.getManifest(ref)
  assert.deepEqual(got.bytes, raw)
  assert.equal(got.digest, list.digest)
  assert.equal(got.mediaType, DOCKER_LIST)
  assert.ok(!list.children.includes(got.digest))
  assert.deepEqual(await client.headManifest(ref), { digest: list.digest, mediaType: DOCKER_LIST, size: raw.length })
})

test('AT-PUT-2: a manifest with unusual whitespace and key order copies with the same bytes and digest', async () => {
  const client = plainClient()
  const repository = 'fidelity/odd-json'
  const config = await pushBlob(client, plain.host, repository, MEDIATYPE_OCI_CONFIG, uniqueConfig())
  const layer = await pushBlob(client, plain.host, repository, 'application/vnd.oci.image.layer.v1.tar', randomBytes(1000))
  const text =
    `{\n\t"layers" : [ {"size":${layer.size},  "digest":"${layer.digest}", "mediaType":"${layer.mediaType}"} ],\r\n` +
    `  "config":{ "digest" : "${config.digest}","size":${config.size},"mediaType":"${config.mediaType}" } ,` +
    `"mediaType":"${MEDIATYPE_OCI_MANIFEST}",     "schemaVersion":2 }\n\n`
  const manifest = rawManifest(Buffer.from(text), MEDIATYPE_OCI_MANIFEST)
  assert.notEqual(digestOf(Buffer.from(JSON.stringify(JSON.parse(text)))), manifest.digest, 're-serialising would change the digest')
  await client.putManifest(plain.host, repository, 'v1', manifest)
  const dst = `${plain2.host}/${repository}:v1`
  const result = await copy(`${plain.host}/${repository}:v1`, dst)
  assert.equal(result.digest, manifest.digest)
  assert.deepEqual(await skopeoRaw(dst, plain2), manifest.bytes)
})

test('AT-PUT-1: an OCI index with two platforms and an attestation copies with its digest, children resolvable, each blob sent once', async () => {
  const repository = 'fidelity/attested'
  const built = await buildIndex({ registry: plain, repository, tag: 'base' })
  const client = plainClient()
  const from = { registry: plain.host, repository }
  const base = JSON.parse((await client.getManifest({ ...from, tag: 'base' })).bytes.toString('utf8')) as ImageIndex
  const amd64 = JSON.parse((await client.getManifest({ ...from, digest: built.children[0]! })).bytes.toString('utf8')) as ImageManifest
  // Shaped like a BuildKit attestation: unknown config type, an in-toto layer,
  // and the amd64 image's layer besides, so one blob is shared by two children.
  const statement = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: built.children[0] }] }))
  const attConfig = await pushBlob(client, plain.host, repository, 'application/vnd.example.attestation.config.v1+json', uniqueConfig())
  const attLayer = await pushBlob(client, plain.host, repository, 'application/vnd.in-toto+json', statement)
  const attestation = rawManifest(
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_MANIFEST, config: attConfig, layers: [attLayer, amd64.layers[0]!] })),
    MEDIATYPE_OCI_MANIFEST
  )
  await client.putManifest(plain.host, repository, attestation.digest, attestation)
  const entry: Descriptor = {
    mediaType: MEDIATYPE_OCI_MANIFEST,
    digest: attestation.digest,
    size: attestation.bytes.length,
    platform: { architecture: 'unknown', os: 'unknown' },
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': built.children[0]! }
  }
  const index = rawManifest(Buffer.from(JSON.stringify({ ...base, manifests: [...base.manifests, entry] })), MEDIATYPE_OCI_INDEX)
  await client.putManifest(plain.host, repository, 'v1', index)

  const target = await startTamperProxy(plain2.url, () => ({ action: 'pass' }))
  after(() => target.close())
  const result = await copy(`${plain.host}/${repository}:v1`, `${target.host}/${repository}:v1`)
  assert.equal(result.digest, index.digest)
  assert.deepEqual(await skopeoRaw(`${plain2.host}/${repository}:v1`, plain2), index.bytes)
  const children = [...built.children, attestation.digest]
  for (const child of children) {
    assert.equal(await skopeoDigest(`${plain2.host}/${repository}@${child}`, plain2), child)
  }

  const blobs = new Map<string, number>()
  for (const child of children) {
    const m = JSON.parse((await client.getManifest({ ...from, digest: child })).bytes.toString('utf8')) as ImageManifest
    for (const d of [m.config, ...m.layers]) blobs.set(d.digest, d.size)
  }
  assert.equal(blobs.size, 6, 'a config and a layer per image, the attestation config and statement; one layer shared')
  for (const digest of blobs.keys()) {
    const heads = target.requests.filter((r) => r.method === 'HEAD' && r.url === `/v2/${repository}/blobs/${digest}`)
    const puts = target.requests.filter((r) => r.method === 'PUT' && new URL(r.url, 'http://x').searchParams.get('digest') === digest)
    assert.equal(heads.length, 1, `HEADs of ${digest}`)
    assert.equal(puts.length, 1, `PUTs of ${digest}`)
  }
  assert.deepEqual(result.blobs, { uploaded: 6, mounted: 0, skipped: 0, bytes: [...blobs.values()].reduce((a, b) => a + b, 0) })
})

test('AT-RED-8: a layer with foreign urls is not fetched, the result names it, the target manifest is unchanged', async () => {
  const collector = await startServer((_req, res) => reply(res, 200, {}, 'layer bytes'))
  // distribution 2.8 refuses manifests with layer urls unless they match an allow pattern.
  const reg = await startRegistry({ name: 'foreign-urls', manifestUrlsAllow: ['^http://127\\.0\\.0\\.1:'] })
  after(() => Promise.all([collector.close(), reg.stop()]))
  const client = plainClient()
  const config = await pushBlob(client, reg.host, 'fidelity/src', MEDIATYPE_OCI_CONFIG, uniqueConfig())
  const layer = await pushBlob(client, reg.host, 'fidelity/src', 'application/vnd.oci.image.layer.v1.tar', randomBytes(500))
  const foreign: Descriptor = {
    mediaType: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    digest: digestOf(randomBytes(64)),
    size: 64,
    urls: [`${collector.url}/layers/windows-base.tar.gz`]
  }
  const manifest = rawManifest(
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_MANIFEST, config, layers: [foreign, layer] })),
    MEDIATYPE_OCI_MANIFEST
  )
  await client.putManifest(reg.host, 'fidelity/src', 'v1', manifest)

  const dst = `${reg.host}/fidelity/dst:v1`
  const result = await copy(`${reg.host}/fidelity/src:v1`, dst)
  assert.equal(collector.requests.length, 0, 'no request to the foreign URL')
  assert.deepEqual(result.foreignLayers, [foreign.digest])
  assert.equal(result.digest, manifest.digest)
  assert.deepEqual(await skopeoRaw(dst, reg), manifest.bytes)

  const text = await runCli(['copy', `${reg.host}/fidelity/src:v1`, `${reg.host}/fidelity/dst2:v1`, '--insecure'], { fromSource: true })
  assert.equal(text.code, 0, text.stderr)
  assert.match(text.stdout, /1 foreign layer\(s\) not copied/)
  assert.equal(collector.requests.length, 0)
})

test('AT-UP-4: no single POST: the upload POST is empty and carries no digest, the bytes go once in the PUT', async () => {
  // Distribution 2.8 answers a POST with ?digest= and a body 202, Range 0-0:
  // the body is dropped. image-mirror therefore always opens an empty session.
  const proxy = await startTamperProxy(plain.url, () => ({ action: 'pass' }))
  after(() => proxy.close())
  const client = plainClient()
  const bytes = uniqueConfig()
  const desc = await pushBlob(client, proxy.host, 'fidelity/upload', MEDIATYPE_OCI_CONFIG, bytes)
  const posts = proxy.requests.filter((r) => r.method === 'POST')
  assert.equal(posts.length, 1)
  assert.equal(posts[0]!.body.length, 0)
  assert.equal(posts[0]!.headers['content-length'], '0')
  assert.equal(new URL(posts[0]!.url, 'http://x').searchParams.get('digest'), null)
  const puts = proxy.requests.filter((r) => r.method === 'PUT')
  assert.equal(puts.length, 1)
  assert.deepEqual(puts[0]!.body, bytes)
  assert.equal(await client.headBlob(plain.host, 'fidelity/upload', desc.digest), bytes.length)
})
