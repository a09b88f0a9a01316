// Which context paths the builder receives, decided exactly as fsutil's
// filtered walk does when BuildKit sends the context with the .dockerignore
// patterns as ExcludePatterns (spec §4.4). Both the git listing and the
// directory walk ask this one object, so they agree by construction.
import {
  matchedUsingParentResults,
  matchesUsingParentResults,
  type MatchInfo,
  type PatternMatcher
} from './pattern-matcher.js'

/** What the walk decided for one directory. */
interface DirState {
  info: MatchInfo
  /** The directory itself matched an exclude pattern. */
  excluded: boolean
  /** Nothing below the directory can be sent (fsutil returns SkipDir). */
  pruned: boolean
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
      parent = dir!.info
    }
    return !matchedUsingParentResults(this.matcher, path, parent)
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
      state = { info: parent.info, excluded: true, pruned: true }
    } else {
      parentInfo = parent?.info
      const { matched, info } = matchesUsingParentResults(this.matcher, path, parentInfo)
      state = { info, excluded: matched, pruned: matched && this.skipsExcludedDir(path) }
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

function withoutTrailingGlob(p: string): string {
  if (p.endsWith('/**')) p = p.slice(0, -3)
  if (p.endsWith('/*')) p = p.slice(0, -2)
  return p
}
