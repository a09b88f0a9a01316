// The .dockerignore pattern language as moby/patternmatcher implements it,
// which is what BuildKit (through tonistiigi/fsutil) applies to the build
// context. Spec §4.2–§4.3. Behaviour is ported from the Go source and its test
// table (test/unit/content-tag/pattern-matcher.test.ts); the code is our own.
import { goCleanPath, goTrimSpace } from './go-text.js'

/** How a compiled pattern is matched; mirrors patternmatcher's matchType. */
export type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp'

/** One compiled line of a .dockerignore file. */
export interface Pattern {
  /** The pattern after trimming, cleaning and removing a leading `!`. */
  cleaned: string
  /** True for `!` lines: an exception that re-includes what earlier lines excluded. */
  exclusion: boolean
  kind: MatchKind
  /** The regular expression BuildKit builds (Go RE2 syntax); empty unless kind is 'regexp'. */
  goRegexp: string
  /** `goRegexp` translated to an equivalent JavaScript expression. */
  test: (path: string) => boolean
}

/** A pattern the Go implementation rejects; the message names the pattern. */
export class PatternError extends Error {
  override name = 'PatternError'
}

/** Per-pattern results for a directory, handed to its children (patternmatcher's MatchInfo). */
export type MatchInfo = boolean[] | undefined

/** A list of compiled patterns evaluated in order, last match wins (patternmatcher.New). */
export interface PatternMatcher {
  patterns: Pattern[]
  /** True when any pattern is a `!` exception. */
  exclusions: boolean
}

/**
 * Compiles patterns as patternmatcher.New does: trim, skip empty, filepath.Clean,
 * split off `!`, check the syntax with filepath.Match's rules, and build the
 * matcher. Throws PatternError for a lone `!`, bad glob syntax, or a pattern
 * whose regular expression Go would refuse.
 */
export function newPatternMatcher(lines: string[]): PatternMatcher {
  const patterns: Pattern[] = []
  for (const line of lines) {
    let p = goTrimSpace(line)
    if (p === '') continue
    p = goCleanPath(p)
    let exclusion = false
    if (p.startsWith('!')) {
      if (p.length === 1) throw new PatternError('illegal exclusion pattern: "!"')
      exclusion = true
      p = p.slice(1)
    }
    if (!globSyntaxValid(p)) throw new PatternError(`syntax error in pattern "${p}"`)
    patterns.push(compilePattern(p, exclusion))
  }
  return { patterns, exclusions: patterns.some((p) => p.exclusion) }
}

/** MatchesExact: the patterns against `path` alone, without looking at parent directories. */
export function matchesExact(pm: PatternMatcher, path: string): boolean {
  let matched = false
  for (const p of pm.patterns) {
    if (p.exclusion !== matched) continue
    if (p.test(path)) matched = !p.exclusion
  }
  return matched
}

/** MatchesOrParentMatches: a pattern matching a parent directory of `path` matches `path`. */
export function matchesOrParentMatches(pm: PatternMatcher, path: string): boolean {
  let matched = false
  const parents = parentPrefixes(path)
  for (const p of pm.patterns) {
    if (p.exclusion !== matched) continue
    let match = p.test(path)
    if (!match) match = parents.some((dir) => p.test(dir))
    if (match) matched = !p.exclusion
  }
  return matched
}

/**
 * MatchesUsingParentResults, the function fsutil's walker calls: the parent
 * directory's per-pattern results replace re-matching the parent path. Pass
 * `undefined` for entries at the top of the context.
 */
export function matchesUsingParentResults(
  pm: PatternMatcher,
  path: string,
  parent: MatchInfo
): { matched: boolean; info: boolean[] } {
  const info = new Array<boolean>(pm.patterns.length).fill(false)
  let matched = false
  pm.patterns.forEach((p, i) => {
    let match = parent !== undefined && parent.length > 0 ? parent[i]! : false
    if (!match) {
      if (p.exclusion !== matched) return
      match = p.test(path)
      if (!match && (parent === undefined || parent.length === 0)) {
        match = parentPrefixes(path).some((dir) => p.test(dir))
      }
    }
    info[i] = match
    if (match) matched = !p.exclusion
  })
  return { matched, info }
}

/** matchesUsingParentResults(…).matched without the per-pattern list: for files (no children). */
export function matchedUsingParentResults(
  pm: PatternMatcher,
  path: string,
  parent: MatchInfo
): boolean {
  const withParent = parent !== undefined && parent.length > 0
  let matched = false
  const patterns = pm.patterns
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i]!
    let match = withParent ? parent[i]! : false
    if (!match) {
      if (p.exclusion !== matched) continue
      match = p.test(path) || (!withParent && parentPrefixes(path).some((dir) => p.test(dir)))
    }
    if (match) matched = !p.exclusion
  }
  return matched
}

/** "a/b/c" → ["a", "a/b"]: the parent directories, shortest first. */
function parentPrefixes(path: string): string[] {
  const out: string[] = []
  let i = path.indexOf('/')
  while (i > 0) {
    out.push(path.slice(0, i))
    i = path.indexOf('/', i + 1)
  }
  return out
}

// Characters Go's compile escapes because they are regexp syntax but have no
// meaning in a glob (patternmatcher's shouldEscape).
const GO_ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$'])

/** Builds the matcher for one cleaned pattern, as patternmatcher's compile with separator "/". */
export function compilePattern(cleaned: string, exclusion = false): Pattern {
  let re = '^'
  let kind: MatchKind = 'exact'
  const chars = Array.from(cleaned)
  for (let idx = 0, i = 0; idx < chars.length; i++) {
    const ch = chars[idx++]!
    if (ch === '*') {
      if (chars[idx] === '*') {
        idx++
        if (chars[idx] === '/') idx++
        if (idx >= chars.length) {
          // "**" at the end accepts everything below, as in .gitignore.
          if (kind === 'exact') kind = 'prefix'
          else {
            re += '.*'
            kind = 'regexp'
          }
        } else {
          re += '(.*/)?'
          kind = 'regexp'
        }
        if (i === 0) kind = 'suffix'
      } else {
        re += '[^/]*'
        kind = 'regexp'
      }
    } else if (ch === '?') {
      re += '[^/]'
      kind = 'regexp'
    } else if (GO_ESCAPED.has(ch)) {
      re += '\\' + ch
    } else if (ch === '\\') {
      if (idx < chars.length) {
        re += '\\' + chars[idx++]!
        kind = 'regexp'
      } else {
        re += '\\\\'
      }
    } else if (ch === '[' || ch === ']') {
      re += ch
      kind = 'regexp'
    } else {
      re += ch
    }
  }
  const pattern: Pattern = { cleaned, exclusion, kind, goRegexp: '', test: () => false }
  switch (kind) {
    case 'exact':
      pattern.test = (path) => path === cleaned
      break
    case 'prefix': {
      const prefix = cleaned.slice(0, -2)
      pattern.test = (path) => path.startsWith(prefix)
      break
    }
    case 'suffix': {
      const suffix = cleaned.slice(2)
      const bare = suffix.startsWith('/') ? suffix.slice(1) : undefined
      pattern.test = (path) => path.endsWith(suffix) || path === bare
      break
    }
    case 'regexp': {
      pattern.goRegexp = re + '$'
      const js = goRegexpToJs(pattern.goRegexp, cleaned)
      // A match must end with the pattern's trailing literal text ("**/*.log" → ".log");
      // checking that first spares the expression for most paths.
      const tail = /[^*?[\]\\]*$/.exec(cleaned)![0]
      pattern.test =
        tail === '' ? (path) => js.test(path) : (path) => path.endsWith(tail) && js.test(path)
      break
    }
  }
  return pattern
}

/**
 * Go's filepath.Match syntax check (patternmatcher calls Match(pattern, ".")
 * only for its error). A pattern is bad when a `\` ends a chunk or a bracket
 * expression is empty, unterminated, starts a range with `-` or `]`, or has a
 * dangling `-`. `^` negates a class; `!` is an ordinary character in Go.
 */
export function globSyntaxValid(pattern: string): boolean {
  let rest = pattern
  while (rest.length > 0) {
    let s = 0
    while (s < rest.length && rest[s] === '*') s++
    rest = rest.slice(s)
    let inRange = false
    let j = 0
    for (; j < rest.length; j++) {
      const c = rest[j]
      if (c === '\\') {
        if (j + 1 < rest.length) j++
      } else if (c === '[') inRange = true
      else if (c === ']') inRange = false
      else if (c === '*' && !inRange) break
    }
    if (!chunkSyntaxValid(rest.slice(0, j))) return false
    rest = rest.slice(j)
  }
  return true
}

function chunkSyntaxValid(chunk: string): boolean {
  let k = 0
  while (k < chunk.length) {
    const c = chunk[k]
    if (c === '[') {
      k++
      if (chunk[k] === '^') k++
      let ranges = 0
      for (;;) {
        if (k < chunk.length && chunk[k] === ']' && ranges > 0) {
          k++
          break
        }
        let next = classChar(chunk, k)
        if (next === undefined) return false
        k = next
        if (chunk[k] === '-') {
          next = classChar(chunk, k + 1)
          if (next === undefined) return false
          k = next
        }
        ranges++
      }
    } else if (c === '\\') {
      k++
      if (k >= chunk.length) return false
      k++
    } else {
      k++
    }
  }
  return true
}

/** filepath's getEsc: one (possibly escaped) class character; undefined on a syntax error. */
function classChar(chunk: string, k: number): number | undefined {
  if (k >= chunk.length || chunk[k] === '-' || chunk[k] === ']') return undefined
  if (chunk[k] === '\\') {
    k++
    if (k >= chunk.length) return undefined
  }
  k += chunk.codePointAt(k)! > 0xffff ? 2 : 1
  return k >= chunk.length ? undefined : k
}

/**
 * Translates the RE2 expression patternmatcher builds into a JavaScript RegExp
 * with the same meaning, reading it the way Go's regexp parser does. Escapes of
 * letters and digits (`\d`, `\w`, `\n`, …) are refused: RE2 gives them meanings
 * no glob user intends, and refusing is safer than guessing (spec §4.3).
 */
function goRegexpToJs(goRe: string, cleaned: string): RegExp {
  const cps = Array.from(goRe)
  let out = ''
  let inClass = false
  let classStart = false
  const lit = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!
    if (c === '\\') {
      const n = cps[++i]
      if (n === undefined) throw new PatternError(`pattern "${cleaned}" ends with a lone backslash`)
      if (/[A-Za-z0-9]/.test(n)) {
        throw new PatternError(
          `pattern "${cleaned}" uses the escape \\${n}, which BuildKit reads as a regular-expression escape; it is not supported`
        )
      }
      out += lit(n)
      classStart = false
      continue
    }
    if (inClass) {
      if (classStart && c === '^') {
        out += '^'
        continue
      }
      if (c === ']' && !classStart) {
        out += ']'
        inClass = false
        continue
      }
      if (c === '[' && cps[i + 1] === ':') {
        throw new PatternError(
          `pattern "${cleaned}" uses a POSIX character class, which is not supported`
        )
      }
      out += c === '-' ? '-' : lit(c)
      classStart = false
      continue
    }
    switch (c) {
      case '[':
        out += '['
        inClass = true
        classStart = true
        break
      case '(':
        out += '(?:'
        break
      case ')':
      case '?':
      case '*':
      case '^':
      case '$':
        out += c
        break
      case '.':
        // RE2's dot excludes only \n (JavaScript's also excludes \r, U+2028, U+2029).
        out += '[^\\n]'
        break
      default:
        out += lit(c)
    }
  }
  try {
    return new RegExp(out, 'u')
  } catch {
    throw new PatternError(
      `pattern "${cleaned}" is not a valid expression (for example a reversed range like [z-a])`
    )
  }
}
