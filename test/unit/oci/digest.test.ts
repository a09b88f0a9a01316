import assert from 'node:assert/strict'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import {
  digestOf,
  DigestMismatchError,
  VerifiedBlobStream,
  isDigest,
  parseDigest,
  referrersTagFor
} from '../../../src/oci/digest.js'
import { EMPTY_BLOB_DIGEST } from '../../../src/oci/media-types.js'

const HEX64 = 'a'.repeat(64)
const HEX128 = 'b'.repeat(128)

// [name, input, go-digest reason or undefined when valid]
const parseCases: Array<[string, string, string | undefined]> = [
  ['sha256', `sha256:${HEX64}`, undefined],
  ['sha512', `sha512:${HEX128}`, undefined],
  ['sha256 too short', `sha256:${HEX64.slice(1)}`, 'invalid checksum digest length'],
  ['sha256 with sha512 length', `sha256:${HEX128}`, 'invalid checksum digest length'],
  ['sha512 with sha256 length', `sha512:${HEX64}`, 'invalid checksum digest length'],
  ['uppercase hex', `sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
  ['non-hex', `sha256:${'g'.repeat(64)}`, 'invalid checksum digest format'],
  ['unknown algorithm', `md5:${HEX64}`, 'unsupported digest algorithm'],
  ['sha384 is not verified by us', `sha384:${'c'.repeat(96)}`, 'unsupported digest algorithm'],
  ['uppercase algorithm', `SHA256:${HEX64}`, 'invalid checksum digest format'],
  ['no colon', HEX64, 'invalid checksum digest format'],
  ['empty algorithm', `:${HEX64}`, 'invalid checksum digest format'],
  ['empty encoded', 'sha256:', 'invalid checksum digest format'],
  ['empty', '', 'invalid checksum digest format']
]

for (const [name, input, reason] of parseCases) {
  test(`parseDigest: ${name}`, () => {
    if (reason === undefined) {
      const [algorithm, encoded] = input.split(':')
      assert.deepEqual(parseDigest(input), { algorithm, encoded })
      assert.equal(isDigest(input), true)
      return
    }
    assert.throws(
      () => parseDigest(input),
      (e: unknown) => e instanceof UserError && e.message === `invalid digest "${input}": ${reason}`
    )
    assert.equal(isDigest(input), false)
  })
}

test('digestOf: well-known hashes', () => {
  assert.equal(digestOf(new Uint8Array()), EMPTY_BLOB_DIGEST)
  assert.equal(
    digestOf(Buffer.from('abc')),
    'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
  )
  assert.equal(
    digestOf(Buffer.from(''), 'sha512'),
    'sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce' +
      '47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'
  )
})

// AT-REF-1: the distribution-spec "Referrers Tag Schema" table.
const referrerTags: Array<[string, string]> = [
  [`sha256:${HEX64}`, `sha256-${HEX64}`],
  [`sha512:${'a'.repeat(128)}`, `sha512-${'a'.repeat(64)}`],
  [
    'test+algorithm+using+algorithm+separators+and+lots+of+characters+to+excercise+overall+truncation:' +
      'alsoSome=InTheEncodedSectionToShowHyphenReplacementAndLotsAndLotsOfCharactersToExcerciseEncodedTruncation',
    'test-algorithm-using-algorithm-s-alsoSome-InTheEncodedSectionToShowHyphenReplacementAndLotsAndLot'
  ]
]

for (const [digest, tag] of referrerTags) {
  test(`referrersTagFor: ${digest.slice(0, 24)}…`, () => {
    assert.equal(referrersTagFor(digest), tag)
  })
}

test('referrersTagFor: rejects a string without an algorithm', () => {
  assert.throws(() => referrersTagFor(HEX64), UserError)
})

test('VerifiedBlobStream: the empty blob', async () => {
  const { error, bytes } = await verify([], { digest: EMPTY_BLOB_DIGEST, size: 0 })
  assert.equal(error, undefined)
  assert.equal(bytes, 0)
})

async function verify(data: Buffer[], expected: { digest: string; size: number }) {
  const verifier = new VerifiedBlobStream(Readable.from(data), expected, 'reg/repo@blob')
  const received: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      received.push(chunk)
      cb()
    }
  })
  let error: unknown
  try {
    await pipeline(verifier, sink)
  } catch (e) {
    error = e
  }
  return { error, received: Buffer.concat(received), bytes: verifier.bytes }
}

const blob = Buffer.from('hello, registry')
const blobDigest = digestOf(blob)

const size = blob.length
const other = Buffer.from('HELLO, REGISTRY')
// [name, chunks, expected digest, error message pattern or undefined when accepted]
const verifierCases: Array<[string, Buffer[], string, RegExp | undefined]> = [
  ['matching content in chunks', [blob.subarray(0, 5), blob.subarray(5)], blobDigest, undefined],
  ['matching sha512 content', [blob], digestOf(blob, 'sha512'), undefined],
  ['short content', [blob.subarray(0, 3)], blobDigest, /received 3 bytes, expected 15/],
  ['long content', [blob, other], blobDigest, /received more than the expected 15 bytes/],
  ['same size, other bytes', [other], blobDigest, /has digest sha256:[0-9a-f]{64}, expected sha256:/]
]

for (const [name, data, digest, expectedError] of verifierCases) {
  test(`VerifiedBlobStream: ${name}`, async () => {
    const { error, received, bytes } = await verify(data, { digest, size })
    if (expectedError === undefined) {
      assert.equal(error, undefined)
      assert.deepEqual(received, Buffer.concat(data))
      assert.equal(bytes, size)
      return
    }
    assert.ok(error instanceof DigestMismatchError, `got ${String(error)}`)
    assert.equal(error.name, 'DigestMismatchError')
    assert.match(error.message, /^reg\/repo@blob: /)
    assert.match(error.message, expectedError)
  })
}

test('VerifiedBlobStream: never passes on bytes beyond the expected size', async () => {
  const { received } = await verify([blob, Buffer.from('extra')], { digest: blobDigest, size })
  assert.ok(received.length <= size)
})

test('VerifiedBlobStream: rejects an unusable expected digest up front', () => {
  assert.throws(() => new VerifiedBlobStream(Readable.from([]), { digest: 'md5:abc', size: 1 }, 'x'), UserError)
})

test('VerifiedBlobStream: the chunk that completes content of another digest is never passed on', async () => {
  // A consumer forwarding the bytes under Content-Length then sends a short body, which no registry commits.
  const { error, received } = await verify([other.subarray(0, 5), other.subarray(5)], { digest: blobDigest, size })
  assert.ok(error instanceof DigestMismatchError)
  assert.deepEqual(received, other.subarray(0, 5))
})

test('VerifiedBlobStream: a source that closes early fails the stream in one line', async () => {
  const source = new Readable({ read() {} })
  const verifier = new VerifiedBlobStream(source, { digest: blobDigest, size }, 'reg/repo@blob')
  source.push(blob.subarray(0, 4))
  setImmediate(() => source.destroy())
  const chunks: Buffer[] = []
  await assert.rejects(
    (async () => {
      for await (const chunk of verifier) chunks.push(chunk as Buffer)
    })(),
    /^UserError: reg\/repo@blob: the registry closed the connection before the blob was complete$/m
  )
  assert.equal(Buffer.concat(chunks).length, 4)
})

test('VerifiedBlobStream: destroying it releases the source', async () => {
  const source = new Readable({ read() {} })
  const verifier = new VerifiedBlobStream(source, { digest: blobDigest, size }, 'reg/repo@blob')
  verifier.destroy()
  await new Promise((resolve) => setImmediate(resolve))
  assert.equal(source.destroyed, true)
})

test('VerifiedBlobStream: an error before anyone reads waits for the consumer', async () => {
  // An upload opens the source while its POST is out: a reset then must not crash the process.
  const source = new Readable({ read() {} })
  const verifier = new VerifiedBlobStream(source, { digest: blobDigest, size }, 'reg/repo@blob')
  source.destroy(new Error('connection reset'))
  await new Promise((resolve) => setImmediate(resolve))
  await assert.rejects(
    (async () => {
      for await (const _ of verifier) assert.fail('no bytes expected')
    })(),
    /connection reset/
  )
})
