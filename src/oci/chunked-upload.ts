// Chunked blob upload (registry-protocol §1.5): PATCH fixed-size chunks with
// `Content-Range: <start>-<end>`, each to the Location the previous answer
// named. A 416 means the registry holds other bytes than the client thinks:
// GET the upload status and resume where its Range ends, at the Location it
// names (AT-UP-3), a bounded number of times.
//
// Where the bytes to resume with come from: the chunk in hand is in memory
// already (a PATCH body needs a length and must survive a 307), so a resume
// inside it is a slice. A resume before it (the registry lost a chunk it had
// acknowledged) reopens the source and skips to the offset instead of keeping
// earlier chunks around: memory stays at one chunk whatever the blob size.
// The closing PUT (blob-upload.ts) names the whole blob's digest, so the
// registry verifies every byte it assembled, resumed or not; a streamed
// source is verified by its own reader as well (R-BLOB-1), skipped bytes
// included.
import type { Readable } from 'node:stream'
import { UserError } from '../errors.js'
import type { Logger } from '../logger.js'
import { chunksOf } from './chunks.js'
import type { RegistryResponse, Transport } from './transport.js'
import type { Descriptor } from './types.js'
import { getUploadStatus, locationOf } from './upload-session.js'

/** 416s answered by a status GET and a resume, per upload session. */
export const MAX_RESUMES = 5

/** One chunked upload: where it goes and what it sends. */
export interface ChunkedUpload {
  transport: Transport
  logger?: Logger
  registry: string
  repository: string
  descriptor: Descriptor
  source: Buffer | { open(): Readable | Promise<Readable> }
  /** Token scopes of the upload (pull and push on the repository). */
  scopes: string[]
}

/**
 * PATCHes the whole source in chunks of `chunkSize` bytes, starting at the
 * session's `location`; returns the Location for the closing PUT.
 */
export async function patchChunks(
  up: ChunkedUpload,
  location: URL,
  chunkSize: number
): Promise<URL> {
  /** Bytes the registry holds. */
  let offset = 0
  let chunk: Buffer = Buffer.alloc(0)
  let chunkStart = 0
  let chunks = chunksOf(up.source, chunkSize)
  let resumes = 0
  try {
    for (;;) {
      if (offset === chunkStart + chunk.length) {
        const next = await chunks.next()
        if (next.done) break
        chunkStart = offset
        chunk = next.value
      }
      const res = await patch(up, location, offset, chunk.subarray(offset - chunkStart))
      if (res.status === 202) {
        location = locationOf(res)
        offset = chunkStart + chunk.length
        continue
      }
      if (++resumes > MAX_RESUMES) throw resumesExhausted(up, offset)
      const status = await getUploadStatus(up.transport, up.registry, location, up.scopes)
      const sent = chunkStart + chunk.length
      if (status.received > sent) {
        throw new UserError(
          `${label(up)}: the registry reports ${status.received} bytes received, but only ${sent} were sent`
        )
      }
      up.logger?.debug(
        `${label(up)}: PATCH at byte ${offset} answered 416; the registry holds ${status.received} bytes, resuming there`
      )
      if (status.received < chunkStart) {
        await chunks.return(undefined)
        chunks = chunksOf(up.source, chunkSize, status.received)
        chunkStart = status.received
        chunk = Buffer.alloc(0)
      }
      location = status.location
      offset = status.received
    }
  } finally {
    await chunks.return(undefined)
  }
  if (offset !== up.descriptor.size) {
    throw new UserError(
      `blob ${up.descriptor.digest}: the source gave ${offset} bytes, the descriptor says ${up.descriptor.size}`
    )
  }
  return location
}

/** One PATCH of `bytes` at `offset`: 202 or 416 comes back, its body read. */
async function patch(
  up: ChunkedUpload,
  location: URL,
  offset: number,
  bytes: Buffer
): Promise<RegistryResponse> {
  const res = await up.transport.request({
    method: 'PATCH',
    registry: up.registry,
    url: location,
    headers: {
      'content-type': 'application/octet-stream',
      'content-range': `${offset}-${offset + bytes.length - 1}`
    },
    body: bytes,
    scopes: up.scopes,
    expect: [202, 416],
    retry: false
  })
  await res.dump()
  return res
}

function label(up: ChunkedUpload): string {
  return `upload of ${up.descriptor.digest} to ${up.registry}/${up.repository}`
}

function resumesExhausted(up: ChunkedUpload, offset: number): UserError {
  return new UserError(
    `${label(up)}: the registry answered 416 (range not satisfiable) ${MAX_RESUMES + 1} times, the last to a PATCH at byte ${offset}; giving up`
  )
}
