// The registry client against real registries (distribution 2.8.2) in each
// auth variant, with skopeo as the independent peer for digests and tags.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { RegistryClient } from '../../src/oci/client.js'
import { staticCredentials } from '../../src/oci/credentials.js'
import { digestOf, referrersTagFor } from '../../src/oci/digest.js'
import { RegistryError, UnreachableRegistryError } from '../../src/oci/errors.js'
import {
  EMPTY_BLOB_DIGEST,
  MEDIATYPE_OCI_CONFIG,
  MEDIATYPE_OCI_INDEX,
  MEDIATYPE_OCI_MANIFEST
} from '../../src/oci/media-types.js'
import { Transport, type TransportOptions } from '../../src/oci/transport.js'
import type { Descriptor, ImageManifest, RawManifest } from '../../src/oci/types.js'
import { testEnv } from '../helpers/env.js'
import { buildImage } from '../helpers/images.js'
import type { RunningRegistryInfo } from '../helpers/registry.js'
import { skopeoCopy, skopeoDigest, skopeoListTags, skopeoRaw } from '../helpers/skopeo.js'
import { startTamperProxy } from '../helpers/tamper-proxy.js'
import { fetchTokenRequests } from '../helpers/token-server.js'

const { registries } = testEnv()
const REPO = 'client-e2e'
const transports: Transport[] = []
after(async () => {
  for (const t of transports) await t.close()
})

/** A client set up the way a user would for `reg`: credentials, --insecure for plain http, the CA for TLS. */
function clientFor(reg: RunningRegistryInfo, extra: TransportOptions = {}): RegistryClient {
  const credentials =
    reg.username === undefined
      ? undefined
      : staticCredentials({ [reg.host]: { username: reg.username, password: reg.password } })
  const transport = new Transport({
    credentials,
    insecure: !reg.tls,
    ca: reg.caFile === undefined ? undefined : readFileSync(reg.caFile, 'utf8'),
    ...extra
  })
  transports.push(transport)
  return new RegistryClient(transport)
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c)
  return Buffer.concat(chunks)
}

/** Pushes a small artifact of its own (unique config blob) under `tag`; returns its manifest. */
async function pushArtifact(
  client: RegistryClient,
  host: string,
  repository: string,
  tag: string
): Promise<RawManifest> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      nonce: randomBytes(8).toString('hex')
    })
  )
  const desc: Descriptor = {
    mediaType: MEDIATYPE_OCI_CONFIG,
    digest: digestOf(config),
    size: config.length
  }
  await client.uploadBlob(host, repository, desc, config)
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIATYPE_OCI_MANIFEST,
      config: desc,
      layers: []
    })
  )
  const manifest = { bytes, mediaType: MEDIATYPE_OCI_MANIFEST, digest: digestOf(bytes) }
  await client.putManifest(host, repository, tag, manifest)
  return manifest
}

let image: { ref: string; digest: string }
before(async () => {
  image = await buildImage({
    registry: registries.plain,
    repository: `${REPO}/src`,
    tag: 'v1',
    layers: [200_000, 50_000]
  })
  await Promise.all(
    (['basic', 'token', 'tls'] as const).map((name) =>
      skopeoCopy(
        image.ref,
        `${registries[name].host}/${REPO}/src:v1`,
        registries.plain,
        registries[name]
      )
    )
  )
})

for (const variant of ['plain', 'basic', 'token', 'tls'] as const) {
  describe(`client against the ${variant} registry`, () => {
    const reg = registries[variant]
    const src = { registry: reg.host, repository: `${REPO}/src`, tag: 'v1' }

    test('HEAD: present gives the digest skopeo sees, absent gives undefined', async () => {
      const client = clientFor(reg)
      const head = await client.headManifest(src)
      assert.equal(head?.digest, await skopeoDigest(`${reg.host}/${REPO}/src:v1`, reg))
      assert.equal(head?.mediaType, MEDIATYPE_OCI_MANIFEST)
      assert.equal(await client.headManifest({ ...src, tag: 'no-such-tag' }), undefined)
      assert.equal(
        await client.headManifest({ ...src, repository: `${REPO}/no-such-repo` }),
        undefined
      )
    })

    test('GET returns the exact bytes skopeo reads', async () => {
      const client = clientFor(reg)
      const m = await client.getManifest(src)
      assert.deepEqual(m.bytes, await skopeoRaw(`${reg.host}/${REPO}/src:v1`, reg))
      assert.equal(m.digest, image.digest)
    })

    test('copying blobs and manifest to another repository keeps the digest; skopeo reads it', async () => {
      const client = clientFor(reg)
      const m = await client.getManifest(src)
      const body = JSON.parse(m.bytes.toString('utf8')) as ImageManifest
      const outcomes = []
      for (const d of [body.config, ...body.layers]) {
        outcomes.push(
          await client.uploadBlob(reg.host, `${REPO}/copy`, d, {
            open: () => client.getBlob(reg.host, src.repository, d)
          })
        )
      }
      assert.deepEqual(outcomes, ['uploaded', 'uploaded', 'uploaded'])
      assert.equal(await client.putManifest(reg.host, `${REPO}/copy`, 'v1', m), m.digest)
      assert.equal(await skopeoDigest(`${reg.host}/${REPO}/copy:v1`, reg), m.digest)
      const again = await client.uploadBlob(reg.host, `${REPO}/copy`, body.config, {
        open: () => client.getBlob(reg.host, src.repository, body.config)
      })
      assert.equal(again, 'exists')
    })

    test('chunked and monolithic uploads, and the zero-byte blob, read back intact', async () => {
      const client = clientFor(reg)
      const data = randomBytes(300_000)
      const chunked: Descriptor = {
        mediaType: 'application/octet-stream',
        digest: digestOf(data),
        size: data.length
      }
      assert.equal(
        await client.uploadBlob(reg.host, `${REPO}/blobs`, chunked, data, { chunkSize: 64 * 1024 }),
        'uploaded'
      )
      assert.equal(await client.headBlob(reg.host, `${REPO}/blobs`, chunked.digest), data.length)
      assert.deepEqual(
        await readAll(await client.getBlob(reg.host, `${REPO}/blobs`, chunked)),
        data
      )
      const small = randomBytes(1000)
      const mono: Descriptor = {
        mediaType: 'application/octet-stream',
        digest: digestOf(small),
        size: small.length
      }
      assert.equal(await client.uploadBlob(reg.host, `${REPO}/blobs`, mono, small), 'uploaded')
      assert.deepEqual(await readAll(await client.getBlob(reg.host, `${REPO}/blobs`, mono)), small)
      const empty: Descriptor = {
        mediaType: 'application/octet-stream',
        digest: EMPTY_BLOB_DIGEST,
        size: 0
      }
      assert.match(
        await client.uploadBlob(reg.host, `${REPO}/blobs`, empty, Buffer.alloc(0)),
        /^(uploaded|exists)$/
      )
      assert.equal(await client.headBlob(reg.host, `${REPO}/blobs`, EMPTY_BLOB_DIGEST), 0)
    })

    test('a blob is mounted from another repository of the same registry', async () => {
      const client = clientFor(reg)
      const data = randomBytes(5000)
      const d: Descriptor = {
        mediaType: 'application/octet-stream',
        digest: digestOf(data),
        size: data.length
      }
      await client.uploadBlob(reg.host, `${REPO}/mount-src`, d, data)
      assert.equal(
        await client.uploadBlob(reg.host, `${REPO}/mount-dst`, d, data, {
          mountFrom: `${REPO}/mount-src`
        }),
        'mounted'
      )
      assert.equal(await client.headBlob(reg.host, `${REPO}/mount-dst`, d.digest), data.length)
    })

    test('listTags follows pagination (2 per page) over six tags', async () => {
      const client = clientFor(reg)
      const tags = ['t1', 't2', 't3', 't4', 't5', 't6']
      const m = await pushArtifact(client, reg.host, `${REPO}/paged`, tags[0]!)
      for (const t of tags.slice(1)) await client.putManifest(reg.host, `${REPO}/paged`, t, m)
      const listed = await client.listTags(reg.host, `${REPO}/paged`, { pageSize: 2 })
      assert.deepEqual([...listed].sort(), tags)
      assert.deepEqual([...(await skopeoListTags(`${reg.host}/${REPO}/paged`, reg))].sort(), tags)
      assert.deepEqual(await client.listTags(reg.host, `${REPO}/never-pushed`), [])
    })
  })
}

describe('client failures are one clear line', () => {
  test('an unreachable registry throws instead of reporting "absent" (tri-state)', async () => {
    const client = clientFor(registries.plain)
    for (const registry of ['127.0.0.1:1', 'garbage-host.invalid:5000']) {
      await assert.rejects(client.headManifest({ registry, repository: 'x', tag: 'v1' }), (e) => {
        assert.ok(e instanceof UnreachableRegistryError, String(e))
        assert.match(
          e.message,
          new RegExp(
            `^cannot reach registry ${registry.replace('.', '\\.')}: (connection refused|host not found)$`
          )
        )
        return true
      })
    }
  })

  test('TLS registry without its CA: an error with a hint, not "absent"', async () => {
    const client = clientFor(registries.tls, { ca: undefined })
    await assert.rejects(
      client.headManifest({ registry: registries.tls.host, repository: `${REPO}/src`, tag: 'v1' }),
      (e) => {
        assert.ok(e instanceof UnreachableRegistryError)
        assert.match(e.message, /--insecure or --ca-file/)
        return true
      }
    )
  })

  for (const variant of ['basic', 'token'] as const) {
    test(`a wrong password on the ${variant} registry`, async () => {
      const reg = registries[variant]
      const client = clientFor({ ...reg, password: 'wrong' })
      await assert.rejects(
        client.getManifest({ registry: reg.host, repository: `${REPO}/src`, tag: 'v1' }),
        (e) => {
          assert.ok(e instanceof RegistryError)
          assert.equal(e.status, 401)
          assert.match(e.message, /credentials .*were refused/)
          assert.doesNotMatch(e.message, /\n|wrong/)
          return true
        }
      )
    })
  }

  test('one token serves many requests across repositories (token cache, R-AUTH-2)', async () => {
    const reg = registries.token
    const client = clientFor(reg)
    const before = (await fetchTokenRequests(reg.tokenServerUrl!)).length
    const m = await client.getManifest({ registry: reg.host, repository: `${REPO}/src`, tag: 'v1' })
    const body = JSON.parse(m.bytes.toString('utf8')) as ImageManifest
    for (const d of [body.config, ...body.layers]) {
      await client.uploadBlob(reg.host, `${REPO}/cache`, d, {
        open: () => client.getBlob(reg.host, `${REPO}/src`, d)
      })
    }
    const round = async () => {
      for (let i = 0; i < 10; i++) {
        await client.headManifest({ registry: reg.host, repository: `${REPO}/src`, tag: 'v1' })
        await client.putManifest(reg.host, `${REPO}/cache`, `c${i}`, m)
      }
    }
    await round()
    const used = (await fetchTokenRequests(reg.tokenServerUrl!)).length - before
    // A new token only when the scope union grows: src pull, cache pull, cache push.
    assert.ok(used <= 3, `${used} token requests for 30+ registry requests`)
    await round()
    assert.equal(
      (await fetchTokenRequests(reg.tokenServerUrl!)).length - before,
      used,
      'the same scopes reuse the cached token'
    )
  })
})

test('referrers on a registry without the API come from the sha256-<hex> fallback tag (R-REF-1)', async () => {
  const plain = registries.plain
  const client = clientFor(plain)
  const subject = await pushArtifact(client, plain.host, `${REPO}/refs`, 'subject')
  assert.deepEqual(await client.getReferrers(plain.host, `${REPO}/refs`, subject.digest), [])
  const signature = await pushArtifact(client, plain.host, `${REPO}/refs`, 'signature')
  const entry: Descriptor = {
    mediaType: MEDIATYPE_OCI_MANIFEST,
    digest: signature.digest,
    size: signature.bytes.length,
    artifactType: 'application/example'
  }
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_INDEX, manifests: [entry] })
  )
  await client.putManifest(plain.host, `${REPO}/refs`, referrersTagFor(subject.digest), {
    bytes,
    mediaType: MEDIATYPE_OCI_INDEX,
    digest: digestOf(bytes)
  })
  assert.deepEqual(await client.getReferrers(plain.host, `${REPO}/refs`, subject.digest), [entry])
})

describe('deleteTag never removes another tag', () => {
  const plain = registries.plain

  test('tags a and b share a digest on distribution 2.8: deleting a keeps b (AT-DEL-2)', async () => {
    const client = clientFor(plain)
    const m = await pushArtifact(client, plain.host, `${REPO}/del-shared`, 'a')
    await client.putManifest(plain.host, `${REPO}/del-shared`, 'b', m)
    const result = await client.deleteTag({
      registry: plain.host,
      repository: `${REPO}/del-shared`,
      tag: 'a'
    })
    assert.equal(result.method, 'dummy-manifest')
    assert.equal(result.digest, m.digest)
    assert.deepEqual(result.sharedWith, ['b'])
    assert.equal(await skopeoDigest(`${plain.host}/${REPO}/del-shared:b`, plain), m.digest)
    assert.deepEqual(await skopeoListTags(`${plain.host}/${REPO}/del-shared`, plain), ['b'])
  })

  test('with the fallback off, a shared tag is refused and nothing changes', async () => {
    const client = clientFor(plain)
    const m = await pushArtifact(client, plain.host, `${REPO}/del-refuse`, 'a')
    await client.putManifest(plain.host, `${REPO}/del-refuse`, 'b', m)
    await assert.rejects(
      client.deleteTag(
        { registry: plain.host, repository: `${REPO}/del-refuse`, tag: 'a' },
        { allowDummyFallback: false }
      ),
      /share its image .*nothing was changed/
    )
    assert.deepEqual(
      [...(await skopeoListTags(`${plain.host}/${REPO}/del-refuse`, plain))].sort(),
      ['a', 'b']
    )
  })

  test('an unshared tag is deleted by digest', async () => {
    const client = clientFor(plain)
    const m = await pushArtifact(client, plain.host, `${REPO}/del-alone`, 'only')
    const keep = await pushArtifact(client, plain.host, `${REPO}/del-alone`, 'other')
    const result = await client.deleteTag({
      registry: plain.host,
      repository: `${REPO}/del-alone`,
      tag: 'only'
    })
    assert.deepEqual(result, { method: 'digest-unshared', digest: m.digest, sharedWith: [] })
    assert.equal(
      await client.headManifest({
        registry: plain.host,
        repository: `${REPO}/del-alone`,
        digest: m.digest
      }),
      undefined
    )
    assert.equal(await skopeoDigest(`${plain.host}/${REPO}/del-alone:other`, plain), keep.digest)
  })

  test('dry run changes nothing and names the sharing tags', async () => {
    const client = clientFor(plain)
    const m = await pushArtifact(client, plain.host, `${REPO}/del-dry`, 'a')
    await client.putManifest(plain.host, `${REPO}/del-dry`, 'b', m)
    const result = await client.deleteTag(
      { registry: plain.host, repository: `${REPO}/del-dry`, tag: 'a' },
      { dryRun: true }
    )
    assert.deepEqual(result, {
      method: 'tag-delete',
      digest: m.digest,
      sharedWith: ['b'],
      dryRun: true
    })
    assert.deepEqual([...(await skopeoListTags(`${plain.host}/${REPO}/del-dry`, plain))].sort(), [
      'a',
      'b'
    ])
  })

  test('a registry with delete disabled: clear error, nothing changed (AT-DEL-3)', async () => {
    const reg = registries.nodelete
    const client = clientFor(reg)
    const m = await pushArtifact(client, reg.host, `${REPO}/del-off`, 'a')
    await client.putManifest(reg.host, `${REPO}/del-off`, 'b', m)
    await pushArtifact(client, reg.host, `${REPO}/del-off`, 'alone')
    for (const tag of ['a', 'alone']) {
      await assert.rejects(
        client.deleteTag({ registry: reg.host, repository: `${REPO}/del-off`, tag }),
        (e) => {
          assert.ok(e instanceof Error)
          assert.equal(
            e.message,
            `${reg.host}/${REPO}/del-off:${tag}: ${reg.host} does not allow deleting (405 UNSUPPORTED); nothing was changed`
          )
          return true
        }
      )
    }
    assert.deepEqual([...(await skopeoListTags(`${reg.host}/${REPO}/del-off`, reg))].sort(), [
      'a',
      'alone',
      'b'
    ])
    assert.equal(await skopeoDigest(`${reg.host}/${REPO}/del-off:a`, reg), m.digest)
  })

  test('a registry whose tag DELETE untags, as distribution 3 does: a goes, b keeps its digest (AT-DEL-1)', async () => {
    // distribution 3 cannot run here (Debian packages 2.8). The proxy answers a tag DELETE the
    // way it does: 202, and only that tag is gone. It untags on the 2.8 registry behind it by
    // moving the tag to a throwaway manifest and deleting that one by digest.
    const proxy = await startTamperProxy(plain.url, async (req) => {
      const m = /^\/v2\/(.+)\/manifests\/([^/:]+)$/.exec(req.url)
      if (req.method !== 'DELETE' || m === null) return { action: 'pass' }
      const current = await proxy.upstream('GET', req.url, { accept: MEDIATYPE_OCI_MANIFEST })
      const body = JSON.parse(current.body.toString('utf8')) as ImageManifest
      const throwaway = Buffer.from(JSON.stringify({ ...body, annotations: { untag: randomBytes(8).toString('hex') } }))
      await proxy.upstream('PUT', req.url, { 'content-type': MEDIATYPE_OCI_MANIFEST }, throwaway)
      await proxy.upstream('DELETE', `/v2/${m[1]}/manifests/${digestOf(throwaway)}`)
      return { action: 'respond', status: 202 }
    })
    after(() => proxy.close())
    const client = clientFor({ ...plain, host: proxy.host })
    const m = await pushArtifact(client, proxy.host, `${REPO}/del-v3`, 'a')
    await client.putManifest(proxy.host, `${REPO}/del-v3`, 'b', m)
    const result = await client.deleteTag({ registry: proxy.host, repository: `${REPO}/del-v3`, tag: 'a' })
    assert.deepEqual(result, { method: 'tag-delete', digest: m.digest, sharedWith: ['b'] })
    assert.deepEqual(await skopeoListTags(`${plain.host}/${REPO}/del-v3`, plain), ['b'])
    assert.equal(await skopeoDigest(`${plain.host}/${REPO}/del-v3:b`, plain), m.digest)
  })

  test('a registry whose tag DELETE deletes the whole manifest (zot#67) is caught and b restored (AT-DEL-5)', async () => {
    // The proxy turns DELETE /manifests/<tag> into DELETE /manifests/<digest> and answers 202.
    const proxy = await startTamperProxy(plain.url, async (req) => {
      const m = /^\/v2\/(.+)\/manifests\/([^/:]+)$/.exec(req.url)
      if (req.method !== 'DELETE' || m === null) return { action: 'pass' }
      const head = await proxy.upstream('HEAD', req.url, {
        accept: 'application/vnd.oci.image.manifest.v1+json'
      })
      return {
        action: 'rewrite',
        path: `/v2/${m[1]}/manifests/${head.headers['docker-content-digest']}`
      }
    })
    after(() => proxy.close())
    const client = clientFor({ ...plain, host: proxy.host })
    const m = await pushArtifact(client, proxy.host, `${REPO}/del-zot`, 'a')
    await client.putManifest(proxy.host, `${REPO}/del-zot`, 'b', m)
    await assert.rejects(
      client.deleteTag({ registry: proxy.host, repository: `${REPO}/del-zot`, tag: 'a' }),
      /also removed b; they were restored/
    )
    assert.equal(await skopeoDigest(`${plain.host}/${REPO}/del-zot:b`, plain), m.digest)
  })
})

test('a closing PUT whose response is lost: the blob is found by HEAD, not uploaded twice (AT-RETRY-4)', async () => {
  const plain = registries.plain
  let dropped = false
  const proxy = await startTamperProxy(plain.url, (req) => {
    if (req.method === 'PUT' && req.url.includes('digest=') && !dropped) {
      dropped = true
      return { action: 'drop-response' }
    }
    return { action: 'pass' }
  })
  after(() => proxy.close())
  const client = clientFor({ ...plain, host: proxy.host })
  const data = randomBytes(20_000)
  const d: Descriptor = {
    mediaType: 'application/octet-stream',
    digest: digestOf(data),
    size: data.length
  }
  assert.equal(await client.uploadBlob(proxy.host, `${REPO}/lost-put`, d, data), 'uploaded')
  assert.equal(proxy.requests.filter((r) => r.method === 'PUT').length, 1)
  assert.equal(
    await clientFor(plain).headBlob(plain.host, `${REPO}/lost-put`, d.digest),
    data.length
  )
})
