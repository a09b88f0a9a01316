// Fixed-size chunks of an upload source: each PATCH body is a buffer, so it
// has a known length and can be replayed on a 307/308 without the source.
import type { Readable } from 'node:stream'

/** Splits a source into buffers of `size` bytes (the last one shorter). */
export async function* chunksOf(
  source: Buffer | { open(): Readable | Promise<Readable> },
  size: number
): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(source)) {
    for (let i = 0; i < source.length; i += size) yield source.subarray(i, i + size)
    return
  }
  let pending: Buffer[] = []
  let length = 0
  for await (const data of await source.open()) {
    let piece = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array)
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
