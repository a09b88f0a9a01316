import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ConfigError } from '../../../src/engine/config/errors.js'
import { parseConfig } from '../../../src/engine/config/load.js'

function bomb(): string {
  const lines = ['version: 1', 'x-a: &a [x, x, x, x, x, x, x, x, x, x]']
  let prev = 'a'
  for (const n of ['b', 'c', 'd', 'e', 'f', 'g']) {
    lines.push(`x-${n}: &${n} [${Array(10).fill(`*${prev}`).join(', ')}]`)
    prev = n
  }
  return [...lines, 'registries: *g'].join('\n')
}

const SYNC = 'sync:\n  - source: quay.io/a/b\n    tags: "*"\n'
const MIRROR = 'mirror:\n  registry: r.example.com\n'

// Whole inline files with the exact message, for the YAML and cross-key rules.
const CASES: Array<[string, string, string]> = [
  ['a list instead of a mapping', '- a\n- b\n', 'c.yml:1:1: expected a mapping (got a list)'],
  [
    'several documents',
    'version: 1\n---\nversion: 1\n',
    'c.yml:2:1: YAML: the file holds more than one YAML document (---); keep one'
  ],
  ['a complex key', 'version: 1\n? [a]\n: b\n', 'c.yml:2:3: keys must be plain strings'],
  ['a number as key', 'version: 1\n1: b\n', 'c.yml:2:1: keys must be plain strings'],
  [
    'alias expansion without bound',
    bomb(),
    'c.yml:2:10: x-d[7][0][7][0]: more than 10000 values after expanding aliases'
  ],
  [
    'a host listed twice (case and Docker Hub aliases fold)',
    'version: 1\nregistries:\n  - host: index.docker.io\n  - host: Docker.io\n',
    'c.yml:4:11: registries[1].host: repeats the host of registries[0] (got "Docker.io")'
  ],
  [
    'a service in cluster mode',
    'version: 1\nmirror: { registry: r.example.com, mode: cluster }\nimages:\n  - source: nginx:1\n    service: web\n',
    'c.yml:5:14: images[0].service: is only used in service mode; remove it or set mirror.mode: service (got "web")'
  ],
  [
    'two sync entries with the same default name',
    `version: 1\n${MIRROR}${SYNC}  - source: quay.io/a/b\n    target: r.example.com/other\n    tags: v1\n`,
    'c.yml:7:13: sync[1].source: duplicate sync name, also used by sync[0]; give the entries different name: keys (got "quay.io/a/b")'
  ],
  [
    'a sync target equal to its source',
    'version: 1\nsync:\n  - source: quay.io/a/b\n    target: quay.io/a/b\n    tags: "*"\n',
    'c.yml:4:13: sync[0].target: is the same repository as the source (got "quay.io/a/b")'
  ],
  [
    'a sync without target and without mirror',
    `version: 1\n${SYNC}`,
    'c.yml:3:5: sync[0].target: required key is missing (there is no mirror: section to default to)'
  ],
  [
    'a repeated platform',
    `version: 1\n${MIRROR}${SYNC}    platforms: [linux/amd64, linux/amd64]\n`,
    'c.yml:7:30: sync[0].platforms[1]: repeats item 1 of the list (got "linux/amd64")'
  ],
  [
    'an empty to list',
    'version: 1\npromotions:\n  - name: p\n    from: r.example.com/a\n    to: []\n',
    'c.yml:5:9: promotions[0].to: must not be empty (got [])'
  ],
  [
    'an unknown key without a close match lists the known ones',
    'version: 1\nnotifications:\n  email: a@b.c\n',
    'c.yml:3:3: notifications.email: unknown key; known keys: webhook'
  ]
]

for (const [name, yaml, message] of CASES) {
  test(`rejects ${name}`, () => {
    assert.throws(
      () => parseConfig(yaml, 'c.yml', {}),
      (e: unknown) => e instanceof ConfigError && e.message === message
    )
  })
}

test('merge keys: explicit keys win, then the first merged mapping', () => {
  const yaml = [
    'version: 1',
    'x-fast: &fast { interval: 1h, rollback: true }',
    'x-slow: &slow { interval: 7d, delete-unmatched: true }',
    MIRROR.trimEnd(),
    'sync:',
    '  - source: quay.io/a/b',
    '    tags: "*"',
    '    <<: [*fast, *slow]',
    '  - source: quay.io/c/d',
    '    tags: "*"',
    '    interval: 30m',
    '    <<: *slow'
  ].join('\n')
  const [first, second] = parseConfig(yaml, 'c.yml', {}).sync
  assert.deepEqual(
    [first?.intervalMs, first?.rollback, first?.deleteUnmatched],
    [3600_000, true, true]
  )
  assert.deepEqual([second?.intervalMs, second?.deleteUnmatched], [1800_000, true])
})
