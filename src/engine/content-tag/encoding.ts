// The canonical v1 encoding (spec §6): sequences of netstrings, so no value
// can be confused with another whatever bytes it holds. Changing anything here
// changes every tag: it needs a new scheme version, not an edit.
import { createHash } from 'node:crypto'
import type { ContentTagInputs, FileInput } from './types.js'

const ASCII = /^[\x00-\x7f]*$/

/** Netstring: `<byte length in decimal>:<UTF-8 bytes>,`. */
export function netstring(s: string): string {
  const n = ASCII.test(s) ? s.length : Buffer.byteLength(s, 'utf8')
  return `${n}:${s},`
}

/** Orders strings by their UTF-8 bytes (git's order), not by UTF-16 code units. */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF: in UTF-8 they sort after
    // U+E000–FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000
    }
    return x - y
  }
  return a.length - b.length
}

const SURROGATE = /[\ud800-\udfff]/

/**
 * Sorts file inputs by path in byte order (paths are unique). Without
 * characters above U+FFFF (surrogate pairs), JavaScript's native UTF-16
 * comparison is byte order and much cheaper than comparing by hand; one scan
 * of all paths joined tells which applies. git's listing usually arrives
 * sorted, which one pass of comparisons proves.
 */
export function sortFiles(files: FileInput[]): FileInput[] {
  const paths = new Array<string>(files.length)
  for (let i = 0; i < files.length; i++) paths[i] = files[i]!.path
  const compare = SURROGATE.test(paths.join('\0'))
    ? (x: FileInput, y: FileInput) => compareBytes(x.path, y.path)
    : (x: FileInput, y: FileInput) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)
  for (let i = 1; i < files.length; i++) {
    if (compare(files[i - 1]!, files[i]!) > 0) return files.sort(compare)
  }
  return files
}

// Entries per hashed chunk: large enough to amortise the hash call, small
// enough that a chunk's string stays cheap to build and to check.
const CHUNK = 1024

/**
 * Builds a file list section (spec §6.2) entry by entry as string chunks,
 * hashed in order: one multi-megabyte string for a large context costs more
 * than the hashing. A chunk is built with character counts as lengths, exact
 * when it is all ASCII (one native byte count proves it); a chunk holding
 * other characters is rebuilt with UTF-8 byte lengths from the entries it
 * keeps for that.
 */
export class FilesSection {
  count = 0
  private readonly label: string
  private readonly chunks: string[] = []
  private chunk = ''
  private readonly kept: string[] = []

  constructor(label: string) {
    this.label = label
  }

  add(path: string, mode: string, digest: string): void {
    this.chunk += path.length + ':' + path + ',' + mode.length + ':' + mode + ','
    this.chunk += digest.length + ':' + digest + ','
    this.kept.push(path, mode, digest)
    if (++this.count % CHUNK === 0) this.flush()
  }

  /** The section: its head (label and entry count), then the chunks. */
  parts(): string[] {
    this.flush()
    return [netstring(this.label) + netstring(String(this.count)), ...this.chunks]
  }

  private flush(): void {
    if (this.chunk === '') return
    let s = this.chunk
    if (Buffer.byteLength(s, 'utf8') !== s.length) s = this.kept.map(netstring).join('')
    this.chunks.push(s)
    this.chunk = ''
    this.kept.length = 0
  }
}

/** A file list section of `files` as string chunks (FilesSection). */
export function encodeFiles(label: string, files: FileInput[]): string[] {
  const section = new FilesSection(label)
  for (const f of files) section.add(f.path, f.mode, f.digest)
  return section.parts()
}

/** The context digest: SHA-256 (hex) of the `files` section (spec §6.2). */
export function contextDigestOf(files: FileInput[]): string {
  return sha256Parts(encodeFiles('files', files))
}

function encodeMap(label: string, map: Record<string, string>): string {
  const keys = Object.keys(map).sort(compareBytes)
  return (
    netstring(label) +
    netstring(String(keys.length)) +
    keys.map((k) => netstring(k) + netstring(map[k]!)).join('')
  )
}

function encodeOptional(label: string, value: string | undefined): string {
  return (
    netstring(label) + (value === undefined ? netstring('0') : netstring('1') + netstring(value))
  )
}

/**
 * The canonical encoding of a v1 input set (spec §6.1). The context's files
 * enter through their section's digest, so this record stays small whatever
 * the context holds; its SHA-256 is the tag's digest.
 */
export function encodeInputs(inputs: ContentTagInputs): string {
  return (
    netstring('image-mirror content-tag') +
    netstring(inputs.version) +
    netstring('dockerfile') +
    netstring(inputs.dockerfile.path) +
    netstring(inputs.dockerfile.digest) +
    netstring('context') +
    netstring(inputs.contextDigest) +
    encodeMap('build-args', inputs.buildArgs) +
    encodeOptional('target', inputs.target) +
    netstring('platforms') +
    netstring(String(inputs.platforms.length)) +
    inputs.platforms.map(netstring).join('') +
    encodeFiles('extra-files', inputs.extra.files).join('') +
    encodeMap('extra-values', inputs.extra.values) +
    encodeOptional('commit', inputs.commit) +
    encodeOptional('repo-path', inputs.repoPath)
  )
}

/** SHA-256 hex of the parts in order: strings as UTF-8, buffers as they are. */
export function sha256Parts(parts: Array<string | Uint8Array>): string {
  const h = createHash('sha256')
  for (const part of parts) h.update(part)
  return h.digest('hex')
}

/** SHA-256 hex of a string's UTF-8 bytes. */
export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex')
}

/** Git blob id of in-memory content. */
export function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}
