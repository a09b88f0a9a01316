// Reads git's index file (gitformat-index, versions 2 to 4) in place. Reading
// it here instead of through `git ls-files -s` lets the listing start while
// git's stat check and untracked listing run, rather than after a
// multi-megabyte pipe from a third git process that competes with them for
// the CPU (spec §5.2).
import { GitUnavailable } from './git.js'

/** One index entry, as walkIndex reports it; the object is reused from entry to entry. */
export interface IndexRecord {
  /** The path is path[pathStart, pathEnd), relative to the work tree root. */
  path: Buffer
  pathStart: number
  pathEnd: number
  /** The binary object id is file[idStart, idStart + ID_LENGTH). */
  idStart: number
  /** The mode as git stores it (0o100644, 0o100755, 0o120000, 0o160000). */
  mode: number
  stage: number
  /**
   * assume-unchanged, skip-worktree or intent-to-add: git does not vouch
   * that the working tree file has the entry's blob id.
   */
  flagged: boolean
}

/** SHA-1 object ids; a SHA-256 repository is refused before its index is read (git-files.ts). */
export const ID_LENGTH = 20

const SIGNATURE = 0x44495243 // "DIRC"
const HEADER = 12
// ctime, mtime (seconds and nanoseconds), dev, ino, mode, uid, gid, size: 32 bits each.
const STAT_BYTES = 40
const FLAGS = STAT_BYTES + ID_LENGTH
const ASSUME_VALID = 0x8000
const EXTENDED = 0x4000
const STAGE_MASK = 0x3000
const NAME_MASK = 0x0fff
const SKIP_WORKTREE = 0x4000
const INTENT_TO_ADD = 0x2000
const DIRECTORY_MODE = 0o040000

/**
 * Calls `visit` for every entry of the index `file`, in index order (byte
 * order of path, then stage). Throws GitUnavailable for what it does not
 * read: another format, a split index (its entries live in a second file)
 * or a sparse index (directories stand for the files below them).
 */
export function walkIndex(file: Buffer, visit: (entry: IndexRecord) => void): void {
  // A repository where nothing was ever added has no index file.
  if (file.length === 0) return
  if (file.length < HEADER || file.readUInt32BE(0) !== SIGNATURE) unreadable('it is not a git index')
  const version = file.readUInt32BE(4)
  if (version < 2 || version > 4) unreadable(`index version ${version} is not one image-mirror reads`)
  const count = file.readUInt32BE(8)
  // Version 4 stores each path as a change of the one before, so paths are rebuilt here.
  let scratch = Buffer.allocUnsafe(version === 4 ? 4096 : 0)
  let previousLength = 0
  const entry: IndexRecord = { path: file, pathStart: 0, pathEnd: 0, idStart: 0, mode: 0, stage: 0, flagged: false }
  const varint = { next: 0 }
  let at = HEADER
  const end = file.length - ID_LENGTH
  for (let n = 0; n < count; n++) {
    if (at + FLAGS + 2 > end) unreadable('it ends inside an entry')
    const start = at
    const flags = file.readUInt16BE(at + FLAGS)
    let extended = 0
    at += FLAGS + 2
    if (flags & EXTENDED) {
      if (version < 3) unreadable('an entry has extended flags in a version 2 index')
      extended = file.readUInt16BE(at)
      at += 2
    }
    entry.mode = file.readUInt32BE(start + 24)
    if ((entry.mode & 0o170000) === DIRECTORY_MODE) unreadable('it is a sparse index (index.sparse)')
    entry.idStart = start + STAT_BYTES
    entry.stage = (flags & STAGE_MASK) >> 12
    entry.flagged = (flags & ASSUME_VALID) !== 0 || (extended & (SKIP_WORKTREE | INTENT_TO_ADD)) !== 0
    if (version === 4) {
      const strip = readVarint(file, at, varint)
      at = varint.next
      const nul = file.indexOf(0, at)
      if (nul < 0 || nul > end || strip > previousLength) unreadable('a path is cut short')
      const kept = previousLength - strip
      const length = kept + nul - at
      if (length > scratch.length) {
        const bigger = Buffer.allocUnsafe(length * 2)
        scratch.copy(bigger, 0, 0, kept)
        scratch = bigger
      }
      file.copy(scratch, kept, at, nul)
      entry.path = scratch
      entry.pathStart = 0
      entry.pathEnd = length
      previousLength = length
      at = nul + 1
    } else {
      const nameLength = flags & NAME_MASK
      const nul = nameLength < NAME_MASK ? at + nameLength : file.indexOf(0, at + NAME_MASK)
      if (nul < 0 || nul >= end || file[nul] !== 0) unreadable('a path is cut short')
      entry.path = file
      entry.pathStart = at
      entry.pathEnd = nul
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      at = start + ((nul - start + 8) & ~7)
    }
    visit(entry)
  }
  checkExtensions(file, at, end)
}

/** Split-index entries live in a shared index file this reader does not follow. */
function checkExtensions(file: Buffer, at: number, end: number): void {
  while (at + 8 <= end) {
    const signature = file.toString('latin1', at, at + 4)
    if (signature === 'link') unreadable('it is a split index (core.splitIndex)')
    if (signature === 'sdir') unreadable('it is a sparse index (index.sparse)')
    at += 8 + file.readUInt32BE(at + 4)
  }
}

/** git's offset varint (varint.c): seven bits a byte, each continuation adding one. Sets `out.next`. */
function readVarint(file: Buffer, at: number, out: { next: number }): number {
  let c = file[at++]!
  let value = c & 127
  while (c & 128) {
    if (at >= file.length || value > 2 ** 40) unreadable('a path length is malformed')
    c = file[at++]!
    value = (value + 1) * 128 + (c & 127)
  }
  out.next = at
  return value
}

function unreadable(why: string): never {
  throw new GitUnavailable(`cannot read git's index: ${why}`)
}
