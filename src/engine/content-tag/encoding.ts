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

/** Sorts file inputs by path in byte order (paths are unique); git's listing usually arrives sorted. */
export function sortFiles(files: FileInput[]): FileInput[] {
  for (let i = 1; i < files.length; i++) {
    if (compareBytes(files[i - 1]!.path, files[i]!.path) > 0) return files.sort((a, b) => compareBytes(a.path, b.path))
  }
  return files
}

/**
 * The `label` files section as string chunks (hashing chunks avoids building
 * one multi-megabyte string for large contexts). Joined, they are the bytes of
 * spec §6; the `files` section's SHA-256 is the context digest.
 */
export function encodeFiles(label: string, files: FileInput[]): string[] {
  const chunks: string[] = []
  let s = netstring(label) + netstring(String(files.length))
  let i = 0
  for (const f of files) {
    s += netstring(f.path) + netstring(f.mode) + netstring(f.digest)
    if (++i % 512 === 0) {
      chunks.push(s)
      s = ''
    }
  }
  chunks.push(s)
  return chunks
}

function encodeMap(label: string, map: Record<string, string>): string {
  const keys = Object.keys(map).sort(compareBytes)
  return netstring(label) + netstring(String(keys.length)) + keys.map((k) => netstring(k) + netstring(map[k]!)).join('')
}

function encodeOptional(label: string, value: string | undefined): string {
  return netstring(label) + (value === undefined ? netstring('0') : netstring('1') + netstring(value))
}

/** The canonical encoding of a v1 input set (spec §6) as string parts, to be hashed as UTF-8 in order. */
export function encodeInputParts(inputs: Omit<ContentTagInputs, 'contextDigest'>, filesSection?: string[]): string[] {
  return [
    netstring('image-mirror content-tag') +
      netstring(inputs.version) +
      netstring('dockerfile') +
      netstring(inputs.dockerfile.path) +
      netstring(inputs.dockerfile.digest),
    ...(filesSection ?? encodeFiles('files', inputs.files)),
    encodeMap('build-args', inputs.buildArgs),
    encodeOptional('target', inputs.target),
    netstring('platforms') + netstring(String(inputs.platforms.length)) + inputs.platforms.map(netstring).join(''),
    ...encodeFiles('extra-files', inputs.extra.files),
    encodeMap('extra-values', inputs.extra.values),
    encodeOptional('commit', inputs.commit),
    encodeOptional('repo-path', inputs.repoPath)
  ]
}

/** The complete canonical encoding as one string (for tests and the spec's test vector). */
export function encodeInputs(inputs: Omit<ContentTagInputs, 'contextDigest'>): string {
  return encodeInputParts(inputs).join('')
}

/** SHA-256 hex of the UTF-8 bytes of the parts, in order. */
export function sha256Parts(parts: string[]): string {
  const h = createHash('sha256')
  for (const part of parts) h.update(part, 'utf8')
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
