// computeContentTag: gathers every input (spec §3), lists the context through
// git or the file system (spec §5), encodes canonically (spec §6) and hashes.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { performance } from 'node:perf_hooks'
import { UserError } from '../../errors.js'
import { Describer } from './blob-hash.js'
import { ContextFilter } from './context-filter.js'
import { loadIgnoreFile } from './dockerignore.js'
import { readDockerfile, type DockerfileFacts } from './dockerfile.js'
import { blobId, compareBytes, encodeInputs, sha256Hex, sortFiles } from './encoding.js'
import { contextFiles, type ContextFiles } from './file-list.js'
import { walkContext, type ListNotes } from './fs-files.js'
import { listFromGit, startGitQuery } from './git-files.js'
import { findWorkTreeRoot, GitUnavailable, runGit } from './git.js'
import type { IndexEntries } from './index-entries.js'
import { normalisePlatforms } from './platforms.js'
import type { ContentTagInputs, ContentTagOptions, ContentTagResult, FileInput } from './types.js'

/** The prefix tags get unless the caller chooses one. */
export const DEFAULT_PREFIX = 'im-v1-'
/** Hex digits of the digest kept in the tag by default (160 bits). */
export const DEFAULT_HEX_LENGTH = 40

const PREFIX_GRAMMAR = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/

// Build args BuildKit reads itself, without any ARG in the Dockerfile, and that
// change the result (spec §3.4).
const BUILDER_ARG = /^(BUILDKIT_.+|SOURCE_DATE_EPOCH)$/

/** Computes the v1 content tag of a build (docs/content-tag.md). */
export async function computeContentTag(opts: ContentTagOptions): Promise<ContentTagResult> {
  const started = performance.now()
  const prefix = opts.prefix ?? DEFAULT_PREFIX
  const hexLength = opts.hexLength ?? DEFAULT_HEX_LENGTH
  checkTagFormat(prefix, hexLength)
  const context = requireDirectory(opts.context, 'build context')
  const platforms = normalisePlatforms(opts.platforms ?? [])
  const workTree = findWorkTreeRoot(context)
  // git runs while the Dockerfile and ignore file are read.
  const query = opts.useGit !== false && workTree !== undefined ? startGitQuery(context) : undefined
  let files: FileInput[] = []
  let indexed: IndexEntries[] = []
  const repoRoot =
    opts.repoRoot !== undefined
      ? requireDirectory(opts.repoRoot, 'repository root')
      : (workTree ?? context)

  const dockerfileNamed = resolve(opts.dockerfile ?? join(context, 'Dockerfile'))
  const dockerfilePath = locateDockerfile(dockerfileNamed)
  const dockerfileContent = readInput(dockerfilePath, 'Dockerfile')
  const facts = readDockerfile(dockerfileContent.toString('utf8'))
  const target = checkTarget(opts.target, facts, dockerfilePath)
  const { used, ignored } = splitBuildArgs(opts.buildArgs ?? {}, facts)
  // Inputs the user names are checked before the (possibly long) listing.
  const dockerfile = {
    path: repoRelative(repoRoot, dockerfilePath, 'Dockerfile'),
    digest: blobId(dockerfileContent)
  }
  const extra = {
    files: extraFiles(opts.extraFiles ?? [], repoRoot),
    values: sortedRecord(opts.extraValues ?? {})
  }
  const commit = opts.includeCommit ? headCommit(repoRoot) : undefined
  commit?.catch(() => {})

  const ignore = await loadIgnoreFile(context, dockerfileNamed)
  const filter = new ContextFilter(ignore.matcher)
  const notes: ListNotes = { warnings: [], gitMetadataSent: false }
  let source: ContentTagResult['source'] = 'filesystem'
  // Hashing starts while the walk is still listing (spec §5.1).
  let describer = new Describer(context)
  let listed = false
  if (query !== undefined && workTree !== undefined) {
    try {
      const listing = await listFromGit(context, '', workTree, filter, notes, query)
      indexed = listing.indexed
      for (const rel of listing.fromDisk) describer.push(rel)
      source = 'git'
      listed = true
    } catch (error) {
      if (!(error instanceof GitUnavailable)) throw error
      if (opts.useGit === true) throw new UserError(`useGit is set but ${error.message}`)
      notes.warnings.push(`read every file instead of using git's index: ${error.message}`)
    }
  } else if (opts.useGit === true) {
    throw new UserError(
      `useGit is set but the build context ${context} is not inside a git work tree`
    )
  }
  if (!listed) walkContext(context, '', filter, notes, describer)
  if (source === 'git' && existsSync(join(context, '.git')) && filter.includesFile('.git')) {
    notes.gitMetadataSent = true
  }

  let hashedBytes = 0
  let hashedFiles = 0
  const readFromDisk: string[] = []
  // Directories only turn up where git's index still lists a file: walk them
  // as the builder would see them, then describe what they hold.
  for (;;) {
    const described = await describer.finish()
    const rels = describer.rels
    const directories: string[] = []
    described.forEach((d, i) => {
      if (d.kind === 'file' || d.kind === 'symlink') {
        files.push({ path: rels[i]!, mode: d.mode, digest: d.digest })
        readFromDisk.push(rels[i]!)
        hashedFiles++
        hashedBytes += d.size
      } else if (d.kind === 'directory') {
        if (!filter.prunes(rels[i]!)) directories.push(rels[i]!)
      } else if (d.kind === 'other') {
        notes.warnings.push(
          `${rels[i]} is not a regular file, directory or symlink; it is not part of the tag`
        )
      }
    })
    if (directories.length === 0) break
    describer = new Describer(context)
    for (const dir of directories) walkContext(context, dir, filter, notes, describer)
  }
  const contextList = contextFiles(indexed, files, source === 'git' ? readFromDisk : [])

  const inputs: ContentTagInputs = {
    version: 'v1',
    dockerfile,
    files,
    buildArgs: used,
    ignoredBuildArgs: ignored,
    ...(target === undefined ? {} : { target }),
    platforms,
    extra,
    ...(commit === undefined ? {} : { commit: await commit }),
    ...(opts.includeRepoPath ? { repoPath: toPosix(relative(repoRoot, context)) || '.' } : {}),
    contextDigest: contextList.digest
  }
  lazyFiles(inputs, contextList)
  const digest = sha256Hex(encodeInputs(inputs))

  const warnings = notes.warnings
  if (notes.gitMetadataSent) {
    warnings.push(
      'the build context holds .git and .dockerignore does not exclude it: the builder receives it, the tag never includes it (add .git to .dockerignore, or set includeCommit)'
    )
  }
  if (existsSync(join(context, '.containerignore'))) {
    warnings.push(
      '.containerignore exists: buildah and podman read it instead of .dockerignore, the tag follows .dockerignore as BuildKit does'
    )
  }
  return {
    tag: prefix + digest.slice(0, hexLength),
    digest,
    inputs,
    source,
    stats: {
      files: contextList.count,
      hashedFiles,
      hashedBytes,
      ms: Math.round(performance.now() - started)
    },
    warnings
  }
}

/** Rejects a prefix or length that breaks the tag grammar `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. */
export function checkTagFormat(prefix: string, hexLength: number): void {
  if (!Number.isInteger(hexLength) || hexLength < 32 || hexLength > 64) {
    throw new UserError(
      `invalid tag hex length ${hexLength}: expected a whole number from 32 to 64`
    )
  }
  if (prefix !== '' && !PREFIX_GRAMMAR.test(prefix)) {
    throw new UserError(
      `invalid tag prefix "${prefix}": it must start with a letter, digit or _ and hold only letters, digits, '.', '_' and '-'`
    )
  }
  if (prefix.length + hexLength > 128) {
    throw new UserError(
      `invalid tag prefix "${prefix}": with ${hexLength} hex digits the tag would exceed 128 characters`
    )
  }
}

function requireDirectory(path: string, what: string): string {
  const abs = resolve(path)
  let isDir = false
  try {
    isDir = statSync(abs).isDirectory()
  } catch {
    throw new UserError(`${what} ${path} does not exist`)
  }
  if (!isDir) throw new UserError(`${what} ${path} is not a directory`)
  return abs
}

/** BuildKit falls back to a lower-case `dockerfile` when `Dockerfile` is missing. */
function locateDockerfile(named: string): string {
  if (!existsSync(named) && basename(named) === 'Dockerfile') {
    const lower = join(dirname(named), 'dockerfile')
    if (existsSync(lower)) return lower
  }
  return named
}

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UserError(`${what} ${path} does not exist`)
    if (code === 'EISDIR') throw new UserError(`${what} ${path} is a directory, not a file`)
    throw new UserError(`cannot read ${what} ${path}: ${code ?? String(error)}`)
  }
}

function checkTarget(
  target: string | undefined,
  facts: DockerfileFacts,
  dockerfile: string
): string | undefined {
  if (target === undefined || target === '') return undefined
  const lower = target.toLowerCase()
  if (facts.standardFrontend && !facts.stages.includes(lower)) {
    throw new UserError(`target stage "${target}" is not defined in ${dockerfile}`)
  }
  return lower
}

/** Counts the build args the Dockerfile declares with ARG, plus those BuildKit reads itself. */
function splitBuildArgs(
  args: Record<string, string>,
  facts: DockerfileFacts
): { used: Record<string, string>; ignored: string[] } {
  const used: Record<string, string> = {}
  const ignored: string[] = []
  for (const name of Object.keys(args).sort(compareBytes)) {
    if (!facts.standardFrontend || facts.args.has(name) || BUILDER_ARG.test(name))
      used[name] = args[name]!
    else ignored.push(name)
  }
  return { used, ignored }
}

/** True when a path.relative() result stays below its base. */
function inside(rel: string): boolean {
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel)
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/')
}

function repoRelative(repoRoot: string, path: string, what: string): string {
  const rel = relative(repoRoot, path)
  if (!inside(rel)) {
    throw new UserError(
      `${what} ${path} is outside the repository root ${repoRoot}; set repoRoot to a directory that holds it`
    )
  }
  return toPosix(rel)
}

/** Extra files: followed through symlinks, named relative to the repository root when inside it. */
function extraFiles(paths: string[], repoRoot: string): FileInput[] {
  const byPath = new Map<string, FileInput>()
  for (const given of paths) {
    const abs = resolve(given)
    let isFile = false
    let exec = false
    try {
      const st = statSync(abs)
      isFile = st.isFile()
      exec = (st.mode & 0o100) !== 0
    } catch {
      throw new UserError(`extra file ${given} does not exist`)
    }
    if (!isFile) throw new UserError(`extra file ${given} is not a regular file`)
    const rel = relative(repoRoot, abs)
    const path = inside(rel) ? toPosix(rel) : toPosix(abs)
    byPath.set(path, {
      path,
      mode: exec ? '100755' : '100644',
      digest: blobId(readInput(abs, 'extra file'))
    })
  }
  return sortFiles([...byPath.values()])
}

/** Makes `inputs.files` the context's file objects, built on first read. */
function lazyFiles(inputs: ContentTagInputs, list: ContextFiles): void {
  let built: FileInput[] | undefined
  Object.defineProperty(inputs, 'files', {
    enumerable: true,
    configurable: true,
    get: () => (built ??= list.toArray()),
    set: (value: FileInput[]) => {
      built = value
    }
  })
}



function sortedRecord(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of Object.keys(values).sort(compareBytes)) out[key] = values[key]!
  return out
}

async function headCommit(repoRoot: string): Promise<string> {
  try {
    const { stdout } = await runGit(repoRoot, ['rev-parse', '--verify', 'HEAD'])
    return stdout.trim()
  } catch (error) {
    throw new UserError(
      `includeCommit needs a git repository with a commit at ${repoRoot}: ${(error as Error).message}`
    )
  }
}
