// Netstrings and byte-order sorting, the building blocks of the v1 encoding.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { compareBytes, netstring, sortFiles } from '../../../src/engine/content-tag/encoding.js'

describe('netstrings', () => {
  const cases: Array<[string, string]> = [
    ['', '0:,'],
    ['abc', '3:abc,'],
    ['é', '2:é,'],
    ['😀/x', '6:😀/x,'],
    ['a,b:c', '5:a,b:c,']
  ]
  for (const [value, encoded] of cases)
    test(JSON.stringify(value), () => assert.equal(netstring(value), encoded))
})

describe('byte order', () => {
  // UTF-16 order puts U+FFFD before U+1F600 (a surrogate pair), UTF-8 byte order after.
  const cases: Array<[string, string]> = [
    ['a.b', 'a/b'],
    ['a', 'a/b'],
    ['Z', 'a'],
    ['\uFFFD', '😀'],
    ['x\uE000', 'x😀']
  ]
  for (const [lower, higher] of cases) {
    test(`${JSON.stringify(lower)} sorts before ${JSON.stringify(higher)}`, () => {
      assert.equal(Buffer.compare(Buffer.from(lower), Buffer.from(higher)), -1)
      assert.ok(compareBytes(lower, higher) < 0 && compareBytes(higher, lower) > 0)
      const sorted = sortFiles(
        [higher, lower].map((path) => ({ path, mode: '100644', digest: '' }))
      )
      assert.deepEqual(
        sorted.map((f) => f.path),
        [lower, higher]
      )
    })
  }
})
