// Which context paths the builder receives, decided exactly as fsutil's
// filtered walk does when BuildKit sends the context with the .dockerignore
// patterns as ExcludePatterns (spec §4.4). Both the git listing and the
// directory walk ask this one object, so they agree by construction.
import {
  matchedUsingParentResults,
  matchesUsingParentResults,
  type MatchInfo,
  type MatchKind,
  type PatternMatcher
} from './pattern-matcher.js'

/** What the walk decided for one directory. */
interface DirState {
  path: string
  info: MatchInfo
  /** The directory itself matched an exclude pattern. */
  excluded: boolean
  /** Nothing below the directory can be sent (fsutil returns SkipDir). */
  pruned: boolean
  /** How the files directly inside are decided; made on the first file asked about. */
  files?: FileRule
}

// What a pattern's own test can say for the files of one directory.
const NEVER = 0
const ALWAYS = 1
const BY_NAME = 2

/**
 * matchedUsingParentResults for the files of one directory, prepared once:
 * a pattern that names another directory (`.git`, `build/`) cannot match a
 * file here whatever its name, and one whose prefix covers the directory
 * matches every file, so only the rest are tested per file. When none is left,
 * every file of the directory gets the same answer.
 */
interface FileRule {
  tests: Uint8Array
  /** The answer for every file, when no test depends on the name. */
  constant?: boolean
}

// fsutil treats an exception as a plain prefix only when, without a trailing
// "/**" or "/*", it has none of these characters.
const PATTERN_CHARS = /[*[\]?^\\]/

/** Decides inclusion for context-relative POSIX paths; caches per directory. */
export class ContextFilter {
  readonly matcher: PatternMatcher
  private readonly dirs = new Map<string, DirState>()
  private lastDirPath = ''
  private lastDir: DirState | undefined
  private readonly onlyPrefixExceptions: boolean
  private readonly exceptionPrefixes: string[]

  constructor(matcher: PatternMatcher) {
    this.matcher = matcher
    const exceptions = matcher.patterns
      .filter((p) => p.exclusion)
      .map((p) => withoutTrailingGlob(p.cleaned))
    this.onlyPrefixExceptions = !exceptions.some((p) => PATTERN_CHARS.test(p))
    this.exceptionPrefixes = exceptions.map((p) => p + '/')
  }

  /** True when no pattern excludes anything: every path is sent. */
  get empty(): boolean {
    return this.matcher.patterns.length === 0
  }

  /** True when a file or symlink at `path` is sent to the builder. */
  includesFile(path: string): boolean {
    if (this.empty) return true
    const slash = path.lastIndexOf('/')
    let parent: MatchInfo
    if (slash >= 0) {
      // Listings name many files of one directory in a row: reuse its state without slicing.
      let dir = this.lastDir
      if (
        dir === undefined ||
        slash !== this.lastDirPath.length ||
        !path.startsWith(this.lastDirPath)
      ) {
        this.lastDirPath = path.slice(0, slash)
        dir = this.lastDir = this.dir(this.lastDirPath)
      }
      if (dir!.pruned) return false
      if (dir!.info !== undefined && dir!.info.length > 0) {
        return !this.matchedInDir(dir!, (dir!.files ??= this.fileRule(dir!)), path)
      }
      parent = dir!.info
    }
    return !matchedUsingParentResults(this.matcher, path, parent)
  }

  /** matchedUsingParentResults(matcher, path, dir.info) for a file directly in `dir`. */
  private matchedInDir(dir: DirState, rule: FileRule, path: string): boolean {
    if (rule.constant !== undefined) return rule.constant
    const patterns = this.matcher.patterns
    const info = dir.info!
    const tests = rule.tests
    let matched = false
    for (let i = 0; i < patterns.length; i++) {
      const p = patterns[i]!
      let match = info[i]!
      if (!match) {
        if (p.exclusion !== matched) continue
        const t = tests[i]
        match = t === ALWAYS || (t === BY_NAME && p.test(path))
      }
      if (match) matched = !p.exclusion
    }
    return matched
  }

  private fileRule(dir: DirState): FileRule {
    const patterns = this.matcher.patterns
    const tests = new Uint8Array(patterns.length)
    const base = dir.path + '/'
    let byName = false
    patterns.forEach((p, i) => {
      tests[i] = testForFilesIn(p.kind, p.cleaned, base)
      byName ||= tests[i] === BY_NAME
    })
    const rule: FileRule = { tests }
    // No name matters: decide for a file name nothing could match on its own.
    if (!byName) rule.constant = this.matchedInDir(dir, rule, base)
    return rule
  }

  /** True when the walk may skip everything below the directory `path`. */
  prunes(path: string): boolean {
    return !this.empty && this.dir(path).pruned
  }

  private dir(path: string): DirState {
    const known = this.dirs.get(path)
    if (known) return known
    const slash = path.lastIndexOf('/')
    let parentInfo: MatchInfo
    let state: DirState
    const parent = slash >= 0 ? this.dir(path.slice(0, slash)) : undefined
    if (parent?.pruned) {
      state = { path, info: parent.info, excluded: true, pruned: true }
    } else {
      parentInfo = parent?.info
      const { matched, info } = matchesUsingParentResults(this.matcher, path, parentInfo)
      state = { path, info, excluded: matched, pruned: matched && this.skipsExcludedDir(path) }
    }
    this.dirs.set(path, state)
    return state
  }

  /** fsutil walks into an excluded directory only when an exception could re-include below it. */
  private skipsExcludedDir(path: string): boolean {
    if (!this.onlyPrefixExceptions) return false
    if (!this.matcher.exclusions) return true
    const dirSlash = path + '/'
    return !this.exceptionPrefixes.some((p) => p.startsWith(dirSlash))
  }
}

/**
 * What a pattern's test (pattern-matcher.ts compilePattern) answers for paths
 * `base + name`, name without a slash: exact patterns match one path, prefix
 * patterns all or none of a directory's files unless the prefix ends inside
 * this directory; suffixes and expressions depend on the name.
 */
function testForFilesIn(kind: MatchKind, cleaned: string, base: string): number {
  if (kind === 'exact') {
    return cleaned.startsWith(base) && !cleaned.includes('/', base.length) ? BY_NAME : NEVER
  }
  if (kind === 'prefix') {
    const prefix = cleaned.slice(0, -2)
    if (base.startsWith(prefix)) return ALWAYS
    return prefix.startsWith(base) && !prefix.includes('/', base.length) ? BY_NAME : NEVER
  }
  return BY_NAME
}

function withoutTrailingGlob(p: string): string {
  if (p.endsWith('/**')) p = p.slice(0, -3)
  if (p.endsWith('/*')) p = p.slice(0, -2)
  return p
}
