// Public types of the content tag (docs/content-tag.md).

/** What a content tag is computed from; relative paths resolve against the current directory. */
export interface ContentTagOptions {
  /** The build context directory. */
  context: string
  /** Default: `<context>/Dockerfile`, or `<context>/dockerfile` when only that exists. */
  dockerfile?: string
  /** Default: the nearest directory at or above the context holding `.git`, else the context. */
  repoRoot?: string
  buildArgs?: Record<string, string>
  target?: string
  platforms?: string[]
  /** Files whose content and mode join the tag (absolute, or relative to the current directory). */
  extraFiles?: string[]
  extraValues?: Record<string, string>
  /** Hash the commit id (HEAD of repoRoot) in; off by default (spec §3.7). */
  includeCommit?: boolean
  /** Hash the context's path relative to repoRoot in; off by default (spec §3.7). */
  includeRepoPath?: boolean
  /** Default `im-v1-`; must keep the tag within `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. */
  prefix?: string
  /** Hex digits of the SHA-256 kept in the tag: 32–64, default 40. */
  hexLength?: number
  /** Default: auto (git when the context is in a work tree and git answers). */
  useGit?: boolean
}

/** A file that is an input: context-relative (or repository-relative for extras) POSIX path. */
export interface FileInput {
  path: string
  /** Git's normalised mode: 100644, 100755 or 120000. */
  mode: string
  /** Git blob id: SHA-1 of "blob <size>\0<content>" (a symlink's content is its target text). */
  digest: string
}

/** Every input of a v1 content tag, in canonical form (spec §3). */
export interface ContentTagInputs {
  version: 'v1'
  dockerfile: { path: string; digest: string }
  files: FileInput[]
  /** Build args the Dockerfile can see, by name. */
  buildArgs: Record<string, string>
  /** Names of build args given but not counted (never declared with ARG). */
  ignoredBuildArgs: string[]
  target?: string
  platforms: string[]
  extra: { files: FileInput[]; values: Record<string, string> }
  commit?: string
  repoPath?: string
  /** SHA-256 (hex) of the encoded file list alone (spec §6). */
  contextDigest: string
}

export interface ContentTagResult {
  tag: string
  /** Full SHA-256 hex of the canonical encoding. */
  digest: string
  inputs: ContentTagInputs
  source: 'git' | 'filesystem'
  stats: { files: number; hashedFiles: number; hashedBytes: number; ms: number }
  /** What the user should know: inputs the builder sees that the tag cannot, a git fallback. */
  warnings: string[]
}
