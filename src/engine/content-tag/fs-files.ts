// The context's files found by walking the directory tree (spec §5.1): used
// outside git, with useGit: false, and for untracked directories and
// submodules inside the git fast path.
import { readdirSync, type Dirent } from 'node:fs'
import { UserError } from '../../errors.js'
import type { ContextFilter } from './context-filter.js'

/** Receives the context-relative paths a listing finds: an array, or a Describer hashing them. */
export interface PathSink {
  push(rel: string): unknown
}

/** Collects warnings while listing; shared by both listing strategies. */
export interface ListNotes {
  warnings: string[]
  /** Set when a `.git` entry would be sent to the builder (spec §3.1: never an input). */
  gitMetadataSent: boolean
}

/**
 * Walks `relDir` (context-relative, '' for the root) below `root` and pushes
 * the context-relative path of every regular file and symlink the builder
 * receives into `out`. Directories the filter prunes are not read; `.git`
 * entries are skipped at every depth.
 */
export function walkContext<T extends PathSink>(
  root: string,
  relDir: string,
  filter: ContextFilter,
  notes: ListNotes,
  out: T
): T {
  const stack = [relDir]
  while (stack.length > 0) {
    const rel = stack.pop()!
    const abs = rel === '' ? root : root + '/' + rel
    let entries: Dirent[]
    try {
      entries = readdirSync(abs, { withFileTypes: true })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') continue
      // fsutil ignores permission errors only below directories that are excluded anyway.
      if (code === 'EACCES' && rel !== '' && !filter.includesFile(rel)) continue
      throw new UserError(`cannot read directory ${abs}: ${code ?? String(error)}`)
    }
    for (const entry of entries) {
      const name = entry.name
      const childRel = rel === '' ? name : `${rel}/${name}`
      if (name.includes('\uFFFD'))
        throw new UserError(`file name is not valid UTF-8: ${abs}/${name}`)
      if (name === '.git') {
        if (filter.includesFile(childRel)) notes.gitMetadataSent = true
        continue
      }
      if (entry.isDirectory()) {
        if (!filter.prunes(childRel)) stack.push(childRel)
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (filter.includesFile(childRel)) out.push(childRel)
      } else if (filter.includesFile(childRel)) {
        notes.warnings.push(
          `${childRel} is not a regular file, directory or symlink; it is not part of the tag`
        )
      }
    }
  }
  return out
}
