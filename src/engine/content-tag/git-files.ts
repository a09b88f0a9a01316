// The git fast path (spec §5.2): git's index gives the blob ids (read here,
// git-index.ts); `git ls-files -o` lists the untracked paths (ignored ones
// included, since .gitignore does not matter to the builder) and `git
// diff-files` uses git's stat cache to name the entries whose working tree
// file differs. Only flagged, changed, untracked and attribute-converted
// files are read from disk; every other blob id comes straight from the index.
import { isUtf8 } from 'node:buffer'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { UserError } from '../../errors.js'
import type { ContextFilter } from './context-filter.js'
import { walkContext, type ListNotes } from './fs-files.js'
import { GitUnavailable, gitDirs, runGit } from './git.js'
import { ID_LENGTH, walkIndex } from './git-index.js'
import { IndexEntries } from './index-entries.js'

/** What the git listing produced for one work tree (and its submodules). */
export interface GitListing {
  /** Context files whose blob id and mode come from the index unread: one run per work tree. */
  indexed: IndexEntries[]
  /** Context-relative paths to describe from disk: modified, untracked, flagged or converted. */
  fromDisk: string[]
}

/** The git processes that check one work tree; started early, awaited by listFromGit. */
export interface GitQuery {
  cwd: string
  /** `ls-files -o --directory`: untracked paths, ignored ones included. */
  untracked: Promise<GitOutput>
  /** `diff-files --name-only`: entries git's stat check finds changed or deleted. */
  changed: Promise<GitOutput>
  config: Promise<GitOutput>
}

type GitOutput = { code: number; stdout: string }

/**
 * Starts the git processes for the work tree at `cwd` in parallel, so they run
 * while the caller reads the Dockerfile, the ignore file and git's index. The
 * stat check, the longest, starts first.
 */
export function startGitQuery(cwd: string): GitQuery {
  const query: GitQuery = {
    cwd,
    changed: runGit(cwd, ['diff-files', '--name-only', '-z', '--relative']),
    untracked: runGit(cwd, ['ls-files', '-z', '-o', '--directory']),
    config: runGit(
      cwd,
      [
        'config',
        '-z',
        '--get-regexp',
        '^(core\\.(autocrlf|eol|attributesfile|filemode|symlinks)|extensions\\.objectformat)$'
      ],
      undefined,
      [0, 1]
    )
  }
  // Whichever fails first is reported by listFromGit; the others must not go unhandled.
  for (const p of [query.untracked, query.changed, query.config]) p.catch(() => {})
  return query
}

// The file type in the top bits of an index entry's mode.
const SYMLINK = 0o12
const GITLINK = 0o16

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
  // The index is read while git checks the work tree; a SHA-256 repository
  // (which git's config tells) explains an index that cannot be read.
  let index: IndexListing | undefined
  let unreadable: unknown
  try {
    index = listIndex(top, cwd, prefix, filter)
  } catch (error) {
    if (!(error instanceof GitUnavailable)) throw error
    unreadable = error
  }
  const settings = parseConfig((await query.config).stdout)
  if (settings.objectformat !== undefined && settings.objectformat !== 'sha1') {
    throw new GitUnavailable(
      `the repository uses ${settings.objectformat} object ids, and content tags hash files as SHA-1 git blobs`
    )
  }
  if (index === undefined) throw unreadable
  const { entries, gitlinks, attributesTracked } = index
  const listing: GitListing = { indexed: [entries], fromDisk: index.fromDisk }
  // Checkout converts every text file, or the index records modes the disk does not have
  // (core.fileMode/core.symlinks false): then only the disk can say what the builder gets.
  const convertAll =
    settings.autocrlf === 'true' ||
    settings.autocrlf === 'input' ||
    settings.eol === 'crlf' ||
    settings.filemode === 'false' ||
    settings.symlinks === 'false'
  if (convertAll) {
    entries.removeWhere((i) => {
      listing.fromDisk.push(entries.path(i))
      return true
    })
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

/** What the index lists below a directory. */
interface IndexListing {
  /** Entries the index vouches for, unless git's stat check or attributes say otherwise. */
  entries: IndexEntries
  /** Context-relative paths to read from disk: flagged and unmerged entries. */
  fromDisk: string[]
  /** Submodule paths, relative to the directory. */
  gitlinks: string[]
  /** A .gitattributes file is tracked below the directory. */
  attributesTracked: boolean
}

/**
 * The index entries of the work tree at `top` below `cwd` that the context
 * filter keeps, one pass over git's index.
 */
function listIndex(top: string, cwd: string, prefix: string, filter: ContextFilter): IndexListing {
  const file = readIndexFile(top)
  // The index names paths from the work tree root; the listing wants those below cwd.
  const within = Buffer.from(workTreeDirectory(top, cwd), 'utf8')
  const listing: IndexListing = {
    entries: new IndexEntries(prefix, Math.max(1024, file.length >> 7), file.length + 1024),
    fromDisk: [],
    gitlinks: [],
    attributesTracked: false
  }
  let previous = ''
  walkIndex(file, (e) => {
    if (!startsWith(e.path, e.pathStart, e.pathEnd, within)) return
    const start = e.pathStart + within.length
    const path = decodePath(e.path, start, e.pathEnd, cwd)
    const kind = e.mode >>> 12
    if (kind === GITLINK) {
      if (path !== previous) listing.gitlinks.push(path)
      previous = path
      return
    }
    if (path.endsWith('.gitattributes') && (path.length === 14 || path.endsWith('/.gitattributes')))
      listing.attributesTracked = true
    // Unmerged paths repeat once per stage; the first record already sent them to disk.
    if (path === previous) return
    previous = path
    const rel = prefix + path
    if (!filter.includesFile(rel)) return
    if (e.stage !== 0 || e.flagged) listing.fromDisk.push(rel)
    else {
      const mode = kind === SYMLINK ? 2 : e.mode & 0o100 ? 1 : 0
      listing.entries.push(e.path, start, e.pathEnd, file, e.idStart, ID_LENGTH, mode)
    }
  })
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

/** The work tree's index file; empty when nothing was ever added. */
function readIndexFile(top: string): Buffer {
  const gitDir = gitDirs(top)[0]
  if (gitDir === undefined) throw new GitUnavailable(`cannot find the git directory of ${top}`)
  try {
    return readFileSync(join(gitDir, 'index'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0)
    throw new GitUnavailable(`cannot read git's index in ${gitDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
}

/**
 * `cwd` as a path in the work tree at `top` with a trailing slash ('' for
 * the root), from real paths as git computes it: a symlink on the way to the
 * context must not hide the index entries below it.
 */
function workTreeDirectory(top: string, cwd: string): string {
  const rel = relative(realpathSync(top), realpathSync(cwd))
  if (rel === '') return ''
  if (rel.startsWith('..')) throw new GitUnavailable(`${cwd} is not inside the work tree ${top}`)
  return rel.split(sep).join('/') + '/'
}

function startsWith(bytes: Buffer, start: number, end: number, head: Buffer): boolean {
  if (end - start < head.length) return false
  for (let k = 0; k < head.length; k++) if (bytes[start + k] !== head[k]) return false
  return true
}

/** A path of the index as a string; one that is not UTF-8 is refused (spec §3.1). */
function decodePath(bytes: Buffer, start: number, end: number, cwd: string): string {
  const path = bytes.toString('utf8', start, end)
  if (path.includes('\uFFFD') && !isUtf8(bytes.subarray(start, end))) {
    throw new UserError(`file name is not valid UTF-8 under ${cwd}: ${path}`)
  }
  return path
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
  objectformat?: string
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
      .replace(/^(core|extensions)\./, '') as keyof GitSettings
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
