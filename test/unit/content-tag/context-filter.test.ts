// The context filter decides files directly inside a directory from a rule
// prepared once per directory. It must answer exactly what patternmatcher's
// MatchesUsingParentResults answers with the directory's results, for every
// pattern kind: compared here on seeded random pattern sets and paths.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { seededRandom } from '../../helpers/random.js'
import { ContextFilter } from '../../../src/engine/content-tag/context-filter.js'
import {
  matchedUsingParentResults,
  matchesUsingParentResults,
  newPatternMatcher,
  type MatchInfo,
  type PatternMatcher
} from '../../../src/engine/content-tag/pattern-matcher.js'

const PATTERNS = [
  '.git', 'build', 'build/**', '!build/keep', '**/*.tmp', '*.md', 'docs', '!docs/README.md',
  'a/b', 'a/**/c', 'a/b*', 'x?', '**/node_modules', '!**/keep.tmp', 'src/**', '!src/gen/**',
  'a/b/c/d', 'foo**', 'a/b/**', '[ab]/c', 'src/gen/x1', '!a', 'a/b/c/**', 'docs/*'
]
const SEGMENTS = [
  'a', 'b', 'c', 'd', 'build', 'docs', 'src', 'gen', 'keep', 'x1', 'README.md', 'f.tmp',
  'keep.tmp', 'node_modules', 'foo', 'foobar'
]


/** The directory's per-pattern results, as fsutil's walk hands them down. */
function dirInfo(matcher: PatternMatcher, dir: string): MatchInfo {
  let info: MatchInfo
  let at = 0
  for (;;) {
    const slash = dir.indexOf('/', at)
    const prefix = slash < 0 ? dir : dir.slice(0, slash)
    info = matchesUsingParentResults(matcher, prefix, info).info
    if (slash < 0) return info
    at = slash + 1
  }
}

/** The answer without per-directory rules: the pattern matcher alone. */
function reference(filter: ContextFilter, matcher: PatternMatcher, path: string): boolean {
  const slash = path.lastIndexOf('/')
  if (slash < 0) return !matchedUsingParentResults(matcher, path, undefined)
  const dir = path.slice(0, slash)
  if (filter.prunes(dir)) return false
  return !matchedUsingParentResults(matcher, path, dirInfo(matcher, dir))
}

describe('context filter', () => {
  for (let seed = 1; seed <= 40; seed++) {
    test(`agrees with the pattern matcher on random patterns and paths (seed ${seed})`, () => {
      const next = seededRandom(seed)
      const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!
      const lines = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(PATTERNS))
      const matcher = newPatternMatcher(lines)
      const filter = new ContextFilter(matcher)
      const paths = Array.from({ length: 400 }, () =>
        Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(SEGMENTS)).join('/')
      )
      // Sorted, as listings arrive, and shuffled, so the per-directory cache is hit both ways.
      for (const path of [...[...paths].sort(), ...paths]) {
        assert.equal(
          filter.includesFile(path),
          reference(filter, matcher, path),
          `${JSON.stringify(lines)}: ${path}`
        )
      }
    })
  }
})
