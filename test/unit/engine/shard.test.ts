import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { parseShard, selectShard, shardOf } from '../../../src/engine/shard.js'

const KEYS = Array.from({ length: 300 }, (_, n) => `quay.io/team/image-${n}`)
const id = (s: string) => s

test('every entry lands in exactly one shard', () => {
  const shards = [1, 2, 3].map((index) => selectShard(KEYS, id, { index, total: 3 }))
  assert.deepEqual(shards.flat().sort(), [...KEYS].sort())
  for (const shard of shards)
    assert.ok(shard.length > 60, `uneven split: ${shards.map((s) => s.length)}`)
})

test('a shard keeps the input order', () => {
  const shard = selectShard(KEYS, id, { index: 2, total: 3 })
  assert.deepEqual(
    shard,
    KEYS.filter((k) => shard.includes(k))
  )
})

test('adding or removing entries does not move the others', () => {
  const before = new Map(KEYS.map((k) => [k, shardOf(k, 4)]))
  const more = ['docker.io/library/nginx', ...KEYS.slice(50), 'ghcr.io/x/y']
  for (let index = 1; index <= 4; index++) {
    for (const key of selectShard(more, id, { index, total: 4 })) {
      if (before.has(key)) assert.equal(before.get(key), index, key)
    }
  }
})

test('growing from 4 to 5 shards moves only about a fifth of the entries', () => {
  const moved = KEYS.filter((k) => shardOf(k, 4) !== shardOf(k, 5)).length
  assert.ok(moved > 20 && moved < 100, `moved ${moved} of ${KEYS.length}`)
})

// Pinned so that a release never silently moves entries between shards. The values were
// cross-checked with an independent Python implementation of SHA-256 + jump consistent hash.
const PINNED: Array<[string, number, number]> = [
  ['a', 2, 2],
  ['b', 1, 6],
  ['c', 2, 6],
  ['docker.io/library/nginx:1.27', 1, 1],
  ['quay.io/prometheus/prometheus', 2, 2]
]

for (const [key, of3, of10] of PINNED) {
  test(`${key} is in shard ${of3}/3 and ${of10}/10`, () => {
    assert.equal(shardOf(key, 3), of3)
    assert.equal(shardOf(key, 10), of10)
    assert.equal(shardOf(key, 1), 1)
  })
}

const PARSE: Array<[string, { index: number; total: number } | string]> = [
  ['1/3', { index: 1, total: 3 }],
  ['3/3', { index: 3, total: 3 }],
  [' 2 / 5 ', { index: 2, total: 5 }],
  ['1/1', { index: 1, total: 1 }],
  ['0/3', 'shard "0/3": the index counts from 1, so the first shard is 1/3'],
  ['4/3', 'shard "4/3": index 4 is greater than the total 3'],
  ['1/0', 'shard "1/0": the total must be at least 1'],
  ['x/y', 'shard "x/y": expected INDEX/TOTAL with whole numbers, such as 1/3'],
  ['1', 'shard "1": expected INDEX/TOTAL with whole numbers, such as 1/3'],
  ['-1/3', 'shard "-1/3": expected INDEX/TOTAL with whole numbers, such as 1/3']
]

for (const [text, expected] of PARSE) {
  test(`parseShard(${JSON.stringify(text)})`, () => {
    if (typeof expected === 'string') {
      assert.throws(
        () => parseShard(text),
        (e: unknown) => e instanceof UserError && e.message === expected
      )
    } else {
      assert.deepEqual(parseShard(text), expected)
    }
  })
}

test('selectShard refuses an impossible shard', () => {
  assert.throws(() => selectShard(KEYS, id, { index: 0, total: 2 }), UserError)
})
