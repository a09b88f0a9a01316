// The git fast path (spec §5.2): one `git ls-files` call lists the index with
// blob ids and uses git's stat cache to flag modified and deleted entries, and
// lists untracked paths (ignored ones included, since .gitignore does not
// matter to the builder). Only flagged, untracked and attribute-converted files
// are read from disk; every other blob id comes straight from the index.
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../errors.js'
import type { ContextFilter } from './context-filter.js'
import { walkContext, type FoundPath, type ListNotes } from './fs-files.js'
import { GitUnavailable, gitDirs, runGit } from './git.js'

/** A context file whose blob id and mode come from the index unread. */
export interface IndexedFile {
  rel: string
  mode: string
  digest: string
}

/** What the git listing produced for one work tree (and its submodules). */
export interface GitListing {
  indexed: IndexedFile[]
  /** Paths that must be described from disk: modified, untracked, flagged or converted. */
  fromDisk: FoundPath[]
}

interface Entry {
  mode: string
  oid: string
  dirty: boolean
}

// The letter `ls-files -v` prints for an unflagged cached entry; C (changed),
// R (removed), S (skip-worktree), M (unmerged) and lower case (assume-unchanged)
// all mean the index cannot vouch for the working tree.
const CLEAN = 'H'

/**
 * Lists the context below `root` through git. `sub` is the context-relative
 * directory of the work tree to list ('' for the context itself; set for
 * submodules). Throws GitUnavailable when git cannot list it.
 */
export async function listFromGit(
  root: string,
  sub: string,
  top: string,
  filter: ContextFilter,
  notes: ListNotes
): Promise<GitListing> {
  const cwd = sub === '' ? root : join(root, sub)
  const prefix = sub === '' ? '' : sub + '/'
  const [listed, config] = await Promise.all([
    runGit(cwd, ['ls-files', '-z', '-v', '-s', '-c', '-m', '-d', '-o', '--directory']),
    runGit(cwd, ['config', '-z', '--get-regexp', '^core\\.(autocrlf|eol|attributesfile)$'], undefined, [0, 1])
  ])
  const settings = parseConfig(config.stdout)
  const entries = new Map<string, Entry>()
  const gitlinks: string[] = []
  const untrackedFiles: string[] = []
  const untrackedDirs: string[] = []
  for (const record of listed.stdout.split('\0')) {
    if (record === '') continue
    const tag = record[0]!
    const rest = record.slice(2)
    if (tag === '?') {
      if (rest.endsWith('/')) untrackedDirs.push(rest === './' ? '' : rest.slice(0, -1))
      else untrackedFiles.push(rest)
      continue
    }
    const tab = rest.indexOf('\t')
    const path = rest.slice(tab + 1)
    const [mode, oid, stage] = rest.slice(0, tab).split(' ') as [string, string, string]
    if (mode === '160000') {
      if (!gitlinks.includes(path)) gitlinks.push(path)
      continue
    }
    const known = entries.get(path)
    // Anything but a plain stage-0 'H' (skip-worktree, assume-unchanged, unmerged,
    // modified, deleted) is read from disk: the working tree is what the builder gets.
    const dirty = tag !== CLEAN || stage !== '0'
    if (known) known.dirty ||= dirty
    else entries.set(path, { mode, oid, dirty })
  }

  const listing: GitListing = { indexed: [], fromDisk: [] }
  const convertAll = settings.autocrlf === 'true' || settings.autocrlf === 'input' || settings.eol === 'crlf'
  for (const [path, entry] of entries) {
    const rel = prefix + checkName(path, cwd)
    if (!filter.includesFile(rel)) continue
    if (entry.dirty || convertAll) listing.fromDisk.push({ rel, abs: join(cwd, path) })
    else listing.indexed.push({ rel, mode: normaliseMode(entry.mode), digest: entry.oid })
  }
  if (!convertAll && listing.indexed.length > 0 && attributesMayApply(top, cwd, entries, settings)) {
    await moveConvertedToDisk(cwd, prefix, listing)
  }
  for (const path of untrackedFiles) {
    const rel = prefix + checkName(path, cwd)
    if (filter.includesFile(rel)) listing.fromDisk.push({ rel, abs: join(cwd, path) })
  }
  for (const dir of untrackedDirs) {
    const rel = dir === '' ? sub : prefix + dir
    if (rel === '' || !filter.prunes(rel)) listing.fromDisk.push(...walkContext(root, rel, filter, notes))
  }
  for (const link of gitlinks) {
    const rel = prefix + link
    if (filter.prunes(rel)) continue
    listing.fromDisk.push(...(await listSubmodule(root, rel, filter, notes, listing)))
  }
  return listing
}

/**
 * A checked-out submodule is listed through its own index; anything else
 * (not initialised, or git refuses it) is walked on disk. Either way the
 * builder receives its working tree files, so they are part of the context.
 */
async function listSubmodule(root: string, rel: string, filter: ContextFilter, notes: ListNotes, into: GitListing): Promise<FoundPath[]> {
  const abs = join(root, rel)
  if (existsSync(join(abs, '.git'))) {
    if (filter.includesFile(rel + '/.git')) notes.gitMetadataSent = true
    try {
      const inner = await listFromGit(root, rel, abs, filter, notes)
      into.indexed.push(...inner.indexed)
      return inner.fromDisk
    } catch (error) {
      if (!(error instanceof GitUnavailable)) throw error
    }
  }
  return walkContext(root, rel, filter, notes)
}

function checkName(path: string, cwd: string): string {
  if (path.includes('\uFFFD')) throw new UserError(`file name is not valid UTF-8 under ${cwd}: ${path}`)
  return path
}

/** The index already stores 100644/100755/120000; anything else is normalised as git does. */
function normaliseMode(mode: string): string {
  if (mode === '120000' || mode === '100644' || mode === '100755') return mode
  return parseInt(mode, 8) & 0o111 ? '100755' : '100644'
}

interface GitSettings {
  autocrlf?: string
  eol?: string
  attributesfile?: string
}

function parseConfig(stdout: string): GitSettings {
  const settings: GitSettings = {}
  for (const record of stdout.split('\0')) {
    const nl = record.indexOf('\n')
    if (nl < 0) continue
    const key = record.slice(0, nl).toLowerCase().replace(/^core\./, '') as keyof GitSettings
    settings[key] = record.slice(nl + 1).toLowerCase()
  }
  return settings
}

/**
 * True when any gitattributes source exists: a `.gitattributes` in the listing
 * or in a directory between the work tree root and the context, the
 * repository's info/attributes, or the user's or the system's file.
 */
function attributesMayApply(top: string, cwd: string, entries: Map<string, Entry>, settings: GitSettings): boolean {
  for (const path of entries.keys()) if (path === '.gitattributes' || path.endsWith('/.gitattributes')) return true
  const candidates: string[] = []
  for (let dir = cwd; dir.startsWith(top); dir = join(dir, '..')) {
    candidates.push(join(dir, '.gitattributes'))
    if (dir === top) break
  }
  for (const gitDir of gitDirs(top)) candidates.push(join(gitDir, 'info', 'attributes'))
  const xdg = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config')
  candidates.push(settings.attributesfile?.replace(/^~(?=\/)/, homedir()) ?? join(xdg, 'git', 'attributes'))
  candidates.push('/etc/gitattributes', '/usr/local/etc/gitattributes')
  return candidates.some((p) => existsSync(p))
}

// Attributes that make the working tree file differ from the blob, on checkout
// (filter, ident, working-tree-encoding, eol=crlf) or after a local edit that
// git normalises when it compares (text, eol). Spec §5.2.
const CONVERTING = ['filter', 'ident', 'working-tree-encoding', 'text', 'eol']

async function moveConvertedToDisk(cwd: string, prefix: string, listing: GitListing): Promise<void> {
  const local = listing.indexed.map((f) => f.rel.slice(prefix.length))
  const { stdout } = await runGit(cwd, ['check-attr', '-z', '--stdin', ...CONVERTING], local.join('\0') + '\0')
  const converted = new Set<string>()
  const fields = stdout.split('\0')
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const value = fields[i + 2]!
    if (value !== 'unspecified' && value !== 'unset') converted.add(fields[i]!)
  }
  if (converted.size === 0) return
  const keep: IndexedFile[] = []
  for (const f of listing.indexed) {
    const path = f.rel.slice(prefix.length)
    if (converted.has(path)) listing.fromDisk.push({ rel: f.rel, abs: join(cwd, path) })
    else keep.push(f)
  }
  listing.indexed = keep
}
