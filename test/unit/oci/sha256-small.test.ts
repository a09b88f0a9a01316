// The JavaScript SHA-256 used for small digests before node:crypto loads:
// FIPS 180-4 example vectors, and agreement with node:crypto at every length
// around the padding boundaries.
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { sha256Hex } from '../../../src/oci/sha256-small.js'

const vectors: Array<[string, string]> = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
  ],
  [
    'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
    'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1'
  ]
]
for (const [message, digest] of vectors) {
  test(`sha256Hex: FIPS 180-4 vector of ${message.length} bytes`, () => {
    assert.equal(sha256Hex(Buffer.from(message)), digest)
  })
}

test('sha256Hex: a million "a" (FIPS 180-4 long vector)', () => {
  assert.equal(sha256Hex(Buffer.alloc(1_000_000, 'a')), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0')
})

test('sha256Hex agrees with node:crypto at every length up to three blocks and at larger sizes', () => {
  const lengths = [...Array.from({ length: 200 }, (_, i) => i), 1000, 4096, 65_535, 65_536]
  for (const length of lengths) {
    const bytes = randomBytes(length)
    assert.equal(sha256Hex(bytes), createHash('sha256').update(bytes).digest('hex'), `length ${length}`)
  }
})

test('sha256Hex reads only the view it is given', () => {
  const backing = randomBytes(300)
  const view = backing.subarray(17, 150)
  assert.equal(sha256Hex(view), createHash('sha256').update(view).digest('hex'))
})
