// Protocol edges a real registry cannot be made to show: each test starts
// node:http servers on 127.0.0.1 that answer like a registry, a CDN or a token
// server, and checks what the client sent and what it concluded.
import assert from 'node:assert/strict'
import { createServer, type ServerResponse } from 'node:http'
import { after, test } from 'node:test'
import type { Logger } from '../../../src/logger.js'
import { RegistryClient } from '../../../src/oci/client.js'
import { staticCredentials } from '../../../src/oci/credentials.js'
import { digestOf } from '../../../src/oci/digest.js'
import type { Descriptor } from '../../../src/oci/types.js'
import { RegistryError, UnreachableRegistryError } from '../../../src/oci/errors.js'
import {
  MEDIATYPE_DOCKER_LIST,
  MEDIATYPE_DOCKER_MANIFEST,
  MEDIATYPE_DOCKER_SCHEMA1_SIGNED,
  MEDIATYPE_OCI_INDEX,
  MEDIATYPE_OCI_MANIFEST
} from '../../../src/oci/media-types.js'
import { nextHop, redirectMethod } from '../../../src/oci/redirect.js'
import { Transport, type TransportOptions } from '../../../src/oci/transport.js'
import {
  reply,
  selfSignedCert,
  startServer,
  uploadMethods,
  type Handler,
  type SeenRequest
} from '../../helpers/tamper-proxy.js'

const BASIC = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`
const blob = Buffer.from('layer bytes for redirect tests')
const blobDesc = {
  mediaType: 'application/octet-stream',
  digest: digestOf(blob),
  size: blob.length
}
const manifest = Buffer.from(
  JSON.stringify(
    { schemaVersion: 2, mediaType: MEDIATYPE_OCI_MANIFEST, config: blobDesc, layers: [] },
    null,
    3
  )
)
const manifestDigest = digestOf(manifest)

const cleanups: Array<() => Promise<void>> = []
after(async () => {
  for (const c of cleanups.reverse()) await c()
})

async function server(handler: Handler, opts: Parameters<typeof startServer>[1] = {}) {
  const s = await startServer(handler, opts)
  cleanups.push(s.close)
  return s
}

function client(opts: TransportOptions = {}) {
  const sleeps: number[] = []
  const debug: string[] = []
  const logger: Logger = {
    debug: (m) => debug.push(m),
    info() {},
    warning: (m) => debug.push(m),
    group: (_n, fn) => fn()
  }
  const transport = new Transport({
    insecure: true,
    retry: { baseDelayMs: 10 },
    sleep: async (ms) => void sleeps.push(ms),
    logger,
    ...opts
  })
  cleanups.push(() => transport.close())
  return { c: new RegistryClient(transport), sleeps, debug }
}

const creds = (host: string) =>
  staticCredentials({ [host]: { username: 'alice', password: 's3cret' } })

/** 401 with a Basic challenge unless the request carries alice's credentials. */
function needsBasic(req: SeenRequest, res: ServerResponse): boolean {
  if (req.headers.authorization === BASIC) return false
  reply(
    res,
    401,
    { 'www-authenticate': 'Basic realm="test"' },
    { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }
  )
  return true
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c)
  return Buffer.concat(chunks)
}

const manifestHeaders = {
  'content-type': MEDIATYPE_OCI_MANIFEST,
  'docker-content-digest': manifestDigest
}

// §4 redirects and credential safety

test('a blob GET redirected to another origin reaches it without Authorization, and verifies (AT-RED-1)', async () => {
  const cdn = await server((_req, res) => reply(res, 200, {}, blob))
  const reg = await server((req, res) => {
    if (needsBasic(req, res)) return
    reply(res, 307, { location: `${cdn.url}/blobs/x?X-Amz-Signature=topsecret` })
  })
  const { c, debug } = client({ credentials: creds(reg.host) })
  assert.deepEqual(await readAll(await c.getBlob(reg.host, 'r', blobDesc)), blob)
  assert.equal(cdn.requests.length, 1)
  assert.equal(cdn.requests[0]!.headers.authorization, undefined)
  assert.equal(reg.requests.at(-1)!.headers.authorization, BASIC)
  const log = debug.join('\n')
  assert.doesNotMatch(
    log,
    /topsecret|czNjcmV0/,
    'signatures and credentials stay out of debug logs'
  )
})

test('registry → cdn → registry: Authorization only on the registry hops (AT-RED-4)', async () => {
  let regUrl = ''
  const cdn = await server((_req, res) =>
    reply(res, 307, { location: `${regUrl}/v2/r/blobs/final` })
  )
  const reg = await server((req, res) => {
    if (needsBasic(req, res)) return
    if (req.url.endsWith('/final')) return reply(res, 200, {}, blob)
    reply(res, 307, { location: `${cdn.url}/hop` })
  })
  regUrl = reg.url
  const { c } = client({ credentials: creds(reg.host) })
  assert.deepEqual(await readAll(await c.getBlob(reg.host, 'r', blobDesc)), blob)
  assert.equal(cdn.requests[0]!.headers.authorization, undefined)
  assert.equal(reg.requests.at(-1)!.url, '/v2/r/blobs/final')
  assert.equal(reg.requests.at(-1)!.headers.authorization, BASIC)
})

test('an https registry redirecting to plain http is refused (AT-RED-3), with the CA passed as `ca`', async () => {
  const plain = await server((_req, res) => reply(res, 200, {}, blob))
  const tls = await selfSignedCert()
  const reg = await server((_req, res) => reply(res, 307, { location: `${plain.url}/blob` }), {
    tls
  })
  const { c } = client({ insecure: false, ca: tls.cert })
  await assert.rejects(c.getBlob(reg.host, 'r', blobDesc), /from https to plain http/)
  assert.equal(reg.requests.length, 1)
  assert.equal(plain.requests.length, 0)
})

test('a redirect to the cloud metadata address is refused (AT-RED-5)', async () => {
  const reg = await server((_req, res) =>
    reply(res, 307, { location: 'http://169.254.169.254/latest/meta-data/' })
  )
  const { c } = client()
  await assert.rejects(
    c.getBlob(reg.host, 'r', blobDesc),
    /link-local address 169\.254\.169\.254: refused/
  )
})

test('a challenge from a redirect target never gets the registry credentials (R-RED-2)', async () => {
  const cdn = await server((req, res) => void (needsBasic(req, res) || reply(res, 200, {}, blob)))
  const reg = await server(
    (req, res) => void (needsBasic(req, res) || reply(res, 307, { location: `${cdn.url}/b` }))
  )
  const { c } = client({ credentials: creds(reg.host) })
  await assert.rejects(
    c.getBlob(reg.host, 'r', blobDesc),
    (e) => e instanceof RegistryError && e.status === 401
  )
  assert.ok(cdn.requests.every((r) => r.headers.authorization === undefined))
})

// §7 retries

test('429 with Retry-After: 2 waits two seconds and succeeds (AT-RETRY-1)', async () => {
  const reg = await server((_req, res) =>
    reg.requests.length === 1
      ? reply(res, 429, { 'retry-after': '2' }, { errors: [{ code: 'TOOMANYREQUESTS' }] })
      : reply(res, 200, manifestHeaders, manifest)
  )
  const { c, sleeps } = client()
  const got = await c.getManifest({ registry: reg.host, repository: 'r', tag: 't' })
  assert.equal(got.digest, manifestDigest)
  assert.deepEqual(sleeps, [2000])
})

test('a manifest PUT answered 503 three times then 201 succeeds with one stored manifest (AT-RETRY-3)', async () => {
  const stored: Buffer[] = []
  const reg = await server((req, res) => {
    if (reg.requests.length <= 3) return reply(res, 503, {}, 'busy')
    stored.push(req.body)
    reply(res, 201, { 'docker-content-digest': manifestDigest })
  })
  const { c, sleeps } = client()
  const digest = await c.putManifest(reg.host, 'r', 't', {
    bytes: manifest,
    mediaType: MEDIATYPE_OCI_MANIFEST,
    digest: manifestDigest
  })
  assert.equal(digest, manifestDigest)
  assert.equal(stored.length, 1)
  assert.deepEqual(stored[0], manifest)
  assert.equal(sleeps.length, 3)
  assert.equal(reg.requests[3]!.headers['content-type'], MEDIATYPE_OCI_MANIFEST)
})

test('a 404 is not retried and HEAD reports the manifest absent (AT-RETRY-5, R-MAN-5)', async () => {
  const reg = await server((_req, res) => reply(res, 404))
  const { c, sleeps } = client()
  assert.equal(
    await c.headManifest({ registry: reg.host, repository: 'r', tag: 'missing' }),
    undefined
  )
  assert.equal(reg.requests.length, 1)
  assert.deepEqual(sleeps, [])
})

test('a 5xx that persists is an error, never "absent" (R-MAN-5)', async () => {
  const reg = await server((_req, res) => reply(res, 502))
  const { c } = client({ retry: { attempts: 2, baseDelayMs: 1 } })
  await assert.rejects(
    c.headManifest({ registry: reg.host, repository: 'r', tag: 't' }),
    (e) => e instanceof RegistryError && e.status === 502
  )
  assert.equal(reg.requests.length, 2)
})

// §2 auth

/** A token server issuing tok-1, tok-2, … and recording each request's scopes. */
async function tokenServer() {
  let issued = 0
  const scopes: string[][] = []
  const s = await server((req, res) => {
    scopes.push(new URL(req.url, 'http://x').searchParams.getAll('scope'))
    reply(
      res,
      200,
      { 'content-type': 'application/json' },
      { token: `tok-${++issued}`, expires_in: 300 }
    )
  })
  return { ...s, scopes }
}

const bearer = (realm: string, scope: string, error?: string) =>
  `Bearer realm="${realm}/token",service="registry.test",scope="${scope}"${error ? `,error="${error}"` : ''}`

test('a 401 with a valid token is re-challenged once and then succeeds (AT-RETRY-5, R-AUTH-6)', async () => {
  const auth = await tokenServer()
  const reg = await server((req, res) => {
    const scope = 'repository:r:pull'
    if (req.headers.authorization === undefined)
      return reply(res, 401, { 'www-authenticate': bearer(auth.url, scope) })
    if (req.headers.authorization === 'Bearer tok-1')
      return reply(res, 401, { 'www-authenticate': bearer(auth.url, scope, 'insufficient_scope') })
    reply(res, 200, manifestHeaders, manifest)
  })
  const { c } = client()
  const head = await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' })
  assert.equal(head?.digest, manifestDigest)
  assert.equal(auth.requests.length, 2)
  assert.equal(reg.requests.length, 3)
})

test('a credential that expires (an ECR token) is asked for again when the registry refuses the old one', async () => {
  let clock = 1_000_000
  let password = 'token-1'
  const asked: string[] = []
  const rotating = {
    get: async () => {
      asked.push(password)
      return { username: 'AWS', password, expiresAt: clock + 6 * 3600_000 }
    }
  }
  const reg = await server((req, res) => {
    const wanted = `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`
    if (req.headers.authorization !== wanted) return reply(res, 401, { 'www-authenticate': 'Basic realm="ecr"' })
    reply(res, 200, manifestHeaders, manifest)
  })
  const { c } = client({ credentials: rotating, now: () => clock })
  const ref = { registry: reg.host, repository: 'r', tag: 't' }
  assert.equal((await c.headManifest(ref))?.digest, manifestDigest)
  assert.equal((await c.headManifest(ref))?.digest, manifestDigest)
  assert.deepEqual(asked, ['token-1'])
  // Half a day later the registry takes only a new token.
  clock += 12 * 3600_000
  password = 'token-2'
  assert.equal((await c.headManifest(ref))?.digest, manifestDigest)
  assert.deepEqual(asked, ['token-1', 'token-2'])
})

test('refused credentials give one line naming the registry, after a bounded number of requests', async () => {
  const reg = await server((req, res) => void needsBasic({ ...req, headers: {} }, res))
  const { c } = client({ credentials: creds(reg.host) })
  await assert.rejects(c.getManifest({ registry: reg.host, repository: 'r', tag: 't' }), (e) => {
    assert.ok(e instanceof RegistryError)
    assert.equal(e.status, 401)
    assert.equal(
      e.message,
      `GET ${reg.host}/v2/r/manifests/t: 401 UNAUTHORIZED authentication required (the credentials for ${reg.host} were refused)`
    )
    return true
  })
  assert.equal(reg.requests.length, 2)
})

test('a mount asks for one token holding the target push and the source pull scopes (AT-AUTH-3)', async () => {
  const auth = await tokenServer()
  const reg = await server((req, res) => {
    const url = new URL(req.url, 'http://x')
    const scope = req.method === 'HEAD' ? 'repository:dst:pull' : 'repository:dst:pull,push'
    if (!req.headers.authorization?.startsWith('Bearer tok-'))
      return reply(res, 401, { 'www-authenticate': bearer(auth.url, scope) })
    if (req.method === 'HEAD') return reply(res, 404)
    assert.equal(url.searchParams.get('from'), 'src')
    reply(res, 201, { location: `/v2/dst/blobs/${blobDesc.digest}` })
  })
  const { c } = client({ credentials: creds(reg.host) })
  assert.equal(await c.uploadBlob(reg.host, 'dst', blobDesc, blob, { mountFrom: 'src' }), 'mounted')
  const last = auth.scopes.at(-1)!
  assert.ok(last.includes('repository:dst:pull,push'), `token scopes ${last.join(' ')}`)
  assert.ok(last.includes('repository:src:pull'), `token scopes ${last.join(' ')}`)
})

// errors (R-ERR-1)

const errorBodies = [
  {
    name: 'OCI envelope',
    body: '{"errors":[{"code":"NAME_INVALID","message":"invalid repository name"}]}',
    exp: 'NAME_INVALID invalid repository name'
  },
  { name: 'truncated JSON', body: '{"errors":[{"cod', exp: '{"errors":[{"cod' },
  { name: 'plain text (ECR style)', body: 'Not Authorized', exp: 'Not Authorized' },
  { name: 'long HTML', body: `<html>${'x'.repeat(400)}</html>`, exp: `<html>${'x'.repeat(194)}…` },
  { name: 'empty', body: '', exp: '(empty body)' }
]
for (const tc of errorBodies) {
  test(`error body: ${tc.name} becomes one readable line`, async () => {
    const reg = await server((_req, res) => reply(res, 400, {}, tc.body))
    const { c } = client()
    await assert.rejects(c.getManifest({ registry: reg.host, repository: 'r', tag: 't' }), (e) => {
      assert.ok(e instanceof RegistryError)
      assert.equal(e.message, `GET ${reg.host}/v2/r/manifests/t: 400 ${tc.exp}`)
      assert.doesNotMatch(e.message, /\n/)
      return true
    })
  })
}

test('a plain-http registry without --insecure fails with a hint (UnreachableRegistryError)', async () => {
  const reg = await server((_req, res) => reply(res, 200, manifestHeaders, manifest))
  const { c } = client({ insecure: false })
  await assert.rejects(c.headManifest({ registry: reg.host, repository: 'r', tag: 't' }), (e) => {
    assert.ok(e instanceof UnreachableRegistryError)
    assert.match(e.message, new RegExp(`^cannot reach registry ${reg.host}: .*--insecure`))
    return true
  })
})

// §1.3 manifests

const manifestCases: Array<{
  name: string
  headers: Record<string, string>
  body?: Buffer
  ref?: { digest: string }
  error?: RegExp
  mediaType?: string
}> = [
  {
    name: 'Content-Type parameters are ignored (AT-MAN-5)',
    headers: { ...manifestHeaders, 'content-type': `${MEDIATYPE_OCI_MANIFEST}; charset=utf-8` },
    mediaType: MEDIATYPE_OCI_MANIFEST
  },
  {
    name: 'Docker-Content-Digest differing from the body is refused (AT-MAN-4)',
    headers: { ...manifestHeaders, 'docker-content-digest': `sha256:${'0'.repeat(64)}` },
    error: /does not match the manifest bytes/
  },
  {
    name: 'a body not matching the requested digest is refused (R-MAN-3)',
    headers: { 'content-type': MEDIATYPE_OCI_MANIFEST },
    ref: { digest: `sha256:${'1'.repeat(64)}` },
    error: /instead of sha256:1111/
  },
  {
    name: 'schema1 by Content-Type is refused (AT-MAN-3)',
    headers: { 'content-type': MEDIATYPE_DOCKER_SCHEMA1_SIGNED },
    error: /schema 1 manifest/
  },
  {
    name: 'schema1 by schemaVersion is refused (R-MAN-2)',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{"schemaVersion":1,"name":"r"}'),
    error: /schema 1 manifest/
  },
  {
    name: 'mediaType differing from Content-Type is refused (R-MAN-4)',
    headers: { 'content-type': MEDIATYPE_DOCKER_MANIFEST },
    error: /Content-Type application\/vnd\.docker.* mediaType is application\/vnd\.oci/
  },
  {
    name: 'invalid JSON names the reference',
    headers: { 'content-type': MEDIATYPE_OCI_MANIFEST },
    body: Buffer.from('{not json'),
    error: /\/r:t: the manifest is not valid JSON/
  },
  {
    name: 'no Docker-Content-Digest: digest computed over the raw bytes',
    headers: { 'content-type': MEDIATYPE_OCI_MANIFEST },
    mediaType: MEDIATYPE_OCI_MANIFEST
  }
]
for (const tc of manifestCases) {
  test(`GET manifest: ${tc.name}`, async () => {
    const reg = await server((_req, res) => reply(res, 200, tc.headers, tc.body ?? manifest))
    const { c } = client()
    const got = c.getManifest({ registry: reg.host, repository: 'r', tag: 't', ...tc.ref })
    if (tc.error) return void (await assert.rejects(got, tc.error))
    const m = await got
    assert.equal(m.mediaType, tc.mediaType)
    assert.equal(m.digest, manifestDigest)
    assert.deepEqual(m.bytes, manifest)
  })
}

test('HEAD sends all four manifest types, so an OCI index is found (AT-MAN-1)', async () => {
  const index = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIATYPE_OCI_INDEX, manifests: [] })
  )
  const reg = await server((req, res) => {
    if (!String(req.headers.accept).includes(MEDIATYPE_OCI_INDEX)) return reply(res, 404)
    reply(
      res,
      200,
      { 'content-type': MEDIATYPE_OCI_INDEX, 'docker-content-digest': digestOf(index) },
      index
    )
  })
  const { c } = client()
  const head = await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' })
  assert.deepEqual(head, {
    digest: digestOf(index),
    mediaType: MEDIATYPE_OCI_INDEX,
    size: index.length
  })
  const accept = String(reg.requests[0]!.headers.accept)
    .split(',')
    .map((s) => s.trim())
  for (const type of [
    MEDIATYPE_OCI_INDEX,
    MEDIATYPE_OCI_MANIFEST,
    MEDIATYPE_DOCKER_LIST,
    MEDIATYPE_DOCKER_MANIFEST
  ])
    assert.ok(accept.includes(type), type)
})

test('HEAD without Docker-Content-Digest falls back to GET and hashes the bytes (R-MAN-6)', async () => {
  const reg = await server((_req, res) =>
    reply(res, 200, { 'content-type': MEDIATYPE_OCI_MANIFEST }, manifest)
  )
  const { c } = client()
  const head = await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' })
  assert.equal(head?.digest, manifestDigest)
  assert.deepEqual(
    reg.requests.map((r) => r.method),
    ['HEAD', 'GET']
  )
})

test('Docker Hub rate-limit headers are read from manifest responses', async () => {
  const reg = await server((_req, res) =>
    reply(
      res,
      200,
      { ...manifestHeaders, 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '76;w=21600' },
      manifest
    )
  )
  const { c } = client()
  await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' })
  assert.deepEqual(c.lastRateLimit, { limit: 100, remaining: 76, windowSeconds: 21600 })
})

test('HEAD requests keep their connection: the requests after them reuse it', async () => {
  // A plain node:http server, to see which connection each request came on.
  const ports: number[] = []
  const srv = createServer((req, res) => {
    ports.push(req.socket.remotePort!)
    if (req.url?.includes('/blobs/')) return reply(res, 404)
    reply(res, 200, {
      'content-type': MEDIATYPE_OCI_MANIFEST,
      'docker-content-digest': manifestDigest,
      'content-length': String(manifest.length)
    }, req.method === 'HEAD' ? undefined : manifest)
  })
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () => new Promise<void>((resolve) => (srv.closeAllConnections(), srv.close(() => resolve())))
  )
  const { port } = srv.address() as { port: number }
  const { c } = client()
  const ref = { registry: `127.0.0.1:${port}`, repository: 'r', tag: 't' }
  for (let i = 0; i < 2; i++) {
    assert.equal((await c.headManifest(ref))?.digest, manifestDigest)
    assert.equal(await c.headBlob(ref.registry, 'r', blobDesc.digest), undefined)
  }
  assert.equal((await c.getManifest(ref)).digest, manifestDigest)
  assert.equal(ports.length, 5)
  // undici may open a second connection for a request sent the moment the
  // previous answer ends; a connection closed after each HEAD makes five.
  assert.ok(new Set(ports).size <= 2, `connections from ports ${ports.join(', ')}`)
})

// §1.5–1.6 uploads

test('a relative Location with a query gets the digest appended (AT-UP-1)', async () => {
  const reg = await server((req, res) => {
    if (req.method === 'HEAD') return reply(res, 404)
    if (req.method === 'POST')
      return reply(res, 202, { location: '/v2/r/blobs/uploads/uuid?_state=abc' })
    reply(res, 201, { location: `/v2/r/blobs/${blobDesc.digest}` })
  })
  const { c } = client()
  assert.equal(await c.uploadBlob(reg.host, 'r', blobDesc, blob), 'uploaded')
  const put = reg.requests.find((r) => r.method === 'PUT')!
  assert.equal(
    put.url,
    `/v2/r/blobs/uploads/uuid?_state=abc&digest=${encodeURIComponent(blobDesc.digest)}`
  )
  assert.match(put.url, /digest=sha256%3A/)
  assert.equal(put.headers['content-length'], String(blob.length))
  assert.deepEqual(put.body, blob)
})

test('a mount answered 201 transfers no bytes (AT-MNT-1)', async () => {
  const reg = await server((req, res) =>
    req.method === 'HEAD'
      ? reply(res, 404)
      : reply(res, 201, { location: `/v2/dst/blobs/${blobDesc.digest}` })
  )
  const { c } = client()
  assert.equal(await c.uploadBlob(reg.host, 'dst', blobDesc, blob, { mountFrom: 'src' }), 'mounted')
  assert.deepEqual(
    reg.requests.map((r) => r.method),
    ['HEAD', 'POST']
  )
  const post = new URL(reg.requests[1]!.url, 'http://x')
  assert.equal(post.searchParams.get('mount'), blobDesc.digest)
  assert.equal(post.searchParams.get('from'), 'src')
})

test('a mount answered 202 continues the upload at the returned Location (AT-MNT-2)', async () => {
  const reg = await server((req, res) => {
    if (req.method === 'HEAD') return reply(res, 404)
    if (req.method === 'POST')
      return reply(res, 202, { location: `http://${reg.host}/v2/dst/blobs/uploads/session-2` })
    reply(res, 201)
  })
  const { c } = client()
  assert.equal(
    await c.uploadBlob(reg.host, 'dst', blobDesc, blob, { mountFrom: 'src' }),
    'uploaded'
  )
  const put = reg.requests.find((r) => r.method === 'PUT')!
  assert.ok(put.url.startsWith('/v2/dst/blobs/uploads/session-2?digest='), put.url)
  assert.deepEqual(put.body, blob)
  assert.equal(
    reg.requests.filter((r) => r.method === 'POST').length,
    1,
    'no second session is opened'
  )
})

test('a closing PUT whose response is lost is checked with HEAD, not re-sent (AT-RETRY-4)', async () => {
  let committed = false
  const reg = await server((req, res) => {
    if (req.method === 'HEAD')
      return committed
        ? reply(res, 200, { 'content-length': String(blob.length) })
        : reply(res, 404)
    if (req.method === 'POST') return reply(res, 202, { location: '/v2/r/blobs/uploads/u1' })
    committed = true
    res.socket?.destroy()
  })
  const { c } = client()
  assert.equal(await c.uploadBlob(reg.host, 'r', blobDesc, blob), 'uploaded')
  assert.deepEqual(uploadMethods(reg.requests), ['HEAD', 'POST', 'PUT', 'HEAD'])
})

const JSON_TYPE = { 'content-type': 'application/json' }

test('a missing blob is read from the source while its upload session opens', async () => {
  let sourceAsked!: () => void
  const asked = new Promise<void>((resolve) => (sourceAsked = resolve))
  const source = await server((_req, res) => {
    sourceAsked()
    reply(res, 200, {}, blob)
  })
  const target = await server(async (req, res) => {
    if (req.method === 'HEAD') return reply(res, 404)
    if (req.method === 'POST') {
      // Answered once the source has the GET: a client that waited for this answer never gets it.
      const timedOut = await Promise.race([
        asked.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5000).unref())
      ])
      if (timedOut) return reply(res, 400, {}, 'the source was not read before this answer')
      return reply(res, 202, { location: '/v2/r/blobs/uploads/u' })
    }
    reply(res, 201)
  })
  const { c } = client()
  const outcome = await c.uploadBlob(target.host, 'r', blobDesc, {
    open: () => c.getBlob(source.host, 'r', blobDesc)
  })
  assert.equal(outcome, 'uploaded')
  assert.deepEqual(uploadMethods(target.requests), ['HEAD', 'POST', 'PUT'])
  assert.deepEqual(target.requests[2]!.body, blob)
})

test('an upload retried after a failed PUT reads the source again', async () => {
  const source = await server((_req, res) => reply(res, 200, {}, blob))
  let puts = 0
  const target = await server((req, res) => {
    if (req.method === 'HEAD') return reply(res, 404)
    if (req.method === 'POST') return reply(res, 202, { location: `/v2/r/blobs/uploads/s${puts}` })
    if (req.method === 'DELETE') return reply(res, 204)
    // The first session's PUT fails with a temporary error: a new session gets the bytes again.
    if (++puts === 1) return reply(res, 503)
    reply(res, 201)
  })
  const { c } = client()
  const outcome = await c.uploadBlob(target.host, 'r', blobDesc, {
    open: () => c.getBlob(source.host, 'r', blobDesc)
  })
  assert.equal(outcome, 'uploaded')
  assert.equal(source.requests.length, 2)
  const last = target.requests.filter((r) => r.method === 'PUT').at(-1)!
  assert.deepEqual(last.body, blob)
})

test('a missing blob: the session POST goes out with the HEAD, not after its answer', async () => {
  let postSeen!: () => void
  const posted = new Promise<void>((resolve) => (postSeen = resolve))
  const target = await server(async (req, res) => {
    if (req.method === 'HEAD') {
      // Answered only once the POST is here: a client that waited for this answer never sends it.
      const timedOut = await Promise.race([
        posted.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5000).unref())
      ])
      return reply(res, timedOut ? 500 : 404)
    }
    if (req.method === 'POST') {
      postSeen()
      return reply(res, 202, { location: '/v2/r/blobs/uploads/u' })
    }
    reply(res, 201)
  })
  const { c } = client()
  assert.equal(await c.uploadBlob(target.host, 'r', blobDesc, blob), 'uploaded')
  assert.deepEqual(uploadMethods(target.requests), ['HEAD', 'POST', 'PUT'])
})

test('a blob the target has: the early session is cancelled, and that repository gets no more early sessions', async () => {
  const other = Buffer.from('another layer')
  const otherDesc: Descriptor = { mediaType: 'application/octet-stream', digest: digestOf(other), size: other.length }
  let sessions = 0
  const target = await server((req, res) => {
    if (req.method === 'HEAD') {
      return req.url.includes(blobDesc.digest) ? reply(res, 200, { 'content-length': String(blob.length) }) : reply(res, 404)
    }
    if (req.method === 'POST') return reply(res, 202, { location: `/v2/r/blobs/uploads/s${++sessions}` })
    if (req.method === 'DELETE') return reply(res, 204)
    reply(res, 201)
  })
  const { c } = client()
  assert.equal(await c.uploadBlob(target.host, 'r', blobDesc, blob), 'exists')
  // The cancel goes out after the answer: wait for it.
  for (let i = 0; i < 100 && !target.requests.some((r) => r.method === 'DELETE'); i++) await new Promise((r) => setTimeout(r, 10))
  assert.deepEqual(uploadMethods(target.requests), ['HEAD', 'POST', 'DELETE'])
  assert.equal(new URL(target.requests[2]!.url, 'http://x').pathname, '/v2/r/blobs/uploads/s1')
  target.requests.length = 0
  assert.equal(await c.uploadBlob(target.host, 'r', otherDesc, other), 'uploaded')
  assert.deepEqual(
    target.requests.map((r) => r.method),
    ['HEAD', 'POST', 'PUT'],
    'after a present blob, the session waits for the HEAD'
  )
})

test('one early session per repository at a time: concurrent uploads leave the others to their HEAD', async () => {
  const other = Buffer.from('a second layer')
  const otherDesc: Descriptor = { mediaType: 'application/octet-stream', digest: digestOf(other), size: other.length }
  let heads = 0
  let postsBeforeAnswers = -1
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let sessions = 0
  const target = await server(async (req, res) => {
    if (req.method === 'HEAD') {
      // Both HEADs are held, and a moment longer: an early POST of the second upload would be here by then.
      if (++heads === 2) setTimeout(() => {
        postsBeforeAnswers = target.requests.filter((r) => r.method === 'POST').length
        release()
      }, 100)
      await released
      return reply(res, 404)
    }
    if (req.method === 'POST') return reply(res, 202, { location: `/v2/r/blobs/uploads/s${++sessions}` })
    reply(res, 201)
  })
  const { c } = client()
  const outcomes = await Promise.all([c.uploadBlob(target.host, 'r', blobDesc, blob), c.uploadBlob(target.host, 'r', otherDesc, other)])
  assert.deepEqual(outcomes, ['uploaded', 'uploaded'])
  assert.equal(postsBeforeAnswers, 1)
  assert.equal(target.requests.filter((r) => r.method === 'PUT').length, 2)
})

test('a blob the target has is not read from the source', async () => {
  const source = await server((_req, res) => reply(res, 200, {}, blob))
  const target = await server((_req, res) =>
    reply(res, 200, { 'content-length': String(blob.length) })
  )
  const { c } = client()
  const outcome = await c.uploadBlob(target.host, 'r', blobDesc, {
    open: () => c.getBlob(source.host, 'r', blobDesc)
  })
  assert.equal(outcome, 'exists')
  assert.equal(source.requests.length, 0)
})

test('a refused upload session releases the source read started with it', async () => {
  let asked = false
  let sourceAsked!: () => void
  const askedNow = new Promise<void>((resolve) => (sourceAsked = resolve))
  let released!: () => void
  const closed = new Promise<void>((resolve) => (released = resolve))
  const source = await server((_req, res) => {
    asked = true
    sourceAsked()
    // Headers and a first part only: the rest never comes, so only the client can end this.
    res.writeHead(200, { 'content-length': String(blob.length) })
    res.write(blob.subarray(0, 4))
    res.on('close', () => released())
  })
  const target = await server(async (req, res) => {
    if (req.method === 'HEAD') return reply(res, 404)
    // Refused once the source read is under way (or after a while, for a client that reads later).
    await Promise.race([askedNow, new Promise((resolve) => setTimeout(resolve, 2000).unref())])
    reply(res, 403, JSON_TYPE, { errors: [{ code: 'DENIED', message: 'no push' }] })
  })
  const { c } = client()
  await assert.rejects(
    c.uploadBlob(target.host, 'r', blobDesc, { open: () => c.getBlob(source.host, 'r', blobDesc) }),
    (e: unknown) => e instanceof RegistryError && e.status === 403
  )
  if (asked) await closed
})

/** A target registry where the blob is missing, sessions open and cancel, and any other request commits. */
async function uploadTarget() {
  let committed = false
  const target = await server((req, res) => {
    if (req.method === 'HEAD') return reply(res, 404)
    if (req.method === 'POST') return reply(res, 202, { location: '/v2/r/blobs/uploads/u' })
    if (req.method === 'DELETE') return reply(res, 204)
    committed = true
    reply(res, 201)
  })
  return { target, committed: () => committed }
}

test('a source failing after the session opened cancels the session, commits nothing', async () => {
  const source = await server((_req, res) =>
    reply(res, 404, JSON_TYPE, { errors: [{ code: 'BLOB_UNKNOWN', message: 'gone' }] })
  )
  const { target, committed } = await uploadTarget()
  const { c } = client()
  await assert.rejects(
    c.uploadBlob(target.host, 'r', blobDesc, { open: () => c.getBlob(source.host, 'r', blobDesc) }),
    (e: unknown) => e instanceof RegistryError && e.status === 404
  )
  assert.equal(committed(), false)
  assert.ok(
    target.requests.some((r) => r.method === 'DELETE'),
    'the upload session is cancelled'
  )
})

test('chunked upload PATCHes contiguous ranges, follows each Location, then closes with an empty PUT', async () => {
  let n = 0
  const reg = await server((req, res) => {
    if (req.method === 'HEAD') return reply(res, 404)
    if (req.method === 'POST')
      return reply(res, 202, { location: '/v2/r/blobs/uploads/c?n=0', 'oci-chunk-min-length': '8' })
    if (req.method === 'PATCH')
      return reply(res, 202, { location: `/v2/r/blobs/uploads/c?n=${++n}` })
    reply(res, 201)
  })
  const { c } = client()
  const source = {
    open: async () =>
      (await import('node:stream')).Readable.from([blob.subarray(0, 5), blob.subarray(5)])
  }
  assert.equal(await c.uploadBlob(reg.host, 'r', blobDesc, source, { chunkSize: 4 }), 'uploaded')
  const patches = reg.requests.filter((r) => r.method === 'PATCH')
  // OCI-Chunk-Min-Length 8 beats the requested 4.
  assert.deepEqual(
    patches.map((p) => p.headers['content-range']),
    ['0-7', '8-15', '16-23', `24-${blob.length - 1}`]
  )
  assert.deepEqual(Buffer.concat(patches.map((p) => p.body)), blob)
  assert.deepEqual(
    patches.map((p) => p.url),
    [
      '/v2/r/blobs/uploads/c?n=0',
      '/v2/r/blobs/uploads/c?n=1',
      '/v2/r/blobs/uploads/c?n=2',
      '/v2/r/blobs/uploads/c?n=3'
    ]
  )
  const put = reg.requests.at(-1)!
  assert.equal(put.method, 'PUT')
  assert.ok(put.url.startsWith('/v2/r/blobs/uploads/c?n=4&digest='))
  assert.equal(put.body.length, 0)
})

// §1.8 tags

test('tag pages follow relative Links; "tags": null is an empty page (AT-TAG-1, AT-TAG-3)', async () => {
  const pages: Record<string, { tags: string[] | null; next?: string }> = {
    '/v2/r/tags/list?n=2': { tags: ['a', 'b'], next: '/v2/r/tags/list?last=b&n=2' },
    '/v2/r/tags/list?last=b&n=2': { tags: null, next: '/v2/r/tags/list?last=c&n=2' },
    '/v2/r/tags/list?last=c&n=2': { tags: ['d'] }
  }
  const reg = await server((req, res) => {
    const page = pages[req.url]!
    reply(res, 200, page.next ? { link: `<${page.next}>; rel="next"` } : {}, {
      name: 'r',
      tags: page.tags
    })
  })
  const { c } = client()
  assert.deepEqual(await c.listTags(reg.host, 'r', { pageSize: 2 }), ['a', 'b', 'd'])
})

test('a tag pagination loop is detected (R-TAG-3)', async () => {
  const reg = await server((_req, res) =>
    reply(res, 200, { link: '</v2/r/tags/list?last=a>; rel="next"' }, { tags: ['a'] })
  )
  const { c } = client()
  await assert.rejects(c.listTags(reg.host, 'r'), /loops back/)
  assert.equal(reg.requests.length, 2)
})

test('tags of an unknown repository: [] on NAME_UNKNOWN, an error on other 404s', async () => {
  const reg = await server((req, res) =>
    req.url.startsWith('/v2/gone/')
      ? reply(
          res,
          404,
          {},
          { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] }
        )
      : reply(res, 404, {}, '404 page not found')
  )
  const { c } = client()
  assert.deepEqual(await c.listTags(reg.host, 'gone'), [])
  await assert.rejects(
    c.listTags(reg.host, 'other'),
    (e) => e instanceof RegistryError && e.status === 404
  )
})

test('a Link to another origin is refused with one line (AT-TAG-2)', async () => {
  const other = await server((_req, res) => reply(res, 200, {}, { tags: ['stolen'] }))
  const reg = await server((_req, res) =>
    reply(res, 200, { link: `<${other.url}/v2/r/tags/list?last=a>; rel="next"` }, { tags: ['a'] })
  )
  const { c } = client()
  await assert.rejects(
    c.listTags(reg.host, 'r'),
    (e) => e instanceof Error && e.name === 'UserError' && /another origin/.test(e.message)
  )
  assert.equal(other.requests.length, 0)
})

test('an upload Location on another host gets the bytes but not the Authorization (AT-UP-2)', async () => {
  const storage = await server((_req, res) => reply(res, 201))
  const reg = await server((req, res) => {
    if (needsBasic(req, res)) return
    if (req.method === 'HEAD') return reply(res, 404)
    reply(res, 202, { location: `${storage.url}/upload/1?sig=abc` })
  })
  const { c } = client({ credentials: creds(reg.host) })
  assert.equal(await c.uploadBlob(reg.host, 'r', blobDesc, blob), 'uploaded')
  assert.equal(storage.requests.length, 1)
  assert.equal(storage.requests[0]!.headers.authorization, undefined)
  assert.deepEqual(storage.requests[0]!.body, blob)
})

test('a redirect target challenging with its own realm gets no token request (AT-RED-2)', async () => {
  const attacker = await tokenServer()
  const cdn = await server((_req, res) =>
    reply(res, 401, { 'www-authenticate': bearer(attacker.url, 'repository:r:pull') })
  )
  const reg = await server(
    (req, res) => void (needsBasic(req, res) || reply(res, 307, { location: `${cdn.url}/b` }))
  )
  const { c } = client({ credentials: creds(reg.host) })
  await assert.rejects(
    c.getBlob(reg.host, 'r', blobDesc),
    (e) => e instanceof RegistryError && e.status === 401
  )
  assert.equal(attacker.requests.length, 0)
})

test('an http token realm for an https registry is refused unless insecure (AT-RED-6, R-AUTH-9)', async () => {
  const auth = await tokenServer()
  const tls = await selfSignedCert()
  const reg = await server(
    (_req, res) => reply(res, 401, { 'www-authenticate': bearer(auth.url, 'repository:r:pull') }),
    { tls }
  )
  const { c } = client({ insecure: false, ca: tls.cert, credentials: creds(reg.host) })
  await assert.rejects(
    c.headManifest({ registry: reg.host, repository: 'r', tag: 't' }),
    /asks for tokens from http:\/\/127\.0\.0\.1:\d+, which is not https: refused/
  )
  assert.equal(auth.requests.length, 0)
})

test('every HTTP exchange is reported to onRequest, hops included, without query strings', async () => {
  let regUrl = ''
  const cdn = await server((_req, res) => reply(res, 200, {}, blob))
  const reg = await server((_req, res) =>
    reply(res, 302, { location: `${cdn.url}/blob?token=secret` })
  )
  regUrl = reg.url
  const seen: Array<{ method: string; url: string; status: number }> = []
  const { c } = client({ onRequest: (info) => seen.push(info) })
  await readAll(await c.getBlob(reg.host, 'r', blobDesc))
  assert.deepEqual(seen, [
    { method: 'GET', url: `${regUrl}/v2/r/blobs/${blobDesc.digest}`, status: 302 },
    { method: 'GET', url: `${cdn.url}/blob`, status: 200 }
  ])
})

// §2.1–2.2 token exchange

/** A token server whose answers come from `respond`; records method, query and body. */
async function scriptedTokenServer(
  respond: (req: SeenRequest) => { status: number; body?: object }
) {
  return server((req, res) => {
    const r = respond(req)
    reply(res, r.status, { 'content-type': 'application/json' }, r.body)
  })
}

const tokenBodies = [
  { name: 'access_token only', body: { access_token: 'A' }, exp: 'A' },
  { name: 'token only', body: { token: 'T' }, exp: 'T' },
  { name: 'both: access_token wins', body: { access_token: 'A', token: 'T' }, exp: 'A' }
]
for (const tc of tokenBodies) {
  test(`token response with ${tc.name} (AT-AUTH-2)`, async () => {
    const auth = await scriptedTokenServer(() => ({ status: 200, body: tc.body }))
    const reg = await server((req, res) =>
      req.headers.authorization === `Bearer ${tc.exp}`
        ? reply(res, 200, manifestHeaders, manifest)
        : reply(res, 401, { 'www-authenticate': bearer(auth.url, 'repository:r:pull') })
    )
    const { c } = client()
    assert.equal(
      (await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' }))?.digest,
      manifestDigest
    )
  })
}

test('expires_in 0 is raised to 60 s: the token is reused within a minute and renewed after it (AT-AUTH-2)', async () => {
  let now = 1_000_000
  const realNow = Date.now
  Date.now = () => now
  try {
    let issued = 0
    const auth = await scriptedTokenServer(() => ({
      status: 200,
      body: { token: `t${++issued}`, expires_in: 0 }
    }))
    const reg = await server((req, res) =>
      req.headers.authorization?.startsWith('Bearer t')
        ? reply(res, 200, manifestHeaders, manifest)
        : reply(res, 401, { 'www-authenticate': bearer(auth.url, 'repository:r:pull') })
    )
    const { c } = client()
    const ref = { registry: reg.host, repository: 'r', tag: 't' }
    await c.headManifest(ref)
    now += 50_000
    await c.headManifest(ref)
    assert.equal(auth.requests.length, 1)
    now += 10_000
    await c.headManifest(ref)
    assert.equal(auth.requests.length, 2)
  } finally {
    Date.now = realNow
  }
})

test('token GET: no service parameter when the challenge has none, one scope parameter per scope, Basic to the realm', async () => {
  const auth = await scriptedTokenServer(() => ({ status: 200, body: { token: 'ok' } }))
  const reg = await server((req, res) =>
    req.headers.authorization === 'Bearer ok'
      ? reply(res, 200, manifestHeaders, manifest)
      : reply(res, 401, {
          'www-authenticate': `Bearer realm="${auth.url}/v2/token",scope="repository:r:pull repository:other:pull"`
        })
  )
  const { c } = client({ credentials: creds(reg.host) })
  await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' })
  const q = new URL(auth.requests[0]!.url, 'http://x').searchParams
  assert.equal(q.has('service'), false)
  assert.deepEqual(q.getAll('scope').sort(), ['repository:other:pull', 'repository:r:pull'])
  assert.equal(q.get('account'), 'alice')
  assert.equal(auth.requests[0]!.headers.authorization, BASIC)
})

test('an identity token uses the OAuth2 POST, falling back to GET when the server answers 404', async () => {
  const auth = await scriptedTokenServer((req) =>
    req.method === 'POST' ? { status: 404 } : { status: 200, body: { token: 'via-get' } }
  )
  const reg = await server((req, res) =>
    req.headers.authorization === 'Bearer via-get'
      ? reply(res, 200, manifestHeaders, manifest)
      : reply(res, 401, { 'www-authenticate': bearer(auth.url, 'repository:r:pull') })
  )
  const { c } = client({
    credentials: staticCredentials({ [reg.host]: { identityToken: 'refresh-me' } })
  })
  assert.equal(
    (await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' }))?.digest,
    manifestDigest
  )
  assert.deepEqual(
    auth.requests.map((r) => r.method),
    ['POST', 'GET']
  )
  const form = new URLSearchParams(auth.requests[0]!.body.toString())
  assert.equal(form.get('grant_type'), 'refresh_token')
  assert.equal(form.get('refresh_token'), 'refresh-me')
  assert.equal(form.get('service'), 'registry.test')
  assert.equal(form.get('scope'), 'repository:r:pull')
  assert.equal(form.get('client_id'), 'image-mirror')
})

test('a registry token is sent as the bearer token without any exchange', async () => {
  const auth = await tokenServer()
  const reg = await server((req, res) =>
    req.headers.authorization === 'Bearer direct'
      ? reply(res, 200, manifestHeaders, manifest)
      : reply(res, 401, { 'www-authenticate': bearer(auth.url, 'repository:r:pull') })
  )
  const { c } = client({
    credentials: staticCredentials({ [reg.host]: { registryToken: 'direct' } })
  })
  assert.equal(
    (await c.headManifest({ registry: reg.host, repository: 'r', tag: 't' }))?.digest,
    manifestDigest
  )
  assert.equal(auth.requests.length, 0)
})

test('a token server refusing the scope union is asked again for the request alone', async () => {
  const auth = await scriptedTokenServer((req) => {
    const scopes = new URL(req.url, 'http://x').searchParams.getAll('scope')
    return scopes.length > 1
      ? { status: 403, body: { details: 'no' } }
      : { status: 200, body: { token: `for ${scopes[0]}` } }
  })
  const reg = await server((req, res) => {
    const repo = req.url.split('/')[2]!
    const scope = `repository:${repo}:pull`
    if (req.headers.authorization !== `Bearer for ${scope}`)
      return reply(res, 401, { 'www-authenticate': bearer(auth.url, scope) })
    reply(res, 200, manifestHeaders, manifest)
  })
  const { c } = client({ credentials: creds(reg.host) })
  for (const repository of ['one', 'two', 'one']) {
    assert.equal(
      (await c.headManifest({ registry: reg.host, repository, tag: 't' }))?.digest,
      manifestDigest
    )
  }
})

test('a blob whose bytes do not match its digest fails the read and the upload fed by it (R-BLOB-1)', async () => {
  const corrupt = Buffer.from(blob).fill(0x41, 0, 4)
  const source = await server((_req, res) => reply(res, 200, {}, corrupt))
  const { target, committed } = await uploadTarget()
  const { c } = client()
  await assert.rejects(readAll(await c.getBlob(source.host, 'r', blobDesc)), /content has digest/)
  const upload = c.uploadBlob(target.host, 'r', blobDesc, {
    open: () => c.getBlob(source.host, 'r', blobDesc)
  })
  await assert.rejects(upload, /content has digest/)
  assert.equal(committed(), false)
  assert.ok(
    target.requests.some((r) => r.method === 'DELETE'),
    'the upload session is cancelled'
  )
})

// R-RED-1 hop policy, as a table

const hops: Array<{ from: string; to: string; refused?: RegExp }> = [
  { from: 'https://registry.example/v2/', to: 'https://cdn.example/blob?sig=1' },
  { from: 'https://registry.example/v2/', to: '/v2/other' },
  {
    from: 'https://registry.example/v2/',
    to: 'http://cdn.example/',
    refused: /https to plain http/
  },
  { from: 'https://registry.example/v2/', to: 'https://10.0.0.8/', refused: /internal address/ },
  { from: 'https://registry.example/v2/', to: 'https://192.168.1.1/', refused: /internal address/ },
  { from: 'https://registry.example/v2/', to: 'https://[::ffff:127.0.0.1]/', refused: /internal/ },
  { from: 'https://registry.example/v2/', to: 'https://localhost/', refused: /internal address/ },
  { from: 'https://registry.example/v2/', to: 'https://169.254.169.254/', refused: /link-local/ },
  { from: 'http://127.0.0.1:5000/v2/', to: 'http://127.0.0.1:5001/blob' },
  { from: 'http://10.1.2.3/v2/', to: 'http://10.1.2.4/blob' },
  { from: 'http://127.0.0.1:5000/v2/', to: 'http://[fe80::1]/', refused: /link-local/ },
  {
    from: 'https://registry.example/v2/',
    to: 'ftp://registry.example/x',
    refused: /unsupported scheme/
  }
]
for (const tc of hops) {
  test(`redirect ${tc.from} → ${tc.to}: ${tc.refused ? 'refused' : 'followed'}`, () => {
    if (tc.refused) assert.throws(() => nextHop(tc.to, new URL(tc.from)), tc.refused)
    else assert.equal(nextHop(tc.to, new URL(tc.from)).href, new URL(tc.to, tc.from).href)
  })
}

const methods = [
  { status: 307, method: 'PUT', exp: { method: 'PUT', keepBody: true } },
  { status: 308, method: 'PATCH', exp: { method: 'PATCH', keepBody: true } },
  { status: 302, method: 'GET', exp: { method: 'GET', keepBody: true } },
  { status: 302, method: 'POST', exp: { method: 'GET', keepBody: false } },
  { status: 301, method: 'PUT', exp: { method: 'PUT', keepBody: true } },
  { status: 303, method: 'PUT', exp: { method: 'GET', keepBody: false } },
  { status: 303, method: 'HEAD', exp: { method: 'HEAD', keepBody: true } }
]
for (const tc of methods) {
  test(`redirect ${tc.status} of ${tc.method} → ${tc.exp.method}`, () => {
    assert.deepEqual(redirectMethod(tc.status, tc.method), tc.exp)
  })
}
