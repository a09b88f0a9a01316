// The git fast path (spec §5.2): `git ls-files` lists the index with blob ids
// and, separately, the untracked paths (ignored ones included, since
// .gitignore does not matter to the builder); `git diff-files` uses git's stat
// cache to name the entries whose working tree file differs. Only flagged, untracked and
// attribute-converted files
// are read from disk; every other blob id comes straight from the index.
import { isAscii, isUtf8 } from 'node:buffer'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../errors.js'
import type { ContextFilter } from './context-filter.js'
import { walkContext, type ListNotes } from './fs-files.js'
import { GitUnavailable, gitDirs, runGit, runGitBytes } from './git.js'
import { IndexEntries, type ModeCode } from './index-entries.js'

/** What the git listing produced for one work tree (and its submodules). */
export interface GitListing {
  /** Context files whose blob id and mode come from the index unread: one run per work tree. */
  indexed: IndexEntries[]
  /** Context-relative paths to describe from disk: modified, untracked, flagged or converted. */
  fromDisk: string[]
}

// The letter `ls-files -v` prints for an unflagged cached entry (H); S
// (skip-worktree), M (unmerged) and lower case (assume-unchanged) mean git
// does not check the working tree for it, so neither can the index vouch for it.
const CLEAN = 0x48
const STAGE_0 = 0x30
const TAB = 0x09

/** The git processes that list one work tree; started early, awaited by listFromGit. */
export interface GitQuery {
  cwd: string
  /** `ls-files -s -v`: every index entry with mode, blob id, stage and status letter. */
  index: Promise<{ code: number; stdout: Buffer }>
  /** `ls-files -o --directory`: untracked paths, ignored ones included. */
  untracked: Promise<GitOutput>
  /** `diff-files --name-only`: entries git's stat check finds changed or deleted. */
  changed: Promise<GitOutput>
  config: Promise<GitOutput>
}

type GitOutput = { code: number; stdout: string }

/**
 * Starts the git processes for the work tree at `cwd` in parallel, so they run
 * while the caller reads the Dockerfile and ignore file.
 */
export function startGitQuery(cwd: string): GitQuery {
  const query: GitQuery = {
    cwd,
    index: runGitBytes(cwd, ['ls-files', '-z', '-v', '-s', '-c']),
    untracked: runGit(cwd, ['ls-files', '-z', '-o', '--directory']),
    changed: runGit(cwd, ['diff-files', '--name-only', '-z', '--relative']),
    config: runGit(
      cwd,
      ['config', '-z', '--get-regexp', '^core\\.(autocrlf|eol|attributesfile|filemode|symlinks)$'],
      undefined,
      [0, 1]
    )
  }
  // Whichever fails first is reported by listFromGit; the others must not go unhandled.
  for (const p of [query.index, query.untracked, query.changed, query.config]) p.catch(() => {})
  return query
}

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
  notes: ListNotes,
  query: GitQuery = startGitQuery(sub === '' ? root : join(root, sub))
): Promise<GitListing> {
  const cwd = query.cwd
  const prefix = sub === '' ? '' : sub + '/'
  const [index, config] = await Promise.all([query.index, query.config])
  const settings = parseConfig(config.stdout)
  // Checkout converts every text file, or the index records modes the disk does not have
  // (core.fileMode/core.symlinks false): then only the disk can say what the builder gets.
  const convertAll =
    settings.autocrlf === 'true' ||
    settings.autocrlf === 'input' ||
    settings.eol === 'crlf' ||
    settings.filemode === 'false' ||
    settings.symlinks === 'false'
  const out = index.stdout
  if (!isUtf8(out)) checkNames(out.toString('utf8'), cwd)
  const ascii = isAscii(out)
  const entries = new IndexEntries(out, prefix, ascii, Math.max(1024, out.length >> 6))
  const listing: GitListing = { indexed: [entries], fromDisk: [] }
  let attributesTracked = false
  const gitlinks: string[] = []
  let previous = ''
  // Records are "<tag> <mode> <object id> <stage>\t<path>", NUL-terminated,
  // walked in place: this runs once per file of large contexts.
  const decoding = ascii ? 'latin1' : 'utf8'
  let idLength = -1
  for (let at = 0, end = out.indexOf(0); end >= 0; at = end + 1, end = out.indexOf(0, at)) {
    if (end === at) continue
    // The object id's length (SHA-1 or SHA-256) is the same in every record.
    if (idLength < 0) idLength = out.indexOf(TAB, at) - at - 11
    const tab = at + 11 + idLength
    const path = out.toString(decoding, tab + 1, end)
    const mode = modeAt(out, at + 2)
    if (mode === GITLINK_CODE) {
      if (path !== previous) gitlinks.push(path)
      previous = path
      continue
    }
    if (path.endsWith('.gitattributes') && (path.length === 14 || path.endsWith('/.gitattributes')))
      attributesTracked = true
    // Unmerged paths repeat once per stage; the first record already sent them to disk.
    if (path === previous) continue
    previous = path
    const rel = prefix + path
    if (!filter.includesFile(rel)) continue
    if (out[at] !== CLEAN || out[tab - 1] !== STAGE_0 || convertAll) listing.fromDisk.push(rel)
    else entries.push(tab + 1, end, at + 9, tab - 2, mode)
  }
  // Entries whose working tree file git's stat check found changed are read from disk.
  const modified = (await query.changed).stdout.split('\0').filter((p) => p !== '')
  if (modified.length > 0) moveToDisk(entries, modified, listing.fromDisk)
  if (
    !convertAll &&
    entries.length > 0 &&
    (attributesTracked || attributesMayApply(top, cwd, settings))
  ) {
    await moveConvertedToDisk(cwd, entries, listing.fromDisk)
  }
  // Untracked paths, one per file; "dir/" stands for a directory git holds nothing in.
  for (const path of checkNames((await query.untracked).stdout, cwd).split('\0')) {
    if (path === '') continue
    if (path.endsWith('/')) {
      const rel = path === './' ? sub : prefix + path.slice(0, -1)
      if (rel === '' || !filter.prunes(rel)) walkContext(root, rel, filter, notes, listing.fromDisk)
    } else {
      const rel = prefix + path
      if (filter.includesFile(rel)) listing.fromDisk.push(rel)
    }
  }
  for (const link of gitlinks) {
    const rel = prefix + link
    if (filter.prunes(rel)) continue
    await listSubmodule(root, rel, filter, notes, listing)
  }
  return listing
}

/**
 * A checked-out submodule is listed through its own index; anything else
 * (not initialised, or git refuses it) is walked on disk. Either way the
 * builder receives its working tree files, so they are part of the context.
 */
async function listSubmodule(
  root: string,
  rel: string,
  filter: ContextFilter,
  notes: ListNotes,
  into: GitListing
): Promise<void> {
  const abs = join(root, rel)
  if (existsSync(join(abs, '.git'))) {
    if (filter.includesFile(rel + '/.git')) notes.gitMetadataSent = true
    try {
      const inner = await listFromGit(root, rel, abs, filter, notes)
      appendAll(into.indexed, inner.indexed)
      appendAll(into.fromDisk, inner.fromDisk)
      return
    } catch (error) {
      if (!(error instanceof GitUnavailable)) throw error
    }
  }
  walkContext(root, rel, filter, notes, into.fromDisk)
}

/** push(...items) without the argument-count limit of spreading large arrays. */
function appendAll<T>(into: T[], items: T[]): void {
  for (const item of items) into.push(item)
}

/** git prints names as raw bytes: one that is not UTF-8 decodes to U+FFFD (spec §3.1). */
function checkNames(out: string, cwd: string): string {
  const bad = out.indexOf('\uFFFD')
  if (bad >= 0) {
    const name = out
      .slice(out.lastIndexOf('\0', bad) + 1, out.indexOf('\0', bad))
      .replace(/^.*\t/, '')
    throw new UserError(`file name is not valid UTF-8 under ${cwd}: ${name}`)
  }
  return out
}

// modeAt's answer for a submodule (160000), which is not a file of the context.
const GITLINK_CODE = 3

/** The mode at `at` as git normalises it: 100644 (0), 100755 (1), 120000 (2), or a submodule. */
function modeAt(out: Buffer, at: number): ModeCode | typeof GITLINK_CODE {
  const kind = out[at + 1] // 0 (file), 2 (symlink) or 6 (gitlink)
  if (kind === 0x32) return 2
  if (kind === 0x36) return GITLINK_CODE
  // git keeps the executable bit of the owner: the first permission digit.
  return (out[at + 3]! - 0x30) & 1 ? 1 : 0
}

/**
 * Moves the entries whose work tree path is in `paths` to the from-disk list.
 * A few paths are looked up (the entries are sorted); many, or a whole tree
 * touched, are matched in one pass.
 */
function moveToDisk(entries: IndexEntries, paths: Iterable<string>, fromDisk: string[]): void {
  const list = [...paths]
  const drop = new Set<number>()
  if (list.length * 64 < entries.length) {
    for (const local of list) {
      const i = entries.lowerBound(entries.prefix + local)
      if (i < entries.length && entries.localPath(i) === local) drop.add(i)
    }
  } else {
    const named = new Set(list)
    for (let i = 0; i < entries.length; i++) if (named.has(entries.localPath(i))) drop.add(i)
  }
  if (drop.size === 0) return
  entries.removeWhere((i) => {
    if (!drop.has(i)) return false
    fromDisk.push(entries.path(i))
    return true
  })
}

interface GitSettings {
  autocrlf?: string
  eol?: string
  attributesfile?: string
  filemode?: string
  symlinks?: string
}

function parseConfig(stdout: string): GitSettings {
  const settings: GitSettings = {}
  for (const record of stdout.split('\0')) {
    const nl = record.indexOf('\n')
    if (nl < 0) continue
    const key = record
      .slice(0, nl)
      .toLowerCase()
      .replace(/^core\./, '') as keyof GitSettings
    settings[key] = record.slice(nl + 1).toLowerCase()
  }
  return settings
}

/**
 * True when a gitattributes source outside the listing exists: a
 * `.gitattributes` in a directory between the work tree root and the context, the
 * repository's info/attributes, or the user's or the system's file.
 */
function attributesMayApply(top: string, cwd: string, settings: GitSettings): boolean {
  const candidates: string[] = []
  for (let dir = cwd; dir.startsWith(top); dir = join(dir, '..')) {
    candidates.push(join(dir, '.gitattributes'))
    if (dir === top) break
  }
  for (const gitDir of gitDirs(top)) candidates.push(join(gitDir, 'info', 'attributes'))
  const xdg = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config')
  candidates.push(
    settings.attributesfile?.replace(/^~(?=\/)/, homedir()) ?? join(xdg, 'git', 'attributes')
  )
  candidates.push('/etc/gitattributes', '/usr/local/etc/gitattributes')
  return candidates.some((p) => existsSync(p))
}

// Attributes that make the working tree file differ from the blob, on checkout
// (filter, ident, working-tree-encoding, eol=crlf) or after a local edit that
// git normalises when it compares (text, eol). Spec §5.2.
const CONVERTING = ['filter', 'ident', 'working-tree-encoding', 'text', 'eol']

async function moveConvertedToDisk(
  cwd: string,
  entries: IndexEntries,
  fromDisk: string[]
): Promise<void> {
  const local: string[] = []
  for (let i = 0; i < entries.length; i++) local.push(entries.localPath(i))
  const { stdout } = await runGit(
    cwd,
    ['check-attr', '-z', '--stdin', ...CONVERTING],
    local.join('\0') + '\0'
  )
  const converted = new Set<string>()
  const fields = stdout.split('\0')
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const value = fields[i + 2]!
    if (value !== 'unspecified' && value !== 'unset') converted.add(fields[i]!)
  }
  if (converted.size > 0) moveToDisk(entries, converted, fromDisk)
}
