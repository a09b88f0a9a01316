// Chunked uploads that meet a 416 (AT-UP-3): a tamper proxy in front of the
// plain registry refuses or cuts single PATCHes; the real registry answers the
// upload status GET and the resumed PATCHes, and verifies the whole blob's
// digest on the closing PUT.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { after, test } from 'node:test'
import { MAX_RESUMES } from '../../src/oci/chunked-upload.js'
import { RegistryClient } from '../../src/oci/client.js'
import { copyImage } from '../../src/oci/copy.js'
import { digestOf } from '../../src/oci/digest.js'
import { parseReference } from '../../src/oci/reference.js'
import { Transport } from '../../src/oci/transport.js'
import type { Descriptor } from '../../src/oci/types.js'
import { testEnv } from '../helpers/env.js'
import { buildImage } from '../helpers/images.js'
import {
  startTamperProxy,
  type SeenRequest,
  type Tamper,
  type TamperProxy,
  uploadMethods
} from '../helpers/tamper-proxy.js'

const plain = testEnv().registries.plain
const REPO = 'chunked-upload'
const CHUNK = 64 * 1024

const cleanups: Array<() => Promise<void>> = []
after(async () => {
  for (const c of cleanups.reverse()) await c()
})

function client(): RegistryClient {
  const transport = new Transport({ insecure: true })
  cleanups.push(() => transport.close())
  return new RegistryClient(transport)
}

async function proxy(tamper: (req: SeenRequest) => Tamper | Promise<Tamper>) {
  const p = await startTamperProxy(plain.url, tamper)
  cleanups.push(p.close)
  return p
}

/** Three full chunks and a short one, and a stream source that counts how often it is opened. */
function blob() {
  const data = randomBytes(3 * CHUNK + 1000)
  const descriptor: Descriptor = {
    mediaType: 'application/octet-stream',
    digest: digestOf(data),
    size: data.length
  }
  const source = {
    opens: 0,
    open() {
      source.opens++
      // Pieces that do not line up with chunks, as a network stream delivers them.
      const pieces: Buffer[] = []
      for (let i = 0; i < data.length; i += 10_000) pieces.push(data.subarray(i, i + 10_000))
      return Readable.from(pieces)
    }
  }
  return { data, descriptor, source }
}

/** What the registry answered to one upload status GET. */
interface StatusAnswer {
  url: string
  range: string
  location: string
}

/** Forwards a status GET (to `path`, default the one asked) and records the answer. */
async function forwardStatus(
  p: TamperProxy,
  req: SeenRequest,
  answers: StatusAnswer[],
  path = req.url
): Promise<Tamper> {
  const answer = await p.upstream('GET', path)
  // The registry names itself in Location; the client must keep talking to the proxy.
  const location = String(answer.headers.location ?? '').replace(plain.url, '')
  const range = String(answer.headers.range ?? '')
  answers.push({ url: req.url, range, location })
  return { action: 'respond', status: answer.status, headers: { location, range } }
}

const isStatusGet = (req: SeenRequest) =>
  req.method === 'GET' && req.url.includes('/blobs/uploads/')
const patches = (p: TamperProxy) => p.requests.filter((r) => r.method === 'PATCH')
const ranges = (p: TamperProxy) => patches(p).map((r) => r.headers['content-range'])

/** The blob as the registry serves it, read without the proxy and verified against the digest. */
async function stored(repository: string, d: Descriptor): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of await client().getBlob(plain.host, repository, d)) chunks.push(c)
  return Buffer.concat(chunks)
}

test('a 416 on the second PATCH: GET status, resume at the byte after its Range, at its Location (AT-UP-3)', async () => {
  const answers: StatusAnswer[] = []
  let n = 0
  const p = await proxy((req) => {
    if (req.method === 'PATCH' && ++n === 2) return { action: 'respond', status: 416 }
    if (isStatusGet(req)) return forwardStatus(p, req, answers)
    return { action: 'pass' }
  })
  const { data, descriptor, source } = blob()
  const repository = `${REPO}/second`
  const outcome = await client().uploadBlob(p.host, repository, descriptor, source, {
    chunkSize: CHUNK
  })
  assert.equal(outcome, 'uploaded')

  assert.equal(answers.length, 1)
  const [status] = answers
  assert.equal(status!.range, `0-${CHUNK - 1}`)
  const refused = patches(p)[1]!
  assert.equal(status!.url, refused.url, 'the status GET goes to the refused PATCH location')
  const resumed = patches(p)[2]!
  assert.equal(resumed.url, status!.location, 'the resumed PATCH goes to the status Location')
  assert.deepEqual(ranges(p), [
    `0-${CHUNK - 1}`,
    `${CHUNK}-${2 * CHUNK - 1}`,
    `${CHUNK}-${2 * CHUNK - 1}`,
    `${2 * CHUNK}-${3 * CHUNK - 1}`,
    `${3 * CHUNK}-${data.length - 1}`
  ])
  assert.deepEqual(uploadMethods(p.requests), ['HEAD', 'POST', 'PATCH', 'PATCH', 'GET', 'PATCH', 'PATCH', 'PATCH', 'PUT'])
  assert.equal(source.opens, 1, 'the chunk in hand is resent from memory')
  assert.deepEqual(await stored(repository, descriptor), data)
})

test('a registry holding half of the refused chunk: the rest of that chunk is sent from memory', async () => {
  const answers: StatusAnswer[] = []
  let n = 0
  let partial: string | undefined
  const p = await proxy(async (req) => {
    if (req.method === 'PATCH' && ++n === 2) {
      // The registry takes the first half of the chunk, then the exchange fails with 416.
      const half = req.body.subarray(0, CHUNK / 2)
      const answer = await p.upstream(
        'PATCH',
        req.url,
        {
          'content-type': 'application/octet-stream',
          'content-range': `${CHUNK}-${CHUNK + half.length - 1}`,
          'content-length': String(half.length)
        },
        half
      )
      assert.equal(answer.status, 202)
      partial = String(answer.headers.location).replace(plain.url, '')
      return { action: 'respond', status: 416 }
    }
    // The session state moved on with the half chunk: ask about it where the registry says.
    if (isStatusGet(req)) return forwardStatus(p, req, answers, partial)
    return { action: 'pass' }
  })
  const { data, descriptor, source } = blob()
  const repository = `${REPO}/half`
  assert.equal(
    await client().uploadBlob(p.host, repository, descriptor, source, { chunkSize: CHUNK }),
    'uploaded'
  )
  const resumeAt = CHUNK + CHUNK / 2
  assert.equal(answers[0]!.range, `0-${resumeAt - 1}`)
  assert.equal(ranges(p)[2], `${resumeAt}-${2 * CHUNK - 1}`)
  assert.deepEqual(patches(p)[2]!.body, data.subarray(resumeAt, 2 * CHUNK))
  assert.equal(source.opens, 1)
  assert.deepEqual(await stored(repository, descriptor), data)
})

test('a registry that lost an acknowledged chunk: the source is reopened at its Range', async () => {
  const answers: StatusAnswer[] = []
  let n = 0
  const p = await proxy((req) => {
    n += req.method === 'PATCH' ? 1 : 0
    // The second chunk is acknowledged but never reaches the registry's storage.
    if (req.method === 'PATCH' && n === 2)
      return { action: 'respond', status: 202, headers: { location: req.url } }
    // The third does not follow what the registry holds: 416, as distribution 3 answers
    // (2.8 ignores Content-Range and would append it).
    if (req.method === 'PATCH' && n === 3) return { action: 'respond', status: 416 }
    if (isStatusGet(req)) return forwardStatus(p, req, answers)
    return { action: 'pass' }
  })
  const { data, descriptor, source } = blob()
  const repository = `${REPO}/reopen`
  assert.equal(
    await client().uploadBlob(p.host, repository, descriptor, source, { chunkSize: CHUNK }),
    'uploaded'
  )
  assert.equal(answers[0]!.range, `0-${CHUNK - 1}`)
  assert.deepEqual(ranges(p), [
    `0-${CHUNK - 1}`,
    `${CHUNK}-${2 * CHUNK - 1}`,
    `${2 * CHUNK}-${3 * CHUNK - 1}`,
    `${CHUNK}-${2 * CHUNK - 1}`,
    `${2 * CHUNK}-${3 * CHUNK - 1}`,
    `${3 * CHUNK}-${data.length - 1}`
  ])
  assert.deepEqual(patches(p)[3]!.body, data.subarray(CHUNK, 2 * CHUNK))
  assert.equal(source.opens, 2, 'reopened once: chunks before the one in hand are not kept')
  assert.deepEqual(await stored(repository, descriptor), data)
})

test('a registry that always answers 416: one clear error, the session cancelled, no tag written', async () => {
  const image = await buildImage({
    registry: plain,
    repository: `${REPO}/src`,
    tag: 'v1',
    layers: [100_000]
  })
  const p = await proxy((req) =>
    req.method === 'PATCH' ? { action: 'respond', status: 416 } : { action: 'pass' }
  )
  const c = client()
  // The copy engine with every upload chunked.
  const chunked: Parameters<typeof copyImage>[0] = {
    headManifest: (ref) => c.headManifest(ref),
    getManifest: (ref) => c.getManifest(ref),
    putManifest: (...args) => c.putManifest(...args),
    headBlob: (...args) => c.headBlob(...args),
    getBlob: (...args) => c.getBlob(...args),
    uploadBlob: (registry, repository, d, source, opts) =>
      c.uploadBlob(registry, repository, d, source, { ...opts, chunkSize: CHUNK })
  }
  const target = parseReference(`${p.host}/${REPO}/never:v1`)
  await assert.rejects(
    copyImage(chunked, parseReference(image.ref), target, { concurrency: 1 }),
    (e: Error) => {
      assert.match(
        e.message,
        new RegExp(
          `^upload of sha256:[0-9a-f]{64} to ${p.host}/${REPO}/never: the registry answered 416 \\(range not satisfiable\\) ${MAX_RESUMES + 1} times, the last to a PATCH at byte 0; giving up$`
        )
      )
      return true
    }
  )
  const sessions = new Map<string, number>()
  for (const r of patches(p)) {
    const path = r.url.split('?')[0]!
    sessions.set(path, (sessions.get(path) ?? 0) + 1)
  }
  assert.ok(sessions.size >= 1)
  for (const count of sessions.values()) assert.equal(count, MAX_RESUMES + 1)
  const deletes = p.requests.filter((r) => r.method === 'DELETE').map((r) => r.url.split('?')[0])
  assert.ok(deletes.includes([...sessions.keys()][0]), 'the failed session is cancelled (R-UP-5)')
  assert.equal(p.requests.filter((r) => r.method === 'PUT').length, 0)
  assert.equal(
    await client().headManifest(parseReference(`${plain.host}/${REPO}/never:v1`)),
    undefined
  )
})
