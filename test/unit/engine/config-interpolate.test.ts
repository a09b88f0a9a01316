import assert from 'node:assert/strict'
import { test } from 'node:test'
import { interpolate, InterpolationError } from '../../../src/engine/config/interpolate.js'
import { parseConfig } from '../../../src/engine/config/load.js'

const ENV = { USER: 'ci', EMPTY: '', HOST: 'registry.example.com' }

const EXPAND: Array<[string, string, string[]]> = [
  ['plain', 'plain', []],
  ['${USER}', 'ci', ['USER']],
  ['u-${USER}-${HOST}', 'u-ci-registry.example.com', ['USER', 'HOST']],
  ['${EMPTY}', '', ['EMPTY']],
  ['${UNSET:-fallback}', 'fallback', ['UNSET']],
  ['${EMPTY:-fallback}', 'fallback', ['EMPTY']],
  ['${USER:-fallback}', 'ci', ['USER']],
  ['${UNSET:-}', '', ['UNSET']],
  ['${UNSET:-a:b/c}', 'a:b/c', ['UNSET']],
  ['$${USER}', '${USER}', []],
  ['cost: $5 and $USER', 'cost: $5 and $USER', []],
  ['$$', '$$', []],
  ['a$${b}${USER}', 'a${b}ci', ['USER']]
]

for (const [text, value, vars] of EXPAND) {
  test(`interpolate(${JSON.stringify(text)}) is ${JSON.stringify(value)}`, () => {
    assert.deepEqual(interpolate(text, ENV), { value, vars })
  })
}

const FAIL: Array<[string, string]> = [
  ['${UNSET}', 'environment variable UNSET is not set'],
  ['${USER', '"${" is never closed; write $${ for a literal "${"'],
  [
    '${}',
    '"${}" is not a variable reference; use ${NAME} or ${NAME:-default}, or $${ for a literal'
  ],
  [
    '${1X}',
    '"${1X}" is not a variable reference; use ${NAME} or ${NAME:-default}, or $${ for a literal'
  ],
  [
    '${A-B}',
    '"${A-B}" is not a variable reference; use ${NAME} or ${NAME:-default}, or $${ for a literal'
  ],
  ['${A:-${B}}', 'the default of ${A} cannot contain another ${...}']
]

for (const [text, message] of FAIL) {
  test(`interpolate(${JSON.stringify(text)}) fails`, () => {
    assert.throws(
      () => interpolate(text, ENV),
      (e: unknown) => e instanceof InterpolationError && e.message === message
    )
  })
}

const SECRET = 'hunter2-Secret'
const base = (password: string, username = 'ci') =>
  `version: 1\nregistries:\n  - host: r.example.com\n    username: ${username}\n    password: ${password}\n`

const HIDDEN: Array<[string, string, string]> = [
  [
    'an interpolated password of the wrong type',
    base('["${PW}"]'),
    'registries[0].password: expected a string (value hidden)'
  ],
  [
    'a literal password of the wrong type',
    base('[x]'),
    'registries[0].password: expected a string (value hidden)'
  ],
  [
    'a password that is empty after interpolation',
    base('${EMPTY_PW}'),
    'registries[0].password: must not be empty (value from ${EMPTY_PW} hidden)'
  ],
  [
    'a webhook under another key name',
    `version: 1\nnotifications:\n  webhook: "ftp://${SECRET}"\n`,
    'notifications.webhook: must be an http:// or https:// URL (value hidden)'
  ]
]

for (const [name, yaml, expected] of HIDDEN) {
  test(`never shows ${name}`, () => {
    assert.throws(
      () => parseConfig(yaml, 'c.yml', { PW: SECRET, EMPTY_PW: '' }),
      (e: unknown) =>
        e instanceof Error && e.message.endsWith(expected) && !e.message.includes(SECRET)
    )
  })
}

test('a non-secret interpolated value is shown with its variable', () => {
  assert.throws(
    () =>
      parseConfig('version: 1\nmirror:\n  registry: ${HOST}\n', 'c.yml', {
        HOST: 'https://r.example.com'
      }),
    (e: unknown) =>
      e instanceof Error && e.message.endsWith('(got "https://r.example.com" from ${HOST})')
  )
})

test('values under x- keys are neither interpolated nor validated', () => {
  const yaml = 'version: 1\nx-notes:\n  text: ${NOT_SET}\n  any: [1, {a: b}]\n'
  assert.equal(parseConfig(yaml, 'c.yml', {}).version, 1)
})

test('an anchor under x- is interpolated where it is used', () => {
  const yaml = [
    'version: 1',
    'x-creds: &creds',
    '  username: ${U}',
    '  password: ${P}',
    'registries:',
    '  - host: a.example.com',
    '    <<: *creds',
    '  - host: b.example.com',
    '    <<: *creds',
    '    username: other'
  ].join('\n')
  const config = parseConfig(yaml, 'c.yml', { U: 'ci', P: SECRET })
  assert.deepEqual(
    config.registries.map((r) => [r.host, r.username, r.password]),
    [
      ['a.example.com', 'ci', SECRET],
      ['b.example.com', 'other', SECRET]
    ]
  )
})

test('an unset variable used through an alias names the place of use', () => {
  const yaml = 'version: 1\nx-h: &h ${MIRROR_HOST}\nmirror:\n  registry: *h\n'
  assert.throws(
    () => parseConfig(yaml, 'c.yml', {}),
    (e: unknown) =>
      e instanceof Error &&
      e.message === 'c.yml:2:9: mirror.registry: environment variable MIRROR_HOST is not set'
  )
})
