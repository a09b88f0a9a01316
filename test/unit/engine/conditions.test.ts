import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { evaluateWhen, needsLabels, parseWhen } from '../../../src/engine/conditions.js'

const LICENSES = 'org.opencontainers.image.licenses'

const CASES: Array<{
  name: string
  when: unknown
  tag: string
  labels?: Record<string, string>
  matched: boolean
  reasons?: string[]
}> = [
  {
    name: 'equals',
    when: { tag: { equals: 'latest' } },
    tag: 'latest',
    matched: true,
    reasons: ['tag "latest" equals "latest"']
  },
  {
    name: 'equals is case-sensitive',
    when: { tag: { equals: 'latest' } },
    tag: 'Latest',
    matched: false,
    reasons: ['tag "Latest" does not equal "latest"']
  },
  { name: 'starts-with', when: { tag: { 'starts-with': 'v' } }, tag: 'v1', matched: true },
  {
    name: 'starts-with fails',
    when: { tag: { 'starts-with': 'v' } },
    tag: '1.0',
    matched: false,
    reasons: ['tag "1.0" does not start with "v"']
  },
  {
    name: 'ends-with',
    when: { tag: { 'ends-with': '-stable' } },
    tag: '1.2-stable',
    matched: true,
    reasons: ['tag "1.2-stable" ends with "-stable"']
  },
  { name: 'contains', when: { tag: { contains: 'rc' } }, tag: '1.0-rc1', matched: true },
  {
    name: 'one-of',
    when: { tag: { 'one-of': ['a', 'b'] } },
    tag: 'b',
    matched: true,
    reasons: ['tag "b" is one of "a", "b"']
  },
  {
    name: 'one-of fails',
    when: { tag: { 'one-of': ['a', 'b'] } },
    tag: 'c',
    matched: false,
    reasons: ['tag "c" is not one of "a", "b"']
  },
  {
    name: 'not-one-of',
    when: { tag: { 'not-one-of': ['latest'] } },
    tag: 'v1',
    matched: true,
    reasons: ['tag "v1" is none of "latest"']
  },
  {
    name: 'not-one-of fails',
    when: { tag: { 'not-one-of': ['latest'] } },
    tag: 'latest',
    matched: false,
    reasons: ['tag "latest" is one of "latest"']
  },
  {
    name: 'matches (fnmatch with exclude)',
    when: { tag: { matches: ['v*', '!*-rc*'] } },
    tag: 'v2-rc1',
    matched: false,
    reasons: ['tag "v2-rc1" excluded by "!*-rc*"']
  },
  {
    name: 'two operators in one block must both hold',
    when: { tag: { 'starts-with': 'v', 'ends-with': '-stable' } },
    tag: 'v1',
    matched: false
  },
  {
    name: 'two operators in one block, both hold',
    when: { tag: { 'starts-with': 'v', 'ends-with': '-stable' } },
    tag: 'v1-stable',
    matched: true
  },
  {
    name: 'any',
    when: { tag: { any: [{ equals: 'latest' }, { 'starts-with': 'release-' }] } },
    tag: 'release-3',
    matched: true
  },
  {
    name: 'all nested in any',
    when: {
      any: [
        { tag: { all: [{ 'starts-with': 'v' }, { contains: '.' }] } },
        { tag: { equals: 'edge' } }
      ]
    },
    tag: 'v1.0',
    matched: true
  },
  {
    name: 'not',
    when: { tag: { not: { 'ends-with': '-dev' } } },
    tag: 'v1-dev',
    matched: false,
    reasons: ['tag "v1-dev" ends with "-dev"', 'not: matched, so no']
  },
  {
    name: 'not at block level',
    when: { not: { tag: { equals: 'latest' } } },
    tag: 'v1',
    matched: true
  },
  {
    name: 'label one-of',
    when: { labels: { [LICENSES]: { 'one-of': ['MIT', 'Apache-2.0'] } } },
    tag: 'v1',
    labels: { [LICENSES]: 'MIT' },
    matched: true,
    reasons: [`label ${LICENSES} "MIT" is one of "MIT", "Apache-2.0"`]
  },
  {
    name: 'missing label never matches a positive operator',
    when: { labels: { team: { 'starts-with': '' } } },
    tag: 'v1',
    labels: {},
    matched: false,
    reasons: ['label team is not set, so it does not start with ""']
  },
  {
    name: 'missing label satisfies not-one-of',
    when: { labels: { team: { 'not-one-of': ['legacy'] } } },
    tag: 'v1',
    labels: {},
    matched: true,
    reasons: ['label team is not set, so it is none of "legacy"']
  },
  {
    name: 'missing label under not',
    when: { labels: { team: { not: { equals: 'x' } } } },
    tag: 'v1',
    matched: true
  },
  {
    name: 'missing label with matches',
    when: { labels: { team: { matches: '*' } } },
    tag: 'v1',
    matched: false,
    reasons: ['label team is not set, so it does not match *']
  },
  {
    name: 'tag and labels together must both hold',
    when: { tag: { equals: 'v1' }, labels: { team: { equals: 'web' } } },
    tag: 'v1',
    labels: { team: 'api' },
    matched: false,
    reasons: ['tag "v1" equals "v1"', 'label team "api" does not equal "web"']
  }
]

for (const tc of CASES) {
  test(`when: ${tc.name}`, () => {
    const decision = evaluateWhen(parseWhen(tc.when), {
      tag: tc.tag,
      ...(tc.labels === undefined ? {} : { labels: tc.labels })
    })
    assert.equal(decision.matched, tc.matched, decision.reasons.join('; '))
    if (tc.reasons !== undefined) assert.deepEqual(decision.reasons, tc.reasons)
  })
}

test('needsLabels tells when the image config must be fetched', () => {
  assert.equal(needsLabels(parseWhen({ tag: { equals: 'x' } })), false)
  assert.equal(
    needsLabels(
      parseWhen({ any: [{ tag: { equals: 'x' } }, { not: { labels: { a: { equals: 'b' } } } }] })
    ),
    true
  )
})

const BAD: Array<[unknown, string]> = [
  [{}, 'when: has no conditions'],
  [{ tag: {} }, 'when.tag: has no conditions'],
  [
    { tag: { 'end-with': 'x' } },
    'when.tag.end-with: unknown operator; use equals, starts-with, ends-with, contains, one-of, not-one-of, matches, all, any, not'
  ],
  [{ branch: { equals: 'x' } }, 'when.branch: unknown condition; use tag, labels, all, any or not'],
  [{ tag: { equals: 1 } }, 'when.tag.equals: expected a string'],
  [{ tag: { 'one-of': 'a' } }, 'when.tag.one-of: expected a list of strings'],
  [{ any: [] }, 'when.any: expected a non-empty list'],
  [{ tag: { matches: '!' } }, 'tag patterns "!": pattern 1 is "!" with nothing to exclude']
]

for (const [when, message] of BAD) {
  test(`parseWhen rejects ${JSON.stringify(when)}`, () => {
    assert.throws(
      () => parseWhen(when),
      (e: unknown) => e instanceof UserError && e.message === message
    )
  })
}
