// Blob upload (registry-protocol §1.5–1.6):
//  1. HEAD the blob in the target; present → done (R-UP-4). The largest
//     blob's session POST goes out with its HEAD (see EarlySessions).
//  2. Mount from another repository of the same registry when asked:
//     201 → done; 202 → the answer is an upload session, continue with it (R-MNT-2).
//  3. POST a session, then one PUT with an explicit Content-Length (R-UP-2);
//     the source's GET is sent with the POST, not after it.
//     Or PATCH chunks and a closing PUT for large blobs (R-UP-6); a 416 on a
//     PATCH is recovered from the upload status (AT-UP-3).
//  4. A closing PUT whose answer is lost may still have committed: HEAD the
//     blob before starting over (AT-RETRY-4); a failed session is cancelled
//     best effort and never reused (R-UP-5).
import type { Readable } from 'node:stream'
import { UserError } from '../errors.js'
import { RegistryError, isTemporary } from './errors.js'
import { header, type RegistryResponse } from './response.js'
import type { RequestBody, Transport } from './transport.js'
import type { Descriptor } from './types.js'
import { repositoryScope } from './scope.js'
import { patchChunks } from './chunked-upload.js'
import { locationOf } from './upload-session.js'
import type { Logger } from '../logger.js'

/** Bytes to upload: a buffer, or a factory that opens a fresh stream per attempt. */
export type BlobSource = Buffer | { open(): Readable | Promise<Readable> }

export interface UploadOptions {
  /** Repository on the same registry to mount the blob from. */
  mountFrom?: string
  /** Upload in PATCH chunks of this size instead of one PUT. */
  chunkSize?: number
}

export type UploadOutcome = 'exists' | 'mounted' | 'uploaded'

/** What the upload needs from the client. */
export interface UploadHost {
  transport: Transport
  logger?: Logger
  headBlob(registry: string, repository: string, digest: string): Promise<number | undefined>
  /** Where to open sessions while the HEAD is out; without it, only after. */
  earlySessions?: EarlySessions
}

/**
 * Which blob uploads open their session while the blob's HEAD is out, so that
 * a missing blob's bytes start moving one round trip sooner. A blob the HEAD
 * finds present costs that session (a POST, and a DELETE that cancels it;
 * distribution 2.8 even leaves a small directory behind until its upload
 * purge), so the cost is kept small: one early session per target repository
 * at a time, which a copy gives to its largest blob (it starts first and ends
 * last), and none in a repository once a HEAD has found one of its blobs
 * present (later tags of an image family share layers).
 */
export class EarlySessions {
  readonly #hasBlobs = new Set<string>()
  readonly #pending = new Set<string>()

  /** True when this upload may open its session with its HEAD; it must then call `settle`. */
  claim(registry: string, repository: string): boolean {
    const key = `${registry}/${repository}`
    if (this.#hasBlobs.has(key) || this.#pending.has(key)) return false
    this.#pending.add(key)
    return true
  }

  /** The claiming upload's HEAD has answered (or failed). */
  settle(registry: string, repository: string): void {
    this.#pending.delete(`${registry}/${repository}`)
  }

  /** A HEAD found a blob of this repository present. */
  foundPresent(registry: string, repository: string): void {
    this.#hasBlobs.add(`${registry}/${repository}`)
  }
}

/** Cap on a registry's OCI-Chunk-Min-Length: a chunk is held in memory. */
const MAX_CHUNK = 256 * 1024 * 1024
const SESSION_ATTEMPTS = 3

interface Session {
  url: URL
  minChunk: number
}

interface Job {
  host: UploadHost
  registry: string
  repository: string
  descriptor: Descriptor
  source: BlobSource
  scopes: string[]
}

/** Uploads one blob; see the steps above. */
export async function uploadBlob(
  host: UploadHost,
  registry: string,
  repository: string,
  descriptor: Descriptor,
  source: BlobSource,
  opts: UploadOptions = {}
): Promise<UploadOutcome> {
  if (Buffer.isBuffer(source) && source.length !== descriptor.size) {
    throw new UserError(
      `blob ${descriptor.digest}: ${source.length} bytes given, the descriptor says ${descriptor.size}`
    )
  }
  const job: Job = {
    host,
    registry,
    repository,
    descriptor,
    source,
    scopes: [repositoryScope(repository, ['pull', 'push'])]
  }
  const mountFrom = opts.mountFrom !== repository ? opts.mountFrom : undefined
  const early = mountFrom === undefined && host.earlySessions?.claim(registry, repository) ? earlySession(job) : undefined
  const cancelEarly = () => early?.then((opened) => opened && cancel(job, opened.url))
  let present: number | undefined
  try {
    present = await host.headBlob(registry, repository, descriptor.digest)
  } catch (error) {
    cancelEarly()
    throw error
  } finally {
    if (early !== undefined) host.earlySessions?.settle(registry, repository)
  }
  if (present !== undefined && (present === descriptor.size || present === -1)) {
    host.earlySessions?.foundPresent(registry, repository)
    cancelEarly()
    return 'exists'
  }
  let session: Session | undefined
  if (mountFrom !== undefined) {
    const mounted = await mount(job, mountFrom)
    if (mounted === 'mounted') return 'mounted'
    session = mounted
  }
  // One streamed PUT with Content-Length by default, whatever the size: memory
  // stays flat, and every registry accepts it. Chunks are held in memory, so
  // they are used only when asked for (registries behind body-size limits).
  const chunk = opts.chunkSize
  let discard: (() => void) | undefined
  const streamed = chunk === undefined && descriptor.size > 0 && !Buffer.isBuffer(source)
  if (session === undefined && streamed) {
    const opened = await startSessionOpening(job, source, early)
    session = opened.session
    discard = opened.discard
  } else {
    session ??= await early
  }
  for (let attempt = 1; ; attempt++) {
    session ??= await startSession(job)
    try {
      if (chunk === undefined || descriptor.size === 0) await putWhole(job, session.url)
      else await putChunks(job, session, Math.min(MAX_CHUNK, Math.max(chunk, session.minChunk)))
      return 'uploaded'
    } catch (error) {
      discard?.()
      if (await landed(job)) return 'uploaded'
      await cancel(job, session.url)
      const again =
        isTemporary(error) ||
        (error instanceof RegistryError && error.hasCode('BLOB_UPLOAD_UNKNOWN'))
      if (!again || attempt >= SESSION_ATTEMPTS) throw error
      session = undefined
    }
  }
}

/**
 * A session opened ahead of the HEAD's answer; undefined when the POST
 * failed, so that the upload asks again and reports that answer itself.
 */
function earlySession(job: Job): Promise<Session | undefined> {
  return startSession(job).catch(() => undefined)
}

/** Cross-repository mount (§1.6); the token must cover pull on the source too (R-MNT-3). */
async function mount(job: Job, from: string): Promise<'mounted' | Session> {
  const query = new URLSearchParams({ mount: job.descriptor.digest, from })
  const res = await job.host.transport.request({
    method: 'POST',
    registry: job.registry,
    path: `/v2/${job.repository}/blobs/uploads/?${query}`,
    headers: { 'content-length': '0' },
    scopes: [...job.scopes, repositoryScope(from, ['pull'])],
    expect: [201, 202]
  })
  await res.dump()
  return res.status === 201 ? 'mounted' : sessionOf(res)
}

/**
 * An empty POST that opens a session. No "single POST" (`?digest=` with the
 * body, §1.5, AT-UP-4): it would save one round trip only on registries that
 * support it, and distribution 2.8 answers it 202 with `Range: 0-0`, the body
 * discarded, so the bytes would travel twice; a registry that kept the body as
 * a first chunk would make the PUT that follows store the wrong content.
 */
async function startSession(job: Job): Promise<Session> {
  const res = await job.host.transport.request({
    method: 'POST',
    registry: job.registry,
    path: `/v2/${job.repository}/blobs/uploads/`,
    headers: { 'content-length': '0' },
    scopes: job.scopes,
    expect: [202]
  })
  await res.dump()
  return sessionOf(res)
}

/**
 * The POST of the first session and the source's GET at once: the blob is
 * known to be missing, so both are needed, and the PUT waits for the later
 * of the two instead of their sum (a fresh copy pays this per blob before
 * any byte moves). The POST may already be out (`early`). The opened stream
 * goes to the first PUT (`job.source` hands it out once; a retry opens the
 * source again); `discard` releases it when no PUT took it.
 */
async function startSessionOpening(
  job: Job,
  source: { open(): Readable | Promise<Readable> },
  early: Promise<Session | undefined> | undefined
): Promise<{ session: Session; discard: () => void }> {
  let first: Promise<Readable> | undefined = Promise.resolve().then(() => source.open())
  // A failed GET is reported by the PUT that awaits it, not as unhandled meanwhile.
  first.catch(() => {})
  const discard = () => {
    first?.then((stream) => stream.destroy(), () => {})
    first = undefined
  }
  job.source = {
    open: () => {
      const stream = first ?? source.open()
      first = undefined
      return stream
    }
  }
  try {
    return { session: (await early) ?? (await startSession(job)), discard }
  } catch (error) {
    discard()
    job.source = source
    throw error
  }
}

/** The upload Location, resolved against the URL that answered (R-UP-1). */
function sessionOf(res: RegistryResponse): Session {
  const minChunk = Number(header(res.headers, 'oci-chunk-min-length'))
  return {
    url: locationOf(res),
    minChunk: Number.isInteger(minChunk) && minChunk > 0 ? minChunk : 0
  }
}

/**
 * Adds `digest` to a Location, keeping its query exactly as the registry
 * wrote it (it may carry signed state); the digest is encoded as
 * URLSearchParams does (`:` → `%3A`).
 */
export function withDigest(location: URL, digest: string): URL {
  const url = new URL(location)
  const param = new URLSearchParams({ digest }).toString()
  url.search = url.search.length > 1 ? `${url.search}&${param}` : `?${param}`
  return url
}

/** The closing PUT; never retried blindly (see `landed`). */
async function close(
  job: Job,
  location: URL,
  body: RequestBody | undefined,
  length: number
): Promise<void> {
  const res = await job.host.transport.request({
    method: 'PUT',
    registry: job.registry,
    url: withDigest(location, job.descriptor.digest),
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(length) },
    body,
    scopes: job.scopes,
    // 201 per spec; 204 from legacy registries (R-UP-7).
    expect: [201, 204],
    retry: false
  })
  await res.dump()
}

/** Monolithic upload: one PUT with the whole blob; the empty blob goes with no body (R-UP-3). */
function putWhole(job: Job, location: URL): Promise<void> {
  const { source, descriptor } = job
  if (descriptor.size === 0) return close(job, location, undefined, 0)
  const body: RequestBody = Buffer.isBuffer(source)
    ? source
    : { length: descriptor.size, open: () => source.open() }
  return close(job, location, body, descriptor.size)
}

/** Chunked upload: the PATCHes (chunked-upload.ts), then the closing PUT. */
async function putChunks(job: Job, session: Session, chunkSize: number): Promise<void> {
  const { host, ...upload } = job
  const location = await patchChunks(
    { ...upload, transport: host.transport, logger: host.logger },
    session.url,
    chunkSize
  )
  await close(job, location, undefined, 0)
}

/** True when the blob is in the target with the right size, whatever the last answer said. */
async function landed(job: Job): Promise<boolean> {
  try {
    return (
      (await job.host.headBlob(job.registry, job.repository, job.descriptor.digest)) ===
      job.descriptor.size
    )
  } catch {
    return false
  }
}

/** Cancels an upload session (main spec end-14); failures are ignored. */
async function cancel(job: Job, location: URL): Promise<void> {
  try {
    const res = await job.host.transport.request({
      method: 'DELETE',
      registry: job.registry,
      url: location,
      scopes: job.scopes,
      retry: false
    })
    await res.dump()
  } catch {
    // Best effort: the registry times abandoned sessions out.
  }
}
