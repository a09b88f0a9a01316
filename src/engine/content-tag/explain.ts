// Human and machine listings of a content tag's inputs (spec §7.2). Build arg
// and extra values appear only as digests: these listings end up in CI logs.
import { valueDigest } from './summary.js'
import type { ContentTagResult, FileInput } from './types.js'

/** What explainJson returns; values appear as digests only. */
export interface ContentTagExplanation {
  tag: string
  digest: string
  version: 'v1'
  source: ContentTagResult['source']
  stats: ContentTagResult['stats']
  dockerfile: { path: string; digest: string }
  /** Context-relative paths of the files and symlinks the builder receives, in byte order. */
  files: string[]
  entries: FileInput[]
  contextDigest: string
  buildArgs: Record<string, string>
  ignoredBuildArgs: string[]
  target: string | null
  platforms: string[]
  extra: { files: FileInput[]; values: Record<string, string> }
  commit: string | null
  repoPath: string | null
  warnings: string[]
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v.toFixed(1)} ${units[u]}`
}

/** One line per input with its digest, then one line per context file. */
export function explainLines(result: ContentTagResult): string[] {
  const { inputs, stats } = result
  const lines = [
    `tag          ${result.tag}`,
    `digest       sha256:${result.digest}`,
    `scheme       ${inputs.version}`,
    `source       ${result.source}: ${stats.files} files, ${stats.hashedFiles} read from disk ` +
      `(${bytes(stats.hashedBytes)}), ${stats.ms} ms`,
    `dockerfile   ${inputs.dockerfile.path}  blob ${inputs.dockerfile.digest}`
  ]
  for (const [name, value] of Object.entries(inputs.buildArgs))
    lines.push(`build-arg    ${name}  value ${valueDigest(value)}`)
  for (const name of inputs.ignoredBuildArgs)
    lines.push(`ignored-arg  ${name}  (no ARG ${name} in the Dockerfile)`)
  lines.push(`target       ${inputs.target ?? '(last stage)'}`)
  lines.push(
    `platforms    ${inputs.platforms.length > 0 ? inputs.platforms.join(', ') : '(builder default)'}`
  )
  for (const f of inputs.extra.files) lines.push(`extra-file   ${f.mode} ${f.digest}  ${f.path}`)
  for (const [name, value] of Object.entries(inputs.extra.values))
    lines.push(`extra-value  ${name}  value ${valueDigest(value)}`)
  lines.push(`commit       ${inputs.commit ?? '(not an input)'}`)
  lines.push(`repo-path    ${inputs.repoPath ?? '(not an input)'}`)
  lines.push(`context      ${inputs.files.length} files  sha256:${inputs.contextDigest}`)
  for (const f of inputs.files) lines.push(`file         ${f.mode} ${f.digest}  ${f.path}`)
  for (const w of result.warnings) lines.push(`warning      ${w}`)
  return lines
}

/**
 * Machine-readable listing: `files` is the sorted list of context paths
 * (regular files and symlinks) the builder receives; `entries` adds each
 * one's mode and blob id; the other inputs follow.
 */
export function explainJson(result: ContentTagResult): ContentTagExplanation {
  const { inputs } = result
  const digests = (values: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, valueDigest(v)]))
  return {
    tag: result.tag,
    digest: `sha256:${result.digest}`,
    version: inputs.version,
    source: result.source,
    stats: result.stats,
    dockerfile: inputs.dockerfile,
    files: inputs.files.map((f) => f.path),
    entries: inputs.files,
    contextDigest: `sha256:${inputs.contextDigest}`,
    buildArgs: digests(inputs.buildArgs),
    ignoredBuildArgs: inputs.ignoredBuildArgs,
    target: inputs.target ?? null,
    platforms: inputs.platforms,
    extra: { files: inputs.extra.files, values: digests(inputs.extra.values) },
    commit: inputs.commit ?? null,
    repoPath: inputs.repoPath ?? null,
    warnings: result.warnings
  }
}
