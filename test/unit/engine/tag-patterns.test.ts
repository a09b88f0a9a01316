import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { compileGlob, compileTagPatterns } from '../../../src/engine/tag-patterns.js'

// [pattern, text, expected]: expected values were generated once with Python 3.11's
// fnmatch.fnmatchcase and pinned here, so the matcher is held to CPython's semantics.
const FNMATCHCASE: Array<[string, string, boolean]> = [
  ['*', '', true],
  ['*', 'a', true],
  ['*', 'v1.0', true],
  ['*', 'a/b', true],
  ['v2.5*', 'v2.5', true],
  ['v2.5*', 'v2.5.1', true],
  ['v2.5*', 'v2.50', true],
  ['v2.5*', 'V2.5.1', false],
  ['v2.5*', 'v2.4.9', false],
  ['v2.5*', 'xv2.5', false],
  ['*-rc*', 'v1.0-rc1', true],
  ['*-rc*', 'v1.0-rc', true],
  ['*-rc*', 'v1.0', false],
  ['*-rc*', 'rc1', false],
  ['*-rc*', '-rc', true],
  ['?', '', false],
  ['?', 'a', true],
  ['?', 'ab', false],
  ['?', '/', true],
  ['v?.?', 'v1.2', true],
  ['v?.?', 'v12.2', false],
  ['v?.?', 'v1.', false],
  ['v?.?', 'v1.x', true],
  ['[abc]', 'a', true],
  ['[abc]', 'b', true],
  ['[abc]', 'd', false],
  ['[abc]', '', false],
  ['[abc]', 'ab', false],
  ['[abc]', 'A', false],
  ['[!abc]', 'a', false],
  ['[!abc]', 'd', true],
  ['[!abc]', '', false],
  ['[!abc]', '!', true],
  ['[a-c]x', 'ax', true],
  ['[a-c]x', 'bx', true],
  ['[a-c]x', 'cx', true],
  ['[a-c]x', 'dx', false],
  ['[a-c]x', '-x', false],
  ['[!a-c]x', 'ax', false],
  ['[!a-c]x', 'dx', true],
  ['[!a-c]x', '-x', true],
  ['[]]', ']', true],
  ['[]]', '[]]', false],
  ['[]]', 'a', false],
  ['[!]]', ']', false],
  ['[!]]', 'a', true],
  ['[]a]', ']', true],
  ['[]a]', 'a', true],
  ['[]a]', 'b', false],
  ['[', '[', true],
  ['[', '', false],
  ['[', 'a', false],
  ['a[b', 'a[b', true],
  ['a[b', 'ab', false],
  ['[!]', '[!]', true],
  ['[!]', '!', false],
  ['[!]', 'a', false],
  ['[z-a]', 'z', false],
  ['[z-a]', 'a', false],
  ['[z-a]', 'm', false],
  ['[z-a]', '-', false],
  ['[!z-a]', 'z', true],
  ['[!z-a]', 'a', true],
  ['[!z-a]', '-', true],
  ['[!z-a]', '!', true],
  ['[a-]', 'a', true],
  ['[a-]', '-', true],
  ['[a-]', 'b', false],
  ['[-a]', '-', true],
  ['[-a]', 'a', true],
  ['[-a]', 'b', false],
  ['[!-a]', '-', false],
  ['[!-a]', 'a', false],
  ['[!-a]', 'b', true],
  ['[c-b-a]', 'c', false],
  ['[c-b-a]', 'b', false],
  ['[c-b-a]', 'a', true],
  ['[c-b-a]', '-', true],
  ['[a-c-e]', 'b', true],
  ['[a-c-e]', 'd', false],
  ['[a-c-e]', '-', true],
  ['[a-c-e]', 'e', true],
  ['*.*', 'a.b', true],
  ['*.*', 'ab', false],
  ['*.*', '.', true],
  ['*.*', 'v1.2.3', true],
  ['**', '', true],
  ['**', 'abc', true],
  ['a*b*c', 'abc', true],
  ['a*b*c', 'aXbYc', true],
  ['a*b*c', 'acb', false],
  ['a*b*c', 'abcbc', true],
  ['a*b*c', 'ab', false],
  ['*a*a*a', 'aaa', true],
  ['*a*a*a', 'aa', false],
  ['*a*a*a', 'xaxaxa', true],
  ['*a*a*a', 'aaaa', true],
  ['{a,b}', 'a', false],
  ['{a,b}', '{a,b}', true],
  ['\\*', '\\x', true],
  ['\\*', '*', false],
  ['\\*', '\\*', true],
  ['[\\]]', '\\]', true],
  ['[\\]]', ']', false],
  ['[\\]]', '\\', false],
  ['[^a]', '^', true],
  ['[^a]', 'a', true],
  ['[^a]', 'b', false],
  ['latest', 'latest', true],
  ['latest', 'Latest', false],
  ['latest', 'latest2', false],
  ['*-stable', '1.0-stable', true],
  ['*-stable', 'stable', false],
  ['*-stable', '-stable', true],
  ['*-stable', '1.0-stable-2', false],
  ['[0-9]*', '1.0', true],
  ['[0-9]*', 'v1', false],
  ['[0-9]*', '', false],
  ['[[]', '[', true],
  ['[[]', 'a', false],
  ['[a-z0-9_]', '_', true],
  ['[a-z0-9_]', 'Z', false],
  ['[a-z0-9_]', '5', true],
  ['sha256-*', 'sha256-abc', true],
  ['sha256-*', 'sha256:abc', false],
  ['*[', 'a[', true],
  ['*[', '[', true],
  ['[a-a]', 'a', true],
  ['[a-a]', 'b', false],
  ['a*', 'a\nb', true],
  ['?', '\u00e9', true],
  ['?', '\ud83d\ude00', true],
  ['[!a]', '\ud83d\ude00', true]
]

for (const [pattern, text, expected] of FNMATCHCASE) {
  test(`fnmatchcase(${JSON.stringify(text)}, ${JSON.stringify(pattern)}) is ${expected}`, () => {
    assert.equal(compileGlob(pattern)(text), expected)
  })
}

const SELECTION: Array<{ name: string; patterns: string[] | string; yes: string[]; no: string[] }> =
  [
    {
      name: 'includes with an exclude',
      patterns: ['v2.5*', '!*-rc*'],
      yes: ['v2.5', 'v2.5.1', 'v2.50'],
      no: ['v2.5.1-rc1', 'v2.4', 'latest']
    },
    {
      name: 'comma-separated string with spaces is the same list',
      patterns: ' v2.5* , !*-rc* ',
      yes: ['v2.5.1'],
      no: ['v2.5.0-rc2', 'v3.0']
    },
    {
      name: 'only excludes keep everything else',
      patterns: ['!latest', '!*-dev'],
      yes: ['v1', 'stable'],
      no: ['latest', 'x-dev']
    },
    { name: 'exclude wins over include', patterns: ['*', '!v1'], yes: ['v2'], no: ['v1'] },
    {
      name: 'any include is enough',
      patterns: 'latest,stable,v[0-9]*',
      yes: ['latest', 'stable', 'v9'],
      no: ['vx', 'Latest']
    },
    { name: 'no brace expansion', patterns: ['{a,b}'], yes: ['{a,b}'], no: ['a', 'b'] }
  ]

for (const tc of SELECTION) {
  test(`selection: ${tc.name}`, () => {
    const filter = compileTagPatterns(tc.patterns)
    for (const tag of tc.yes) assert.equal(filter.matches(tag), true, `${tag} should be selected`)
    for (const tag of tc.no)
      assert.equal(filter.matches(tag), false, `${tag} should not be selected`)
  })
}

test('a comma-separated string splits into trimmed patterns', () => {
  assert.deepEqual(compileTagPatterns(' a* ,!b ').patterns, ['a*', '!b'])
})

const EXPLAIN: Array<[string[] | string, string, string]> = [
  [['v2.5*', '!*-rc*'], 'v2.5.1', '"v2.5.1" selected by "v2.5*"'],
  [['v2.5*', '!*-rc*'], 'v2.5.1-rc1', '"v2.5.1-rc1" excluded by "!*-rc*"'],
  [['v2.5*', 'v2.6*'], 'v3', '"v3" not selected: matches none of "v2.5*", "v2.6*"'],
  [['!latest'], 'v1', '"v1" selected: no include patterns and no exclude matches']
]

for (const [patterns, tag, expected] of EXPLAIN) {
  test(`explain ${tag} against ${JSON.stringify(patterns)}`, () => {
    assert.equal(compileTagPatterns(patterns).explain(tag), expected)
  })
}

const BAD: Array<[string[] | string, RegExp]> = [
  [[], /needs at least one pattern/],
  ['', /pattern 1 is empty/],
  ['a,,b', /pattern 2 is empty/],
  [['a', ' '], /pattern 2 is empty/],
  [['!'], /pattern 1 is "!" with nothing to exclude/],
  ['v1, !', /pattern 2 is "!"/]
]

for (const [patterns, message] of BAD) {
  test(`rejects ${JSON.stringify(patterns)}`, () => {
    assert.throws(
      () => compileTagPatterns(patterns),
      (e: unknown) => e instanceof UserError && message.test(e.message)
    )
  })
}

test('many stars on a long tag stay fast', () => {
  const started = Date.now()
  assert.equal(compileGlob('*a*a*a*a*a*a*a*a*b')('a'.repeat(120)), false)
  assert.ok(Date.now() - started < 500)
})
