// The input summary stored with an image (label or annotation) and the diff
// that explains why a local tag differs from a stored one (spec §7).
import { compareBytes, encodeFiles, sha256Hex, sha256Parts } from './encoding.js'
import type { ContentTagInputs, FileInput } from './types.js'

/** The summary's JSON shape (spec §7.1). */
export interface InputSummary {
  v: 'v1'
  dockerfile: { path: string; digest: string }
  /** Build arg name → short SHA-256 of its value: labels are public, values may be secret. */
  buildArgs: Record<string, string>
  target?: string
  platforms: string[]
  extraFiles: FileInput[]
  /** Extra value name → short SHA-256 of its value. */
  extraValues: Record<string, string>
  commit?: string
  repoPath?: string
  contextDigest: string
  fileCount: number
  /** Files grouped by their first `depth` directories ("./" for files at the top). */
  dirs: { depth: number; digests: Record<string, string> }
}

/** Budget for the per-directory map: the whole summary stays within a few KB. */
const DIR_MAP_BUDGET = 2048
const MAX_DEPTH = 8

/** Short, one-way fingerprint of a value that must not be stored in clear. */
export function valueDigest(value: string): string {
  return 'sha256:' + sha256Hex(value).slice(0, 16)
}

function hashValues(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of Object.keys(values).sort(compareBytes)) out[key] = valueDigest(values[key]!)
  return out
}

/** The group a file belongs to at `depth`: its first `depth` directory names, or "./". */
function groupOf(path: string, depth: number): string {
  const parts = path.split('/')
  parts.pop()
  if (parts.length === 0) return './'
  return parts.slice(0, depth).join('/') + '/'
}

/** Short digest per directory group; files are already in byte order. */
export function directoryDigests(files: FileInput[], depth: number): Record<string, string> {
  const groups = new Map<string, FileInput[]>()
  for (const f of files) {
    const key = groupOf(f.path, depth)
    const list = groups.get(key)
    if (list) list.push(f)
    else groups.set(key, [f])
  }
  const out: Record<string, string> = {}
  for (const key of [...groups.keys()].sort(compareBytes)) {
    out[key] = sha256Parts(encodeFiles('dir', groups.get(key)!)).slice(0, 16)
  }
  return out
}

/** The deepest grouping whose map fits the budget (depth 0: no map, only the context digest). */
function chooseDirectoryMap(files: FileInput[]): InputSummary['dirs'] {
  let best: InputSummary['dirs'] = { depth: 0, digests: {} }
  let previousSize = -1
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    const digests = directoryDigests(files, depth)
    const size = JSON.stringify(digests).length
    const count = Object.keys(digests).length
    if (size > DIR_MAP_BUDGET) break
    best = { depth, digests }
    if (count === previousSize) break
    previousSize = count
  }
  return best
}

/**
 * Compact JSON for an image label or annotation: every input except the
 * per-file list, which is replaced by a per-directory digest map so a later
 * diff can name the directories that changed. Values are stored as digests.
 */
export function summarizeInputs(inputs: ContentTagInputs): string {
  const summary: InputSummary = {
    v: 'v1',
    dockerfile: inputs.dockerfile,
    buildArgs: hashValues(inputs.buildArgs),
    ...(inputs.target === undefined ? {} : { target: inputs.target }),
    platforms: inputs.platforms,
    extraFiles: inputs.extra.files,
    extraValues: hashValues(inputs.extra.values),
    ...(inputs.commit === undefined ? {} : { commit: inputs.commit }),
    ...(inputs.repoPath === undefined ? {} : { repoPath: inputs.repoPath }),
    contextDigest: inputs.contextDigest,
    fileCount: inputs.files.length,
    dirs: chooseDirectoryMap(inputs.files)
  }
  return JSON.stringify(summary)
}

/**
 * Human lines saying why the local inputs differ from a stored summary, most
 * significant first. Empty when every input matches.
 */
export function diffInputs(local: ContentTagInputs, remoteSummary: string): string[] {
  let remote: InputSummary
  try {
    remote = JSON.parse(remoteSummary) as InputSummary
  } catch {
    return ['the stored input summary is not valid JSON; it cannot be compared']
  }
  if (remote === null || typeof remote !== 'object' || remote.v !== 'v1') {
    const v = remote !== null && typeof remote === 'object' ? String(remote.v) : 'unknown'
    return [
      `the stored summary uses content-tag scheme ${v}, this one v1: tags from different schemes always differ`
    ]
  }
  const lines: string[] = []
  const show = (v: string | undefined) => (v === undefined ? '(none)' : v)
  if (remote.dockerfile?.path !== local.dockerfile.path) {
    lines.push(
      `Dockerfile path changed: ${show(remote.dockerfile?.path)} → ${local.dockerfile.path}`
    )
  }
  if (remote.dockerfile?.digest !== local.dockerfile.digest)
    lines.push(`Dockerfile content changed (${local.dockerfile.path})`)
  lines.push(...diffRecords('build arg', remote.buildArgs ?? {}, hashValues(local.buildArgs)))
  if (remote.target !== local.target)
    lines.push(`target stage changed: ${show(remote.target)} → ${show(local.target)}`)
  const remotePlatforms = (remote.platforms ?? []).join(', ') || '(builder default)'
  const localPlatforms = local.platforms.join(', ') || '(builder default)'
  if (remotePlatforms !== localPlatforms)
    lines.push(`platforms changed: ${remotePlatforms} → ${localPlatforms}`)
  lines.push(...diffContext(remote, local))
  lines.push(...diffFileLists('extra file', remote.extraFiles ?? [], local.extra.files))
  lines.push(
    ...diffRecords('extra value', remote.extraValues ?? {}, hashValues(local.extra.values))
  )
  if (remote.commit !== local.commit)
    lines.push(`commit changed: ${show(remote.commit)} → ${show(local.commit)}`)
  if (remote.repoPath !== local.repoPath)
    lines.push(`repository path changed: ${show(remote.repoPath)} → ${show(local.repoPath)}`)
  return lines
}

function diffRecords(
  what: string,
  before: Record<string, string>,
  after: Record<string, string>
): string[] {
  const lines: string[] = []
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareBytes)
  for (const name of names) {
    if (!(name in before)) lines.push(`${what} ${name} added`)
    else if (!(name in after)) lines.push(`${what} ${name} removed`)
    else if (before[name] !== after[name]) lines.push(`${what} ${name} changed`)
  }
  return lines
}

function diffFileLists(what: string, before: FileInput[], after: FileInput[]): string[] {
  const key = (f: FileInput) => `${f.mode} ${f.digest}`
  const b = new Map(before.map((f) => [f.path, key(f)]))
  const a = new Map(after.map((f) => [f.path, key(f)]))
  return diffRecords(what, Object.fromEntries(b), Object.fromEntries(a))
}

function diffContext(remote: InputSummary, local: ContentTagInputs): string[] {
  if (remote.contextDigest === local.contextDigest) return []
  const depth = remote.dirs?.depth ?? 0
  const counts = `${remote.fileCount ?? '?'} → ${local.files.length} files`
  if (depth === 0) return [`context files changed (${counts})`]
  const before = remote.dirs.digests
  const after = directoryDigests(local.files, depth)
  const lines: string[] = []
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareBytes)
  for (const dir of names) {
    const where = dir === './' ? 'at the top of the context' : `under ${dir}`
    if (!(dir in before)) lines.push(`files added ${where}`)
    else if (!(dir in after)) lines.push(`files removed ${where} (none left)`)
    else if (before[dir] !== after[dir]) lines.push(`files changed ${where}`)
  }
  return lines.length > 0 ? lines : [`context files changed (${counts})`]
}
