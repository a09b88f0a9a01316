import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import {
  renderTagTemplate,
  sanitizeTag,
  tagTemplateProblem,
  validateTagTemplate
} from '../../../src/engine/tag-template.js'

const HEX = 'a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4'
const VARS = {
  tag: 'v1.2.3',
  digest: `sha256:${HEX}`,
  sha: '4f2c1e9b7d8a6c5e3f1a0b9c8d7e6f5a4b3c2d1e',
  branch: 'feature/login-page',
  now: new Date(Date.UTC(2025, 0, 2, 3, 4, 5))
}

const RENDER: Array<[string, string]> = [
  ['{tag}', 'v1.2.3'],
  ['{tag}-{short_sha}', 'v1.2.3-4f2c1e9'],
  ['{sha}', VARS.sha],
  ['{digest}', `sha256-${HEX}`],
  ['{short_digest}', 'a3ed95caeb02'],
  ['{branch}', 'feature-login-page'],
  ['{branch}-{timestamp}', 'feature-login-page-20250102030405'],
  ['{timestamp}', '20250102030405'],
  ['{date}', '20250102'],
  ['release-{date:YYYY.MM.DD}', 'release-2025.01.02'],
  ['{date:YYYYMMDD-HHmmss}', '20250102-030405'],
  ['{date:DD/MM/YYYY}', '02-01-2025'],
  ['prod', 'prod'],
  ['v{tag}', 'vv1.2.3'],
  ['{tag}+build', 'v1.2.3-build'],
  ['{tag} @ {short_sha}', 'v1.2.3-4f2c1e9'],
  ['.{tag}', 'v1.2.3'],
  ['--{tag}', 'v1.2.3'],
  ['_{tag}', '_v1.2.3'],
  ['{tag}}', 'v1.2.3-']
]

for (const [template, expected] of RENDER) {
  test(`renders ${template} as ${expected}`, () => {
    assert.equal(renderTagTemplate(template, VARS), expected)
  })
}

test('a tag longer than 128 characters is cut and given a hash of the whole text', () => {
  const long = `x${'a'.repeat(200)}`
  const tag = renderTagTemplate('{tag}', { ...VARS, tag: long })
  const hash = createHash('sha256').update(long).digest('hex').slice(0, 8)
  assert.equal(tag.length, 128)
  assert.equal(tag, `${long.slice(0, 119)}-${hash}`)
  const other = renderTagTemplate('{tag}', { ...VARS, tag: `${long}b` })
  assert.notEqual(other, tag, 'two long tags with a common prefix must stay different')
  assert.match(tag, /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/)
})

test('a tag of exactly 128 characters is kept as it is', () => {
  const exact = 'b'.repeat(128)
  assert.equal(renderTagTemplate('{tag}', { ...VARS, tag: exact }), exact)
})

const MISSING: Array<[string, Partial<typeof VARS>, string]> = [
  [
    '{branch}',
    { branch: undefined },
    'tag template "{branch}": {branch} needs the git branch (run in CI on a branch or pass --branch), which is not known here'
  ],
  [
    '{short_sha}',
    { sha: undefined },
    'tag template "{short_sha}": {short_sha} needs the git commit (run in CI or pass --sha), which is not known here'
  ],
  [
    '{digest}',
    { digest: undefined },
    'tag template "{digest}": {digest} needs the image digest, which is not known here'
  ],
  [
    '{tag}',
    { tag: '' },
    'tag template "{tag}": {tag} needs the source tag, which is not known here'
  ],
  ['{tag}', { tag: '///' }, 'tag template "{tag}": gives "///", which has no valid tag characters']
]

for (const [template, change, message] of MISSING) {
  test(`fails to render ${template} with ${JSON.stringify(change)}`, () => {
    assert.throws(
      () => renderTagTemplate(template, { ...VARS, ...change }),
      (e: unknown) => e instanceof UserError && e.message === message
    )
  })
}

const PROBLEMS: Array<[string, string | undefined]> = [
  ['{tag}', undefined],
  ['{date:YYYY}', undefined],
  [
    '{version}',
    'unknown placeholder {version}; use {tag} {digest} {short_digest} {sha} {short_sha} {branch} {timestamp} {date}'
  ],
  [
    '{Tag}',
    'unknown placeholder {Tag}; use {tag} {digest} {short_digest} {sha} {short_sha} {branch} {timestamp} {date}'
  ],
  ['{tag', '"{" at "{tag" is never closed'],
  ['{tag:x}', '{tag} takes no format'],
  ['{date:}', '{date:} needs a format such as {date:YYYYMMDD}'],
  ['/', 'gives "/", which has no valid tag characters'],
  [
    '{}',
    'unknown placeholder {}; use {tag} {digest} {short_digest} {sha} {short_sha} {branch} {timestamp} {date}'
  ]
]

for (const [template, problem] of PROBLEMS) {
  test(`tagTemplateProblem(${JSON.stringify(template)})`, () => {
    assert.equal(tagTemplateProblem(template), problem)
  })
}

test('validateTagTemplate lists the placeholders a template needs', () => {
  assert.deepEqual(validateTagTemplate('{tag}-{short_sha}-{tag}'), ['tag', 'short_sha'])
  assert.deepEqual(validateTagTemplate('prod'), [])
})

const SANITIZE: Array<[string, string]> = [
  ['feature/x', 'feature-x'],
  ['a b\tc', 'a-b-c'],
  ['ÄÖÜ-ok', 'ok'],
  ['...v1', 'v1'],
  ['-.-v1', 'v1'],
  ['v1:2', 'v1-2']
]

for (const [input, expected] of SANITIZE) {
  test(`sanitizeTag(${JSON.stringify(input)}) is ${expected}`, () => {
    assert.equal(sanitizeTag(input), expected)
  })
}
