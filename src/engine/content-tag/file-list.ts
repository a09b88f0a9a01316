// The context's file list (spec §6.2): the index entries of a git work tree
// merged with the files read from disk, in byte order, unique by path, without
// entries below a path that is itself a file. A 50,000-file context would
// spend more time collecting the garbage of one object per index entry than
// hashing, so the merge reads index entries in place and hashes the section
// in chunks; file objects are built only when someone reads them (explain,
// build labels).
import { compareBytes, contextDigestOf, FilesSection, sha256Parts, sortFiles } from './encoding.js'
import type { IndexEntries } from './index-entries.js'
import type { FileInput } from './types.js'

/** The files section of a context, hashed; its entries on demand. */
export interface ContextFiles {
  count: number
  /** SHA-256 hex of the encoded files section. */
  digest: string
  /** The entries in section order; built on the first call. */
  toArray(): FileInput[]
}

type Emit = (path: string, mode: string, digest: string) => void

const SURROGATE = /[\ud800-\udfff]/

/**
 * The context files from the index `runs` (one per work tree) and the files
 * described from disk. `readFromDisk` names the paths read as files or
 * symlinks: what git's index lists below them is not sent to the builder.
 */
export function contextFiles(runs: IndexEntries[], fromDisk: FileInput[], readFromDisk: string[]): ContextFiles {
  if (runs.length === 1) {
    const merged = mergedFiles(runs[0]!, fromDisk, readFromDisk)
    if (merged !== undefined) return merged
  }
  let files = runs.flatMap((run) => run.toFileInputs()).concat(fromDisk)
  files = uniquePaths(sortFiles(files))
  if (runs.length > 0 && readFromDisk.length > 0) files = dropShadowed(files, readFromDisk)
  const all = files
  return { count: all.length, digest: contextDigestOf(all), toArray: () => all }
}

/**
 * One index run merged with the disk files by native string comparison,
 * which is byte order unless a path holds a character above U+FFFF; then, or
 * when the run is not in order, undefined, and the caller sorts objects.
 */
function mergedFiles(run: IndexEntries, fromDisk: FileInput[], readFromDisk: string[]): ContextFiles | undefined {
  // Entries below a path read as a file can be read from disk too (git flags
  // them deleted or changed, and reading them follows a symlink).
  const disk = dropShadowed(uniquePaths(sortFiles([...fromDisk])), readFromDisk)
  if (disk.some((f) => SURROGATE.test(f.path))) return undefined
  const skip = shadowedRanges(run, readFromDisk)
  const section = new FilesSection('files')
  if (!walkMerged(run, disk, skip, (path, mode, digest) => section.add(path, mode, digest))) return undefined
  let built: FileInput[] | undefined
  return {
    count: section.count,
    digest: sha256Parts(section.parts()),
    toArray: () => {
      if (built === undefined) {
        const out: FileInput[] = []
        walkMerged(run, disk, skip, (path, mode, digest) => out.push({ path, mode, digest }))
        built = out
      }
      return built
    }
  }
}

/**
 * Calls `emit` for every entry in order: the run's, except those in `skip`,
 * and the disk files between them; on an equal path the run's entry is kept
 * (a listing can reach a path two ways). False when the run is out of order.
 */
function walkMerged(run: IndexEntries, disk: FileInput[], skip: Array<[number, number]>, emit: Emit): boolean {
  let j = 0
  let s = 0
  let previous: string | undefined
  for (let i = 0; i < run.length; i++) {
    while (s < skip.length && skip[s]![1] <= i) s++
    if (s < skip.length && skip[s]![0] <= i) {
      i = skip[s]![1] - 1
      continue
    }
    const path = run.path(i)
    if (previous !== undefined && !(previous < path)) return false
    previous = path
    while (j < disk.length && disk[j]!.path < path) {
      const f = disk[j++]!
      emit(f.path, f.mode, f.digest)
    }
    if (j < disk.length && disk[j]!.path === path) j++
    emit(path, run.mode(i), run.digest(i))
  }
  for (; j < disk.length; j++) emit(disk[j]!.path, disk[j]!.mode, disk[j]!.digest)
  return true
}

/** Index ranges [from, to) of the run's entries below a path read from disk as a file. */
function shadowedRanges(run: IndexEntries, readFromDisk: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const path of readFromDisk) {
    const below = path + '/'
    const lo = firstNotBefore(run.length, (i) => run.path(i) < below)
    let end = lo
    while (end < run.length && run.path(end).startsWith(below)) end++
    if (end > lo) ranges.push([lo, end])
  }
  return ranges.sort((a, b) => a[0] - b[0])
}

/** Drops repeated paths from a sorted list; one listing can reach a path two ways. */
function uniquePaths(files: FileInput[]): FileInput[] {
  let repeated = false
  for (let i = 1; i < files.length && !repeated; i++) repeated = files[i]!.path === files[i - 1]!.path
  return repeated ? files.filter((f, i) => i === 0 || f.path !== files[i - 1]!.path) : files
}

/**
 * Drops entries below a path that is itself a file or symlink. The walk never
 * produces them, but git's index can still list `dir/x` after `dir` became a
 * symlink, and reading `dir/x` follows it; the builder gets only `dir`. Such a
 * `dir` is always one read from disk; `files` is sorted, so what lies below it
 * is one contiguous run.
 */
function dropShadowed(files: FileInput[], fromDisk: string[]): FileInput[] {
  const drop = new Set<number>()
  for (const path of fromDisk) {
    const below = path + '/'
    const lo = firstNotBefore(files.length, (i) => compareBytes(files[i]!.path, below) < 0)
    for (let i = lo; i < files.length && files[i]!.path.startsWith(below); i++) drop.add(i)
  }
  return drop.size === 0 ? files : files.filter((_, i) => !drop.has(i))
}

/** Binary search: the first index in [0, length) for which `before` is false (sorted input). */
function firstNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
