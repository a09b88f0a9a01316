// Fixed-size chunks of an upload source: each PATCH body is a buffer, so it
// has a known length and can be replayed on a 307/308 without the source.
import type { Readable } from 'node:stream'

/**
 * Splits a source into buffers of `size` bytes (the last one shorter),
 * starting at byte `start`. A stream source is opened afresh and read from
 * its beginning, the first `start` bytes discarded: the bytes still flow
 * through whatever verifies the stream (getBlob's digest check), and memory
 * stays at one chunk.
 */
export async function* chunksOf(
  source: Buffer | { open(): Readable | Promise<Readable> },
  size: number,
  start = 0
): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(source)) {
    for (let i = start; i < source.length; i += size) yield source.subarray(i, i + size)
    return
  }
  let skip = start
  let pending: Buffer[] = []
  let length = 0
  for await (const data of await source.open()) {
    let piece = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array)
    if (skip > 0) {
      const dropped = Math.min(skip, piece.length)
      piece = piece.subarray(dropped)
      skip -= dropped
    }
    while (length + piece.length >= size) {
      const take = size - length
      pending.push(piece.subarray(0, take))
      yield Buffer.concat(pending, size)
      piece = piece.subarray(take)
      pending = []
      length = 0
    }
    if (piece.length > 0) {
      pending.push(piece)
      length += piece.length
    }
  }
  if (length > 0) yield Buffer.concat(pending, length)
}
