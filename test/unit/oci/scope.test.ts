// Token scopes: building, parsing from both ends (AT-AUTH-4) and merging (R-AUTH-2, AT-AUTH-3).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { mergeScopes, parseScope, repositoryScope } from '../../../src/oci/scope.js'

const BUILD: Array<[string, string[], string]> = [
  ['foo/bar', ['pull', 'push'], 'repository:foo/bar:pull,push'],
  ['library/alpine', ['pull'], 'repository:library/alpine:pull'],
  ['a/b', ['delete'], 'repository:a/b:delete'],
  ['a/b', ['pull', 'pull', 'push'], 'repository:a/b:pull,push']
]

for (const [repository, actions, expected] of BUILD) {
  test(`repositoryScope ${expected}`, () => {
    assert.equal(repositoryScope(repository, actions), expected)
  })
}

// [input, type, name, actions]
const PARSE: Array<[string, string, string, string[]]> = [
  ['repository:foo/bar:pull', 'repository', 'foo/bar', ['pull']],
  // AT-AUTH-4: the port's ':' belongs to the name.
  ['repository:localhost:5000/foo/bar:pull', 'repository', 'localhost:5000/foo/bar', ['pull']],
  ['repository:samalba/my-app:pull,push', 'repository', 'samalba/my-app', ['pull', 'push']],
  ['registry:catalog:*', 'registry', 'catalog', ['*']],
  ['repository(plugin):sample/plugin:pull', 'repository(plugin)', 'sample/plugin', ['pull']],
  ['repository:foo:', 'repository', 'foo', []]
]

for (const [input, type, name, actions] of PARSE) {
  test(`parseScope ${input}`, () => {
    assert.deepEqual(parseScope(input), { type, name, actions })
  })
}

for (const input of ['', 'repository', 'repository:foo', ':foo:pull', 'repository::pull']) {
  test(`parseScope rejects ${JSON.stringify(input)}`, () => {
    assert.throws(
      () => parseScope(input),
      (e: unknown) =>
        e instanceof UserError &&
        e.message === `invalid token scope "${input}": expected type:name:actions`
    )
  })
}

// [name, input, merged]
const MERGE: Array<[string, string[], string[]]> = [
  ['nothing', [], []],
  ['one scope', ['repository:a:pull'], ['repository:a:pull']],
  [
    'actions of one repository are united',
    ['repository:a:pull', 'repository:a:push'],
    ['repository:a:pull,push']
  ],
  [
    // AT-AUTH-3: a mount needs push on the target and pull on the source, in one token.
    'mount source and target',
    ['repository:dst:pull,push', 'repository:src:pull'],
    ['repository:dst:pull,push', 'repository:src:pull']
  ],
  [
    'space-separated challenge scope',
    ['repository:a:pull repository:b:pull,push', 'repository:a:push'],
    ['repository:a:pull,push', 'repository:b:pull,push']
  ],
  ['duplicates collapse', ['repository:a:pull', 'repository:a:pull'], ['repository:a:pull']],
  [
    'sorted actions',
    ['repository:a:push,pull', 'repository:a:delete'],
    ['repository:a:delete,pull,push']
  ],
  [
    'sorted scopes, whatever the input order',
    ['repository:z:pull', 'registry:catalog:*', 'repository:b:pull'],
    ['registry:catalog:*', 'repository:b:pull', 'repository:z:pull']
  ],
  [
    'names with a port stay apart from the bare name',
    ['repository:localhost:5000/a:pull', 'repository:a:push'],
    ['repository:a:push', 'repository:localhost:5000/a:pull']
  ],
  [
    'extra whitespace',
    ['  repository:a:pull   repository:b:pull ', ''],
    ['repository:a:pull', 'repository:b:pull']
  ],
  [
    'unparseable entries kept verbatim',
    ['repository:a:pull', 'weird'],
    ['repository:a:pull', 'weird']
  ],
  [
    'empty actions united with real ones',
    ['repository:a:', 'repository:a:pull'],
    ['repository:a:pull']
  ]
]

for (const [name, input, expected] of MERGE) {
  test(`mergeScopes: ${name}`, () => {
    assert.deepEqual(mergeScopes(input), expected)
  })
}

test('mergeScopes: the same set in any order gives the same result', () => {
  const scopes = ['repository:b:push', 'repository:a:pull', 'repository:b:pull', 'registry:x:*']
  const expected = mergeScopes(scopes)
  assert.deepEqual(mergeScopes([...scopes].reverse()), expected)
  assert.deepEqual(mergeScopes([scopes.join(' ')]), expected)
  assert.deepEqual(mergeScopes(expected), expected)
})
