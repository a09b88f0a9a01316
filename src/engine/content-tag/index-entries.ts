// Index entries of the git fast path (spec §5.2), kept as their encoding for
// the files section (spec §6.2) rather than as one object per file
// (file-list.ts says why). Each entry is encoded as it is read from git's
// index, while git still checks the working tree; the section is then hashed
// in long runs of these bytes, and paths and blob ids are read back from
// them only where needed.
import type { FileInput } from './types.js'
import { compareBytes } from './encoding.js'

const MODES = ['100644', '100755', '120000'] as const
export type ModeCode = 0 | 1 | 2

// What follows the path in an encoded entry: the comma closing it and the mode's netstring.
const AFTER_PATH = MODES.map((m) => Buffer.from(`,${m.length}:${m},`, 'latin1'))
const COLON = 0x3a
const COMMA = 0x2c
const HEX = Buffer.from('0123456789abcdef', 'latin1')

/** Entries of one work tree's index, in index order (byte order of path). */
export class IndexEntries {
  /** Context-relative directory of the work tree ('' or `sub/` for a submodule). */
  readonly prefix: string
  private readonly prefixBytes: Buffer
  /** Where each entry's path (without the prefix) and blob id lie in `encoded`. */
  private pathStart: Int32Array
  private pathEnd: Int32Array
  private digestStart: Int32Array
  private digestEnd: Int32Array
  /** Each entry's encoding is encoded[encStart, encEnd). */
  private encStart: Int32Array
  private encEnd: Int32Array
  private encoded: Buffer
  private encodedLength = 0
  private count = 0

  /** `capacity` entries and `bytes` of encoding are reserved; both grow as needed. */
  constructor(prefix: string, capacity = 1024, bytes = 64 * capacity) {
    this.prefix = prefix
    this.prefixBytes = Buffer.from(prefix, 'utf8')
    this.pathStart = new Int32Array(capacity)
    this.pathEnd = new Int32Array(capacity)
    this.digestStart = new Int32Array(capacity)
    this.digestEnd = new Int32Array(capacity)
    this.encStart = new Int32Array(capacity)
    this.encEnd = new Int32Array(capacity)
    this.encoded = Buffer.allocUnsafe(bytes)
  }

  get length(): number {
    return this.count
  }

  /**
   * Adds an entry whose work-tree path is path[pathStart, pathEnd) (UTF-8)
   * and whose binary blob id is id[idStart, idStart + idLength), encoded as
   * netstrings of context path, mode and blob id in hex.
   */
  push(path: Buffer, pathStart: number, pathEnd: number, id: Buffer, idStart: number, idLength: number, mode: ModeCode): void {
    if (this.count === this.pathStart.length) this.grow()
    const prefix = this.prefixBytes
    const pathLength = prefix.length + pathEnd - pathStart
    this.reserve(pathLength + 2 * idLength + 40)
    const out = this.encoded
    const i = this.count++
    let at = this.encodedLength
    this.encStart[i] = at
    at = writeDecimal(out, at, pathLength)
    out[at++] = COLON
    for (let k = 0; k < prefix.length; k++) out[at++] = prefix[k]!
    this.pathStart[i] = at
    // Loops: the pieces are short, and a native copy per piece costs more than it saves.
    for (let k = pathStart; k < pathEnd; k++) out[at++] = path[k]!
    this.pathEnd[i] = at
    const after = AFTER_PATH[mode]!
    for (let k = 0; k < after.length; k++) out[at++] = after[k]!
    at = writeDecimal(out, at, 2 * idLength)
    out[at++] = COLON
    this.digestStart[i] = at
    for (let k = idStart; k < idStart + idLength; k++) {
      const b = id[k]!
      out[at++] = HEX[b >> 4]!
      out[at++] = HEX[b & 15]!
    }
    this.digestEnd[i] = at
    out[at++] = COMMA
    this.encEnd[i] = at
    this.encodedLength = at
  }

  /** The path relative to the work tree. */
  localPath(i: number): string {
    return this.encoded.toString('utf8', this.pathStart[i]!, this.pathEnd[i]!)
  }

  /** The path relative to the context. */
  path(i: number): string {
    return this.prefix + this.localPath(i)
  }

  /** The mode as git normalises it: 100644, 100755 or 120000. */
  mode(i: number): string {
    // The mode's digits follow the path's closing comma and "6:".
    return this.encoded.toString('latin1', this.pathEnd[i]! + 3, this.pathEnd[i]! + 9)
  }

  digest(i: number): string {
    return this.encoded.toString('latin1', this.digestStart[i]!, this.digestEnd[i]!)
  }

  entry(i: number): FileInput {
    return { path: this.path(i), mode: this.mode(i), digest: this.digest(i) }
  }

  toFileInputs(): FileInput[] {
    const out = new Array<FileInput>(this.count)
    for (let i = 0; i < this.count; i++) out[i] = this.entry(i)
    return out
  }

  /** The first index in [0, length) whose path does not sort before `path` (byte order). */
  lowerBound(path: string): number {
    return firstNotBefore(this.count, (i) => compareBytes(this.path(i), path) < 0)
  }

  /**
   * The encoded entries [from, to) as the fewest pieces: entries added one
   * after another are one piece. The pieces share memory with this object.
   */
  encodedPieces(from: number, to: number, into: Array<string | Uint8Array>): void {
    let start = -1
    let end = -1
    for (let i = from; i < to; i++) {
      if (this.encStart[i] !== end) {
        if (start >= 0) into.push(this.encoded.subarray(start, end))
        start = this.encStart[i]!
      }
      end = this.encEnd[i]!
    }
    if (start >= 0) into.push(this.encoded.subarray(start, end))
  }

  /** Removes the entries `drop` selects by index, keeping the order of the rest. */
  removeWhere(drop: (i: number) => boolean): void {
    let kept = 0
    for (let i = 0; i < this.count; i++) {
      if (drop(i)) continue
      this.pathStart[kept] = this.pathStart[i]!
      this.pathEnd[kept] = this.pathEnd[i]!
      this.digestStart[kept] = this.digestStart[i]!
      this.digestEnd[kept] = this.digestEnd[i]!
      this.encStart[kept] = this.encStart[i]!
      this.encEnd[kept] = this.encEnd[i]!
      kept++
    }
    this.count = kept
  }

  private reserve(bytes: number): void {
    if (this.encodedLength + bytes <= this.encoded.length) return
    const bigger = Buffer.allocUnsafe(Math.max(this.encoded.length * 2, this.encodedLength + bytes))
    this.encoded.copy(bigger, 0, 0, this.encodedLength)
    this.encoded = bigger
  }

  private grow(): void {
    const size = this.pathStart.length * 2
    const widen = (a: Int32Array) => {
      const b = new Int32Array(size)
      b.set(a)
      return b
    }
    this.pathStart = widen(this.pathStart)
    this.pathEnd = widen(this.pathEnd)
    this.digestStart = widen(this.digestStart)
    this.digestEnd = widen(this.digestEnd)
    this.encStart = widen(this.encStart)
    this.encEnd = widen(this.encEnd)
  }
}

/** Writes `n` (≥ 0) in decimal at `at`; returns the offset after it. */
function writeDecimal(out: Buffer, at: number, n: number): number {
  if (n < 10) {
    out[at] = 0x30 + n
    return at + 1
  }
  const digits = n < 100 ? 2 : n < 1000 ? 3 : String(n).length
  for (let k = at + digits - 1; k >= at; k--) {
    out[k] = 0x30 + (n % 10)
    n = Math.floor(n / 10)
  }
  return at + digits
}

/** Binary search: the first index in [0, length) for which `before` is false (sorted input). */
export function firstNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
