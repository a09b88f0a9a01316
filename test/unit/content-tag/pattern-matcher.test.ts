// The .dockerignore pattern language, checked against the test table of
// moby/patternmatcher (patternmatcher_test.go), ported as data.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { goCleanPath } from '../../../src/engine/content-tag/go-text.js'
import {
  compilePattern,
  matchesExact,
  matchesOrParentMatches,
  matchesUsingParentResults,
  newPatternMatcher,
  PatternError,
  type MatchInfo,
  type PatternMatcher
} from '../../../src/engine/content-tag/pattern-matcher.js'

type Pass = 'fail' | 'exact' | 'inexact'

// TestMatches: single patterns. "exact" matches the path itself, "inexact"
// only through a parent directory.
const single: Array<[pattern: string, text: string, pass: Pass]> = [
  ['**', 'file', 'exact'],
  ['**', 'file/', 'exact'],
  ['**/', 'file', 'exact'],
  ['**/', 'file/', 'exact'],
  ['**', '/', 'exact'],
  ['**/', '/', 'exact'],
  ['**', 'dir/file', 'exact'],
  ['**/', 'dir/file', 'exact'],
  ['**', 'dir/file/', 'exact'],
  ['**/', 'dir/file/', 'exact'],
  ['**/**', 'dir/file', 'exact'],
  ['**/**', 'dir/file/', 'exact'],
  ['dir/**', 'dir/file', 'exact'],
  ['dir/**', 'dir/file/', 'exact'],
  ['dir/**', 'dir/dir2/file', 'exact'],
  ['dir/**', 'dir/dir2/file/', 'exact'],
  ['**/dir', 'dir', 'exact'],
  ['**/dir', 'dir/file', 'inexact'],
  ['**/dir2/*', 'dir/dir2/file', 'exact'],
  ['**/dir2/*', 'dir/dir2/file/', 'inexact'],
  ['**/dir2/**', 'dir/dir2/dir3/file', 'exact'],
  ['**/dir2/**', 'dir/dir2/dir3/file/', 'exact'],
  ['**file', 'file', 'exact'],
  ['**file', 'dir/file', 'exact'],
  ['**/file', 'dir/file', 'exact'],
  ['**file', 'dir/dir/file', 'exact'],
  ['**/file', 'dir/dir/file', 'exact'],
  ['**/file*', 'dir/dir/file', 'exact'],
  ['**/file*', 'dir/dir/file.txt', 'exact'],
  ['**/file*txt', 'dir/dir/file.txt', 'exact'],
  ['**/file*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/file*.txt*', 'dir/dir/file.txt', 'exact'],
  ['**/**/*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/**/*.txt2', 'dir/dir/file.txt', 'fail'],
  ['**/*.txt', 'file.txt', 'exact'],
  ['**/**/*.txt', 'file.txt', 'exact'],
  ['a**/*.txt', 'a/file.txt', 'exact'],
  ['a**/*.txt', 'a/dir/file.txt', 'exact'],
  ['a**/*.txt', 'a/dir/dir/file.txt', 'exact'],
  ['a/*.txt', 'a/dir/file.txt', 'fail'],
  ['a/*.txt', 'a/file.txt', 'exact'],
  ['a/*.txt**', 'a/file.txt', 'exact'],
  ['a[b-d]e', 'ae', 'fail'],
  ['a[b-d]e', 'ace', 'exact'],
  ['a[b-d]e', 'aae', 'fail'],
  ['a[^b-d]e', 'aze', 'exact'],
  ['.*', '.foo', 'exact'],
  ['.*', 'foo', 'fail'],
  ['abc.def', 'abcdef', 'fail'],
  ['abc.def', 'abc.def', 'exact'],
  ['abc.def', 'abcZdef', 'fail'],
  ['abc?def', 'abcZdef', 'exact'],
  ['abc?def', 'abcdef', 'fail'],
  ['**/foo/bar', 'foo/bar', 'exact'],
  ['**/foo/bar', 'dir/foo/bar', 'exact'],
  ['**/foo/bar', 'dir/dir2/foo/bar', 'exact'],
  ['abc/**', 'abc', 'fail'],
  ['abc/**', 'abc/def', 'exact'],
  ['abc/**', 'abc/def/ghi', 'exact'],
  ['**/.foo', '.foo', 'exact'],
  ['**/.foo', 'bar.foo', 'fail'],
  ['a(b)c/def', 'a(b)c/def', 'exact'],
  ['a(b)c/def', 'a(b)c/xyz', 'fail'],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', 'exact'],
  [
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    'exact'
  ],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact'],
  // Unix-only rows of the Go table.
  ['a\\\\', 'a\\', 'exact'],
  ['a\\*b', 'a*b', 'exact']
]

const multi: Array<[patterns: string[], text: string, pass: Pass]> = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', 'fail'],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', 'exact'],
  [
    ['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'],
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    'fail'
  ],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'fail']
]

/** Go's filepath.Dir then split, as the Go tests build parent chains. */
function parentChain(text: string): string[] {
  const dir = goCleanPath(text.replace(/\/[^/]*$/, '') || (text.startsWith('/') ? '/' : '.'))
  if (!text.includes('/') || dir === '.') return []
  const parts = dir.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

function usingParents(pm: PatternMatcher, text: string): boolean {
  let info: MatchInfo
  for (const dir of parentChain(text)) info = matchesUsingParentResults(pm, dir, info).info
  return matchesUsingParentResults(pm, text, info).matched
}

describe('patternmatcher table', () => {
  for (const [pattern, text, pass] of single) {
    test(`${JSON.stringify(pattern)} against ${JSON.stringify(text)}: ${pass}`, () => {
      const pm = newPatternMatcher([pattern])
      assert.equal(matchesExact(pm, text), pass === 'exact', 'MatchesExact')
      assert.equal(matchesOrParentMatches(pm, text), pass !== 'fail', 'MatchesOrParentMatches')
      assert.equal(usingParents(pm, text), pass !== 'fail', 'MatchesUsingParentResults')
      assert.equal(
        matchesUsingParentResults(pm, text, undefined).matched,
        pass !== 'fail',
        'no parent context'
      )
    })
  }
  for (const [patterns, text, pass] of multi) {
    test(`${JSON.stringify(patterns)} against ${JSON.stringify(text)}: ${pass}`, () => {
      const pm = newPatternMatcher(patterns)
      assert.equal(matchesOrParentMatches(pm, text), pass !== 'fail')
      assert.equal(usingParents(pm, text), pass !== 'fail')
      assert.equal(matchesUsingParentResults(pm, text, undefined).matched, pass !== 'fail')
    })
  }
})

// Go's filepath.Match table as patternmatcher carries it (TestMatch), run through
// Matches(file, [pattern]); `error` rows must be refused when the ignore file is read.
const filepathMatch: Array<[pattern: string, text: string, match: boolean, error?: true]> = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', true],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', false, true],
  ['[-]', '-', false, true],
  ['[x-]', 'x', false, true],
  ['[x-]', '-', false, true],
  ['[x-]', 'z', false, true],
  ['[-x]', 'x', false, true],
  ['[-x]', '-', false, true],
  ['[-x]', 'a', false, true],
  ['\\', 'a', false, true],
  ['[a-b-c]', 'a', false, true],
  ['[', 'a', false, true],
  ['[^', 'a', false, true],
  ['[^bc', 'a', false, true],
  ['a[', 'a', false, true],
  ['a[', 'ab', false, true],
  ['*x', 'xxx', true]
]

/** patternmatcher.Matches: clean the path, never exclude ".", then match with parents. */
function goMatches(text: string, patterns: string[]): boolean {
  const pm = newPatternMatcher(patterns)
  const file = goCleanPath(text)
  return file === '.' ? false : matchesOrParentMatches(pm, file)
}

describe('filepath.Match table', () => {
  for (const [pattern, text, match, error] of filepathMatch) {
    test(`${JSON.stringify(pattern)} against ${JSON.stringify(text)}`, () => {
      if (error) assert.throws(() => goMatches(text, [pattern]), PatternError)
      else assert.equal(goMatches(text, [pattern]), match)
    })
  }
})

// TestCompile: match kinds, and the regular expression BuildKit builds.
const compiled: Array<[pattern: string, kind: string, regexp: string]> = [
  ['*', 'regexp', '^[^/]*$'],
  ['file*', 'regexp', '^file[^/]*$'],
  ['*file', 'regexp', '^[^/]*file$'],
  ['a*/b', 'regexp', '^a[^/]*/b$'],
  ['**', 'suffix', ''],
  ['**/**', 'regexp', '^(.*/)?.*$'],
  ['dir/**', 'prefix', ''],
  ['**/dir', 'suffix', ''],
  ['**/dir2/*', 'regexp', '^(.*/)?dir2/[^/]*$'],
  ['**/dir2/**', 'regexp', '^(.*/)?dir2/.*$'],
  ['**file', 'suffix', ''],
  ['**/file*txt', 'regexp', '^(.*/)?file[^/]*txt$'],
  ['**/**/*.txt', 'regexp', '^(.*/)?(.*/)?[^/]*\\.txt$'],
  ['a[b-d]e', 'regexp', '^a[b-d]e$'],
  ['.*', 'regexp', '^\\.[^/]*$'],
  ['abc.def', 'exact', ''],
  ['abc?def', 'regexp', '^abc[^/]def$'],
  ['**/foo/bar', 'suffix', ''],
  ['a(b)c/def', 'exact', ''],
  ['a.|)$(}+{bc', 'exact', ''],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact', '']
]

describe('compiled patterns', () => {
  for (const [pattern, kind, regexp] of compiled) {
    test(`${pattern} compiles to ${kind} ${regexp}`, () => {
      const p = compilePattern(goCleanPath(pattern))
      assert.equal(p.kind, kind)
      assert.equal(p.goRegexp, regexp)
    })
  }
})

describe('pattern list', () => {
  test('a lone "!" is refused', () => {
    assert.throws(() => newPatternMatcher(['!']), /illegal exclusion pattern/)
  })
  test('blank patterns are dropped and surrounding spaces trimmed', () => {
    const pm = newPatternMatcher(['docs', 'config', '', '  !docs/README.md  '])
    assert.deepEqual(
      pm.patterns.map((p) => [p.cleaned, p.exclusion]),
      [
        ['docs', false],
        ['config', false],
        ['docs/README.md', true]
      ]
    )
    assert.equal(pm.exclusions, true)
  })
  test('no patterns match nothing', () => {
    assert.equal(goMatches('/any/path/there', []), false)
  })
  test('"." is never excluded', () => {
    assert.equal(goMatches('.', ['*.go']), false)
  })
  test('exceptions after a pattern win, before it they do not', () => {
    assert.equal(goMatches('fileutils.go', ['!fileutils.go', '*.go']), true)
    assert.equal(goMatches('fileutils.go', ['*.go', '!fileutils.go']), false)
  })
  for (const dirPattern of ['docs', 'docs/', 'docs/*']) {
    test(`a folder pattern ${dirPattern} followed by an exception keeps the exception`, () => {
      assert.equal(goMatches('docs/README.md', [dirPattern, '!docs/README.md']), false)
    })
  }
  // BuildKit accepts "[Local-Only]/" when reading and fails the build when it first
  // matches (moby/moby#52203); image-mirror refuses it when reading the file.
  test('a reversed class range is refused', () => {
    assert.throws(() => newPatternMatcher(['[Local-Only]/']), PatternError)
  })
  for (const escape of ['a\\d', 'x\\n', '[\\w]']) {
    test(`the letter escape in ${escape} is refused rather than read as a regular expression`, () => {
      assert.throws(() => newPatternMatcher([escape]), /escape/)
    })
  }
  test('"!" inside brackets is an ordinary character, as in Go', () => {
    const pm = newPatternMatcher(['[!a]x'])
    assert.equal(matchesExact(pm, '!x'), true)
    assert.equal(matchesExact(pm, 'bx'), false)
  })
  test('a ? matches one character, not one UTF-16 unit', () => {
    assert.equal(matchesExact(newPatternMatcher(['a?b']), 'a😀b'), true)
  })
})
