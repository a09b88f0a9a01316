// The canonical v1 encoding (spec §6): a sequence of netstrings, so no value
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
    // Surrogates (U+D800–DFFF) encode code points above U+FFFF, which sort after U+E000–FFFF in UTF-8.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000
    }
    return x - y
  }
  return a.length - b.length
}

/** Sorts file inputs by path in byte order; paths are unique. */
export function sortFiles(files: FileInput[]): FileInput[] {
  return files.sort((a, b) => compareBytes(a.path, b.path))
}

/** The `files` section on its own: its SHA-256 is the context digest. */
export function encodeFiles(label: string, files: FileInput[]): string {
  const parts = [netstring(label), netstring(String(files.length))]
  for (const f of files) parts.push(netstring(f.path), netstring(f.mode), netstring(f.digest))
  return parts.join('')
}

function encodeMap(label: string, map: Record<string, string>): string {
  const keys = Object.keys(map).sort(compareBytes)
  return netstring(label) + netstring(String(keys.length)) + keys.map((k) => netstring(k) + netstring(map[k]!)).join('')
}

function encodeOptional(label: string, value: string | undefined): string {
  return netstring(label) + (value === undefined ? netstring('0') : netstring('1') + netstring(value))
}

/** The complete canonical encoding of a v1 input set (spec §6), as a string to be hashed as UTF-8. */
export function encodeInputs(inputs: Omit<ContentTagInputs, 'contextDigest'>, filesSection?: string): string {
  return [
    netstring('image-mirror content-tag'),
    netstring(inputs.version),
    netstring('dockerfile'),
    netstring(inputs.dockerfile.path),
    netstring(inputs.dockerfile.digest),
    filesSection ?? encodeFiles('files', inputs.files),
    encodeMap('build-args', inputs.buildArgs),
    encodeOptional('target', inputs.target),
    netstring('platforms'),
    netstring(String(inputs.platforms.length)),
    ...inputs.platforms.map(netstring),
    encodeFiles('extra-files', inputs.extra.files),
    encodeMap('extra-values', inputs.extra.values),
    encodeOptional('commit', inputs.commit),
    encodeOptional('repo-path', inputs.repoPath)
  ].join('')
}

/** SHA-256 hex of a string's UTF-8 bytes. */
export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex')
}

/** Git blob id of in-memory content. */
export function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}
