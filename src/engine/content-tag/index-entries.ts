// Index entries of the git fast path (spec §5.2), kept as offsets into the
// `git ls-files -s` output rather than as one object per file (file-list.ts
// says why).
import type { FileInput } from './types.js'

const MODES = ['100644', '100755', '120000'] as const
export type ModeCode = 0 | 1 | 2

/** Entries of one work tree's index, in index order (byte order of path). */
export class IndexEntries {
  /** The `ls-files` output the offsets point into. */
  readonly text: string
  /** Context-relative directory of the work tree ('' or `sub/` for a submodule). */
  readonly prefix: string
  private pathStart: Int32Array
  private pathEnd: Int32Array
  private digestStart: Int32Array
  private digestEnd: Int32Array
  private modes: Uint8Array
  private count = 0

  constructor(text: string, prefix: string, capacity = 1024) {
    this.text = text
    this.prefix = prefix
    this.pathStart = new Int32Array(capacity)
    this.pathEnd = new Int32Array(capacity)
    this.digestStart = new Int32Array(capacity)
    this.digestEnd = new Int32Array(capacity)
    this.modes = new Uint8Array(capacity)
  }

  get length(): number {
    return this.count
  }

  /** Adds an entry: its path is text[pathStart, pathEnd), its blob id text[digestStart, digestEnd). */
  push(pathStart: number, pathEnd: number, digestStart: number, digestEnd: number, mode: ModeCode): void {
    if (this.count === this.pathStart.length) this.grow()
    const i = this.count++
    this.pathStart[i] = pathStart
    this.pathEnd[i] = pathEnd
    this.digestStart[i] = digestStart
    this.digestEnd[i] = digestEnd
    this.modes[i] = mode
  }

  /** The path relative to the work tree. */
  localPath(i: number): string {
    return this.text.slice(this.pathStart[i]!, this.pathEnd[i]!)
  }

  /** The path relative to the context. */
  path(i: number): string {
    return this.prefix + this.localPath(i)
  }

  /** The mode as git normalises it: 100644, 100755 or 120000. */
  mode(i: number): string {
    return MODES[this.modes[i]!]
  }

  digest(i: number): string {
    return this.text.slice(this.digestStart[i]!, this.digestEnd[i]!)
  }

  entry(i: number): FileInput {
    return { path: this.path(i), mode: this.mode(i), digest: this.digest(i) }
  }

  toFileInputs(): FileInput[] {
    const out = new Array<FileInput>(this.count)
    for (let i = 0; i < this.count; i++) out[i] = this.entry(i)
    return out
  }

  /** Removes the entries whose local path `drop` selects, keeping the order of the rest. */
  removeWhere(drop: (localPath: string) => boolean): void {
    let kept = 0
    for (let i = 0; i < this.count; i++) {
      if (drop(this.localPath(i))) continue
      this.pathStart[kept] = this.pathStart[i]!
      this.pathEnd[kept] = this.pathEnd[i]!
      this.digestStart[kept] = this.digestStart[i]!
      this.digestEnd[kept] = this.digestEnd[i]!
      this.modes[kept] = this.modes[i]!
      kept++
    }
    this.count = kept
  }

  private grow(): void {
    const size = this.pathStart.length * 2
    const widen = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size)
      b.set(a)
      return b
    }
    this.pathStart = widen(this.pathStart, (n) => new Int32Array(n))
    this.pathEnd = widen(this.pathEnd, (n) => new Int32Array(n))
    this.digestStart = widen(this.digestStart, (n) => new Int32Array(n))
    this.digestEnd = widen(this.digestEnd, (n) => new Int32Array(n))
    this.modes = widen(this.modes, (n) => new Uint8Array(n))
  }
}
