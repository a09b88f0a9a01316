// Netstrings and byte-order sorting, the building blocks of the v1 encoding.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { compareBytes, encodeFiles, netstring, sortFiles } from '../../../src/engine/content-tag/encoding.js'

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

describe('file list section', () => {
  // The encoder takes character counts as lengths for all-ASCII chunks; a chunk with
  // any other character must come out exactly as netstrings of UTF-8 byte lengths.
  const digest = 'e69de29bb2d1d6434b8b29ae775ad8c2d48c5391'
  const files = Array.from({ length: 2500 }, (_, i) => ({
    path: i === 1500 ? `dir/naïve-😀-${i}` : `dir/file-${String(i).padStart(5, '0')}`,
    mode: i % 7 === 0 ? '100755' : '100644',
    digest
  }))
  const reference =
    netstring('files') +
    netstring(String(files.length)) +
    files.map((f) => netstring(f.path) + netstring(f.mode) + netstring(f.digest)).join('')

  test('is the netstrings of every path, mode and blob id, in order', () => {
    assert.equal(encodeFiles('files', files).join(''), reference)
  })

  test('counts bytes, not characters, in a chunk with non-ASCII paths', () => {
    const encoded = encodeFiles('files', files).join('')
    assert.ok(encoded.includes(`${Buffer.byteLength(files[1500]!.path)}:${files[1500]!.path},`))
    assert.ok(!encoded.includes(`${files[1500]!.path.length}:${files[1500]!.path},`))
  })
})
