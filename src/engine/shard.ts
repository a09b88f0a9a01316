import { createHash } from 'node:crypto'
import { UserError } from '../errors.js'

/** One slice of the work: `index` counts from 1 up to `total` (like GitLab's CI_NODE_INDEX). */
export interface Shard {
  index: number
  total: number
}

const MASK_64 = (1n << 64n) - 1n

/**
 * Jump consistent hash (Lamping and Veach, 2014): maps a 64-bit key to one of
 * `buckets` buckets so that growing from n to n+1 buckets moves only 1/(n+1)
 * of the keys.
 */
function jumpHash(key: bigint, buckets: number): number {
  let b = -1
  let j = 0
  let k = key
  while (j < buckets) {
    b = j
    k = (k * 2862933555777941757n + 1n) & MASK_64
    j = Math.floor((b + 1) * (2 ** 31 / (Number(k >> 33n) + 1)))
  }
  return b
}

/** The 1-based shard a key belongs to: SHA-256 of the key, first 8 bytes, jump hash. */
export function shardOf(key: string, total: number): number {
  const digest = createHash('sha256').update(key, 'utf8').digest()
  return jumpHash(digest.readBigUInt64BE(0), total) + 1
}

/**
 * Keeps the entries of one shard. Membership depends only on each entry's
 * key, never on its position, so adding or removing an entry does not move
 * the others to another shard; the result keeps the input order.
 */
export function selectShard<T>(
  entries: readonly T[],
  key: (entry: T) => string,
  shard: Shard
): T[] {
  checkShard(shard, `${shard.index}/${shard.total}`)
  if (shard.total === 1) return [...entries]
  return entries.filter((entry) => shardOf(key(entry), shard.total) === shard.index)
}

/** Parses `INDEX/TOTAL` such as `1/3` (index counts from 1); throws a UserError otherwise. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (match === null) {
    throw new UserError(`shard "${text}": expected INDEX/TOTAL with whole numbers, such as 1/3`)
  }
  const shard = { index: Number(match[1]), total: Number(match[2]) }
  checkShard(shard, text)
  return shard
}

function checkShard(shard: Shard, text: string): void {
  const { index, total } = shard
  if (!Number.isSafeInteger(total) || total < 1) {
    throw new UserError(`shard "${text}": the total must be at least 1`)
  }
  if (!Number.isSafeInteger(index) || index < 1) {
    throw new UserError(
      `shard "${text}": the index counts from 1, so the first shard is 1/${total}`
    )
  }
  if (index > total) {
    throw new UserError(`shard "${text}": index ${index} is greater than the total ${total}`)
  }
}
