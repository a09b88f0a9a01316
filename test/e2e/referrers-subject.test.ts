// Referrer copies and the OCI-Subject answer (registry-protocol §1.7, §1.9,
// AT-PUT-3). distribution 2.8 has no referrers API and never sends
// OCI-Subject, so the client keeps the sha256-<hex> fallback tag there; a
// registry that indexes referrers itself says so with OCI-Subject on the
// manifest PUT, played here by a proxy in front of a real 2.8 that adds the
// header, and then no fallback tag may be written.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, test } from 'node:test'
import { RegistryClient } from '../../src/oci/client.js'
import { copyImage } from '../../src/oci/copy.js'
import { digestOf, referrersTagFor } from '../../src/oci/digest.js'
import { MEDIATYPE_OCI_CONFIG, MEDIATYPE_OCI_INDEX, MEDIATYPE_OCI_MANIFEST } from '../../src/oci/media-types.js'
import { copyReferrers } from '../../src/oci/referrers-copy.js'
import type { Descriptor, RawManifest } from '../../src/oci/types.js'
import { testEnv } from '../helpers/env.js'
import { insecureClient } from '../helpers/insecure-client.js'
import { skopeoDigest, skopeoListTags } from '../helpers/skopeo.js'
import { startTamperProxy, type TamperProxy } from '../helpers/tamper-proxy.js'

const { registries } = testEnv()
const plain = registries.plain
const plain2 = registries.plain2
const REPO = 'referrers-subject/app'
const plainClient = insecureClient

/** A small manifest of its own under `reference`, with `subject` when given. */
async function pushManifest(client: RegistryClient, reference: string | undefined, subject?: RawManifest): Promise<RawManifest> {
  const config = Buffer.from(JSON.stringify({ nonce: randomBytes(8).toString('hex') }))
  const desc: Descriptor = { mediaType: MEDIATYPE_OCI_CONFIG, digest: digestOf(config), size: config.length }
  await client.uploadBlob(plain.host, REPO, desc, config)
  const body = {
    schemaVersion: 2,
    mediaType: MEDIATYPE_OCI_MANIFEST,
    ...(subject === undefined ? {} : { artifactType: 'application/vnd.example.signature' }),
    config: desc,
    layers: [],
    ...(subject === undefined ? {} : { subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.bytes.length } })
  }
  const bytes = Buffer.from(JSON.stringify(body))
  const manifest = { bytes, mediaType: MEDIATYPE_OCI_MANIFEST, digest: digestOf(bytes) }
  await client.putManifest(plain.host, REPO, reference ?? manifest.digest, manifest)
  return manifest
}

/** An image with one signature on the source, listed in its fallback tag as signing tools do on 2.8. */
async function signedImage(client: RegistryClient, tag: string): Promise<{ image: RawManifest; signature: RawManifest }> {
  const image = await pushManifest(client, tag)
  const signature = await pushManifest(client, undefined, image)
  const entry: Descriptor = {
    mediaType: MEDIATYPE_OCI_MANIFEST,
    digest: signature.digest,
    size: signature.bytes.length,
    artifactType: 'application/vnd.example.signature'
  }
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_INDEX, manifests: [entry] }))
  await client.putManifest(plain.host, REPO, referrersTagFor(image.digest), { bytes, mediaType: MEDIATYPE_OCI_INDEX, digest: digestOf(bytes) })
  return { image, signature }
}

/** A proxy in front of plain2 that answers every manifest PUT carrying a `subject` with OCI-Subject, as a registry with the referrers API does. */
async function subjectAwareTarget(): Promise<TamperProxy> {
  const proxy: TamperProxy = await startTamperProxy(plain2.url, async (req) => {
    if (req.method !== 'PUT' || !/^\/v2\/.+\/manifests\//.test(req.url)) return { action: 'pass' }
    const subject = (JSON.parse(req.body.toString('utf8')) as { subject?: { digest: string } }).subject
    if (subject === undefined) return { action: 'pass' }
    const { host: _host, connection: _c, 'transfer-encoding': _te, ...headers } = req.headers
    const answer = await proxy.upstream(req.method, req.url, headers as Record<string, string>, req.body)
    const out: Record<string, string> = { 'oci-subject': subject.digest }
    for (const name of ['content-length', 'docker-content-digest', 'content-type']) {
      const value = answer.headers[name]
      if (typeof value === 'string') out[name] = value
    }
    return { action: 'respond', status: answer.status, headers: out, body: answer.body }
  })
  after(() => proxy.close())
  return proxy
}

/** Copies the image and then its referrers, as promote does. */
async function copyWithReferrers(client: RegistryClient, image: RawManifest, targetHost: string, repository: string) {
  await copyImage(client, { registry: plain.host, repository: REPO, digest: image.digest }, { registry: targetHost, repository, tag: 'v1' })
  return copyReferrers(client, { registry: plain.host, repository: REPO }, { registry: targetHost, repository }, image.digest)
}

test('AT-PUT-3: a target answering OCI-Subject gets the referrer and no fallback tag', async () => {
  const client = plainClient()
  const { image, signature } = await signedImage(client, 'with-api')
  const target = await subjectAwareTarget()
  const repository = 'referrers-subject/indexed'
  const result = await copyWithReferrers(client, image, target.host, repository)
  assert.deepEqual(result, { copied: [signature.digest], present: [], fallbackTags: [] })
  const put = target.requests.find((r) => r.method === 'PUT' && r.url === `/v2/${repository}/manifests/${signature.digest}`)
  assert.ok(put !== undefined, 'the signature was PUT through the proxy, which added OCI-Subject')
  assert.deepEqual(await skopeoListTags(`${plain2.host}/${repository}`, plain2), ['v1'])
  assert.equal(await skopeoDigest(`${plain2.host}/${repository}@${signature.digest}`, plain2), signature.digest)
})

test('AT-PUT-3: a target answering without OCI-Subject gets the sha256-<hex> fallback tag listing the referrer', async () => {
  const client = plainClient()
  const { image, signature } = await signedImage(client, 'without-api')
  const repository = 'referrers-subject/fallback'
  const tag = referrersTagFor(image.digest)
  const result = await copyWithReferrers(client, image, plain2.host, repository)
  assert.deepEqual(result, { copied: [signature.digest], present: [], fallbackTags: [tag] })
  assert.deepEqual((await skopeoListTags(`${plain2.host}/${repository}`, plain2)).sort(), [tag, 'v1'].sort())
  const listed = await client.getReferrers(plain2.host, repository, image.digest)
  assert.deepEqual(listed.map((d) => [d.digest, d.artifactType]), [[signature.digest, 'application/vnd.example.signature']])
})
