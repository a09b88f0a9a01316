import { UserError } from '../errors.js'

/** A compiled tag selection: include globs and `!`-prefixed exclude globs. */
export interface TagFilter {
  /** The patterns as written, after splitting and trimming. */
  readonly patterns: readonly string[]
  /** True when the tag matches at least one include (or there are none) and no exclude. */
  matches(tag: string): boolean
  /** One line saying why the tag is selected or not, for --dry-run output. */
  explain(tag: string): string
}

// One token consumes exactly one character, except STAR which consumes any run.
type Token = { kind: 'star' } | { kind: 'char'; test: (c: string) => boolean }

/**
 * Compiles one glob with the exact semantics of Python's `fnmatch.fnmatchcase`
 * (the translation in CPython's `fnmatch.translate`): `*` matches any run
 * including `/` and nothing, `?` one character, `[seq]` / `[!seq]` a set with
 * ranges, `]` first in a set is literal, an unclosed `[` is a literal `[`,
 * reversed ranges like `[z-a]` are empty, matching is case-sensitive and there
 * is no brace expansion and no escape character.
 */
export function compileGlob(pattern: string): (text: string) => boolean {
  const tokens = tokenize([...pattern])
  return (text) => matchTokens(tokens, [...text])
}

function tokenize(pat: string[]): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < pat.length) {
    const c = pat[i++] as string
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' })
    } else if (c === '?') {
      tokens.push({ kind: 'char', test: () => true })
    } else if (c === '[') {
      let j = i
      if (pat[j] === '!') j++
      if (pat[j] === ']') j++
      while (j < pat.length && pat[j] !== ']') j++
      if (j >= pat.length) {
        tokens.push(literal('['))
      } else {
        tokens.push({ kind: 'char', test: setTest(pat, i, j) })
        i = j + 1
      }
    } else {
      tokens.push(literal(c))
    }
  }
  return tokens
}

function literal(c: string): Token {
  return { kind: 'char', test: (x) => x === c }
}

/** The set between `[` at i-1 and `]` at j, split into chunks exactly as CPython does. */
function setTest(pat: string[], start: number, j: number): (c: string) => boolean {
  let i = start
  const chunks: string[][] = []
  let k = pat[i] === '!' ? i + 2 : i + 1
  for (;;) {
    k = indexOf(pat, '-', k, j)
    if (k < 0) break
    chunks.push(pat.slice(i, k))
    i = k + 1
    k = k + 3
  }
  const chunk = pat.slice(i, j)
  if (chunk.length > 0) chunks.push(chunk)
  else chunks.at(-1)?.push('-')
  // Remove empty (reversed) ranges, as CPython does before building the regex.
  for (let n = chunks.length - 1; n > 0; n--) {
    const before = chunks[n - 1] as string[]
    const after = chunks[n] as string[]
    if ((before.at(-1) as string) > (after[0] as string)) {
      chunks[n - 1] = [...before.slice(0, -1), ...after.slice(1)]
      chunks.splice(n, 1)
    }
  }
  const flat = chunks.flat()
  if (flat.length === 0) return () => false
  if (flat.length === 1 && flat[0] === '!' && chunks.length === 1) return () => true
  const negate = flat[0] === '!'
  if (negate) (chunks[0] as string[]).shift()
  const singles = new Set<string>()
  const ranges: Array<[string, string]> = []
  chunks.forEach((ch, n) => {
    // The last char of one chunk and the first of the next bound a range.
    const from = n === 0 ? 0 : 1
    const to = n === chunks.length - 1 ? ch.length : ch.length - 1
    for (let m = from; m < to; m++) singles.add(ch[m] as string)
    if (n > 0) ranges.push([(chunks[n - 1] as string[]).at(-1) as string, ch[0] as string])
  })
  const inSet = (c: string) =>
    singles.has(c) || ranges.some(([lo, hi]) => compare(lo, c) <= 0 && compare(c, hi) <= 0)
  return negate ? (c) => !inSet(c) : inSet
}

function compare(a: string, b: string): number {
  return (a.codePointAt(0) as number) - (b.codePointAt(0) as number)
}

function indexOf(pat: string[], c: string, from: number, to: number): number {
  for (let n = from; n < to; n++) if (pat[n] === c) return n
  return -1
}

/** Wildcard match with backtracking to the last star: O(n·m), no regex blow-up. */
function matchTokens(tokens: Token[], text: string[]): boolean {
  let t = 0
  let s = 0
  let starAt = -1
  let starText = 0
  while (s < text.length) {
    const token = tokens[t]
    if (token?.kind === 'char' && token.test(text[s] as string)) {
      t++
      s++
    } else if (token?.kind === 'star') {
      starAt = t++
      starText = s
    } else if (starAt >= 0) {
      t = starAt + 1
      s = ++starText
    } else {
      return false
    }
  }
  while (tokens[t]?.kind === 'star') t++
  return t === tokens.length
}

/** Splits a comma-separated pattern string or a list into trimmed patterns. */
export function splitTagPatterns(patterns: readonly string[] | string): string[] {
  const list = typeof patterns === 'string' ? patterns.split(',') : patterns
  return list.map((p) => p.trim())
}

/** Explains what is wrong with a pattern list, or returns undefined when it compiles. */
export function tagPatternsProblem(patterns: readonly string[] | string): string | undefined {
  const list = splitTagPatterns(patterns)
  if (list.length === 0) return 'needs at least one pattern'
  for (const [n, p] of list.entries()) {
    if (p === '') return `pattern ${n + 1} is empty`
    if (p === '!') return `pattern ${n + 1} is "!" with nothing to exclude`
  }
  return undefined
}

/**
 * Compiles tag patterns such as `["v2.5*", "!*-rc*"]` or `"v2.5*,!*-rc*"`.
 * A tag is selected when it matches at least one include and no exclude; with
 * only excludes, every other tag is selected. Throws a UserError on an empty
 * pattern or a bare `!`.
 */
export function compileTagPatterns(patterns: readonly string[] | string): TagFilter {
  const problem = tagPatternsProblem(patterns)
  if (problem !== undefined) {
    throw new UserError(`tag patterns ${JSON.stringify(patterns)}: ${problem}`)
  }
  const list = splitTagPatterns(patterns)
  const compiled = list.map((p) => {
    const exclude = p.startsWith('!')
    return { text: p, exclude, test: compileGlob(exclude ? p.slice(1) : p) }
  })
  const includes = compiled.filter((p) => !p.exclude)
  const excludes = compiled.filter((p) => p.exclude)
  const decide = (tag: string) => ({
    include: includes.length === 0 ? null : includes.find((p) => p.test(tag)),
    exclude: excludes.find((p) => p.test(tag))
  })
  return {
    patterns: list,
    matches(tag) {
      const d = decide(tag)
      return d.include !== undefined && d.exclude === undefined
    },
    explain(tag) {
      const d = decide(tag)
      const q = JSON.stringify(tag)
      if (d.exclude !== undefined) return `${q} excluded by "${d.exclude.text}"`
      if (d.include === null) return `${q} selected: no include patterns and no exclude matches`
      if (d.include === undefined) {
        return `${q} not selected: matches none of ${includes.map((p) => `"${p.text}"`).join(', ')}`
      }
      return `${q} selected by "${d.include.text}"`
    }
  }
}
