// What a chunked upload resumes from (AT-UP-3): the bytes an upload status
// Range says the registry holds, and chunks of a source from any offset.
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { chunksOf } from '../../../src/oci/chunks.js'
import { receivedBytes } from '../../../src/oci/upload-session.js'

const RANGES: Array<{ name: string; range: string | undefined; exp: number | undefined }> = [
  { name: 'inclusive end: 0-1023 is 1024 bytes', range: '0-1023', exp: 1024 },
  { name: 'the bytes= form regclient tolerates', range: 'bytes=0-1023', exp: 1024 },
  { name: 'surrounding spaces', range: ' 0-9 ', exp: 10 },
  { name: 'no header: nothing received', range: undefined, exp: 0 },
  { name: 'an empty header: nothing received', range: '', exp: 0 },
  { name: '0-0, what distribution writes for an empty session', range: '0-0', exp: 0 },
  { name: 'a range not starting at 0', range: '5-10', exp: undefined },
  { name: 'a Content-Range form', range: 'bytes 0-9/10', exp: undefined },
  { name: 'garbage', range: 'all of it', exp: undefined },
  { name: 'beyond safe integers', range: '0-99999999999999999999', exp: undefined }
]

for (const tc of RANGES) {
  test(`receivedBytes: ${tc.name}`, () => {
    assert.equal(receivedBytes(tc.range), tc.exp)
  })
}

const data = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz')

async function collect(gen: AsyncIterable<Buffer>): Promise<string[]> {
  const out: string[] = []
  for await (const b of gen) out.push(b.toString())
  return out
}

/** A stream source delivering `data` in pieces of `piece` bytes; counts opens. */
function streamed(piece: number) {
  const source = {
    opens: 0,
    open() {
      source.opens++
      const pieces: Buffer[] = []
      for (let i = 0; i < data.length; i += piece) pieces.push(data.subarray(i, i + piece))
      return Readable.from(pieces)
    }
  }
  return source
}

const STARTS: Array<{ start: number; exp: string[] }> = [
  { start: 0, exp: ['0123456789', 'abcdefghij', 'klmnopqrst', 'uvwxyz'] },
  { start: 10, exp: ['abcdefghij', 'klmnopqrst', 'uvwxyz'] },
  { start: 13, exp: ['defghijklm', 'nopqrstuvw', 'xyz'] },
  { start: 36, exp: [] }
]

for (const tc of STARTS) {
  test(`chunksOf from byte ${tc.start}: a buffer and a stream give the same chunks`, async () => {
    assert.deepEqual(await collect(chunksOf(data, 10, tc.start)), tc.exp)
    for (const piece of [1, 7, 10, 64]) {
      const source = streamed(piece)
      assert.deepEqual(await collect(chunksOf(source, 10, tc.start)), tc.exp, `pieces of ${piece}`)
      assert.equal(source.opens, 1)
    }
  })
}

test('chunksOf stops reading the stream when the caller stops early', async () => {
  let destroyed = false
  const stream = Readable.from([data, data, data])
  stream.on('close', () => (destroyed = true))
  const gen = chunksOf({ open: () => stream }, 10)
  assert.equal((await gen.next()).value?.toString(), '0123456789')
  await gen.return(undefined)
  await new Promise((resolve) => setImmediate(resolve))
  assert.ok(destroyed)
})
