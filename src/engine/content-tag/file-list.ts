// The context's file list (spec §6.2): the index entries of a git work tree
// merged with the files read from disk, in byte order, unique by path, without
// entries below a path that is itself a file. A 50,000-file context would
// spend more time collecting the garbage of one object per index entry than
// hashing, so index entries stay bytes in git's output, already encoded, and
// the section is hashed in long runs of them; file objects are built only
// when someone reads them (explain, build labels).
import { compareBytes, contextDigestOf, netstring, sha256Parts, sortFiles } from './encoding.js'
import { firstNotBefore, type IndexEntries } from './index-entries.js'
import type { FileInput } from './types.js'

/** The files section of a context, hashed; its entries on demand. */
export interface ContextFiles {
  count: number
  /** SHA-256 hex of the encoded files section. */
  digest: string
  /** The entries in section order; built on the first call. */
  toArray(): FileInput[]
}

/**
 * The context files from the index `runs` (one per work tree) and the files
 * described from disk. `readFromDisk` names the paths read as files or
 * symlinks: what git's index lists below them is not sent to the builder.
 */
export function contextFiles(runs: IndexEntries[], fromDisk: FileInput[], readFromDisk: string[]): ContextFiles {
  if (runs.length === 1) return mergedFiles(runs[0]!, fromDisk, readFromDisk)
  let files = runs.flatMap((run) => run.toFileInputs()).concat(fromDisk)
  files = uniquePaths(sortFiles(files))
  if (runs.length > 0 && readFromDisk.length > 0) files = dropShadowed(files, readFromDisk)
  const all = files
  return { count: all.length, digest: contextDigestOf(all), toArray: () => all }
}

/** A stretch of the merged list: index entries [from, to) of the run, or one file read from disk. */
type Segment = { from: number; to: number } | FileInput

/**
 * One index run merged with the disk files: each disk file's place in the
 * run is found by binary search, and the run's entries between them go into
 * the hash as the bytes they were encoded to when listed.
 */
function mergedFiles(run: IndexEntries, fromDisk: FileInput[], readFromDisk: string[]): ContextFiles {
  // Entries below a path read as a file can be read from disk too (git flags
  // them deleted or changed, and reading them follows a symlink).
  const disk = dropShadowed(uniquePaths(sortFiles([...fromDisk])), readFromDisk)
  const segments = mergeSegments(run, disk, shadowedRanges(run, readFromDisk))
  let count = 0
  const pieces: Array<string | Buffer> = []
  for (const segment of segments) {
    if ('path' in segment) {
      count++
      pieces.push(netstring(segment.path) + netstring(segment.mode) + netstring(segment.digest))
    } else {
      count += segment.to - segment.from
      run.encodedPieces(segment.from, segment.to, pieces)
    }
  }
  pieces.unshift(netstring('files') + netstring(String(count)))
  let built: FileInput[] | undefined
  return {
    count,
    digest: sha256Parts(pieces),
    toArray: () => {
      if (built === undefined) {
        built = []
        for (const segment of segments) {
          if ('path' in segment) built.push(segment)
          else for (let i = segment.from; i < segment.to; i++) built.push(run.entry(i))
        }
      }
      return built
    }
  }
}

/**
 * The merged list in order: the run's entries, except those in `skip`, and
 * the disk files between them. On an equal path the run's entry is kept (a
 * listing can reach a path two ways); `disk` is sorted by bytes.
 */
function mergeSegments(run: IndexEntries, disk: FileInput[], skip: Array<[number, number]>): Segment[] {
  const segments: Segment[] = []
  let s = 0
  // Run entries [from, to), less the skipped ranges (sorted, disjoint).
  const addRun = (from: number, to: number) => {
    while (from < to) {
      while (s < skip.length && skip[s]![1] <= from) s++
      const next = s < skip.length ? skip[s]! : undefined
      if (next !== undefined && next[0] <= from) {
        from = next[1]
        continue
      }
      const end = next !== undefined && next[0] < to ? next[0] : to
      segments.push({ from, to: end })
      from = end
    }
  }
  let i = 0
  for (const file of disk) {
    const at = run.lowerBound(file.path)
    addRun(i, at)
    i = Math.max(i, at)
    if (at < run.length && run.path(at) === file.path) continue
    segments.push(file)
  }
  addRun(i, run.length)
  return segments
}

/** Index ranges [from, to) of the run's entries below a path read from disk as a file. */
function shadowedRanges(run: IndexEntries, readFromDisk: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const path of readFromDisk) {
    const below = path + '/'
    const lo = run.lowerBound(below)
    let end = lo
    while (end < run.length && run.path(end).startsWith(below)) end++
    if (end > lo) ranges.push([lo, end])
  }
  // Nested paths give nested ranges, which mergeSegments passes over as one.
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
