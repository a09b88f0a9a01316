import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { ConfigError } from '../../../src/engine/config/errors.js'
import { loadConfig, parseConfig } from '../../../src/engine/config/load.js'

const DIR = join(import.meta.dirname, '../../fixtures/config')
const ENV = {
  MIRROR_USER: 'ci-bot',
  MIRROR_PASSWORD: 'pw-Zq81-very-secret',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/tokentoken'
}
const read = (name: string) => readFileSync(join(DIR, name), 'utf8')
const parse = (name: string, env: NodeJS.ProcessEnv = ENV) => parseConfig(read(name), name, env)

const TAGS = '{tag} {digest} {short_digest} {sha} {short_sha} {branch} {timestamp} {date}'

// Each invalid fixture with the exact one-line message users see.
const INVALID: Array<[string, string, NodeJS.ProcessEnv?]> = [
  ['invalid-unknown-key.yml', '4:5: promotions[0].form: unknown key (did you mean from?)'],
  ['invalid-unknown-top-key.yml', '2:1: mirrors: unknown key (did you mean mirror?)'],
  ['invalid-wrong-type.yml', '7:16: promotions[0].overwrite: expected true or false (got "yes")'],
  ['invalid-enum.yml', '4:9: mirror.mode: must be one of service, cluster (got "clustr")'],
  [
    'invalid-platform.yml',
    '8:9: sync[0].platforms[1]: must be os/arch or os/arch/variant, such as linux/amd64 or linux/arm64/v8 (got "linux-arm64")'
  ],
  [
    'invalid-host.yml',
    '3:13: mirror.registry: must be a registry host such as registry.example.com or localhost:5000, without scheme or path (got "https://registry.example.com/")'
  ],
  [
    'invalid-reference.yml',
    '6:13: images[0].source: is not an image reference: repository name must be lowercase (got "docker.io/Library/NGINX:1.27")'
  ],
  [
    'invalid-repository.yml',
    '4:11: promotions[0].from: is not a repository: repository name must be lowercase (got "registry.example.com/Dev/Website")'
  ],
  [
    'invalid-repository-with-tag.yml',
    '3:13: sync[0].source: must be a repository without tag or digest (got "quay.io/prometheus/prometheus:v2.53.0")'
  ],
  [
    'invalid-duration.yml',
    '6:15: sync[0].interval: has an unknown unit "x"; use w, d, h, m or s (got "1x")'
  ],
  [
    'invalid-duration-number.yml',
    '6:15: sync[0].interval: expected a string; put the value in quotes (got 3600)'
  ],
  [
    'invalid-template.yml',
    `7:14: promotions[0].to[0].tag: unknown placeholder {version}; use ${TAGS} (got "{version}-stable")`
  ],
  [
    'invalid-template-unquoted.yml',
    '7:14: promotions[0].to[0].tag: expected a string; put templates in quotes ("{tag}"), YAML reads {tag} as a mapping (got a mapping)'
  ],
  [
    'invalid-duplicate-promotion.yml',
    '7:11: promotions[1].name: duplicate promotion name, also used by promotions[0] (got "qa")'
  ],
  ['invalid-missing-to.yml', '3:5: promotions[0].to: required key is missing'],
  ['invalid-missing-version.yml', '1:1: version: required key is missing'],
  ['invalid-version.yml', '1:10: version: must be 1 (got 2)'],
  [
    'invalid-unset-variable.yml',
    '5:15: registries[0].password: environment variable MIRROR_PASSWORD is not set',
    {}
  ],
  [
    'invalid-secret-empty.yml',
    '5:15: registries[0].password: must not be empty (value from ${MIRROR_PASSWORD} hidden)',
    { MIRROR_USER: 'u', MIRROR_PASSWORD: '' }
  ],
  [
    'invalid-secret-webhook.yml',
    '3:12: notifications.webhook: must be an http:// or https:// URL (value from ${SLACK_WEBHOOK_URL} hidden)',
    { SLACK_WEBHOOK_URL: 'hooks.slack.com/services/T000/B000/tokentoken' }
  ],
  ['invalid-empty-pattern.yml', '5:11: sync[0].tags: pattern 2 is empty (got "v2.5*,,!*-rc*")'],
  [
    'invalid-yaml.yml',
    '4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'
  ],
  ['invalid-duplicate-key.yml', '4:3: YAML: a key appears twice in the same mapping'],
  [
    'invalid-service-missing.yml',
    '7:5: images[1].service: required key is missing in service mode (mirror.mode)'
  ],
  [
    'invalid-tag-number.yml',
    '6:22: promotions[0].when.tag.equals: expected a string; put the value in quotes (got 1.1)'
  ],
  [
    'invalid-username-alone.yml',
    '3:5: registries[0].password: username and password go together; this one is missing'
  ],
  [
    'invalid-interpolation-syntax.yml',
    '3:13: mirror.registry: "${MIRROR HOST}" is not a variable reference; use ${NAME} or ${NAME:-default}, or $${ for a literal'
  ],
  [
    'invalid-images-without-mirror.yml',
    '3:3: images: needs a mirror: section naming the mirror registry'
  ],
  ['invalid-empty-when.yml', '6:12: promotions[0].when.tag: must not be empty (got {})'],
  [
    'invalid-operator.yml',
    '7:18: promotions[0].when.any[0].tag.ends_with: unknown key (did you mean ends-with?)'
  ],
  [
    'invalid-anchor-error.yml',
    '3:13: sync[0].interval: is not a duration such as 24h, 30m or 1h30m (got "soon")'
  ],
  [
    'invalid-self-promotion.yml',
    '6:21: promotions[0].to[0].repository: with tag "{tag}" copies every image onto itself (got "registry.example.com/dev/website")'
  ],
  ['invalid-empty-file.yml', '1:1: the file is empty; it needs at least "version: 1"']
]

for (const [name, expected, env] of INVALID) {
  test(`${name}: ${expected}`, () => {
    assert.throws(
      () => parse(name, env ?? ENV),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError && e instanceof UserError, String(e))
        assert.equal(e.message, `${name}:${expected}`)
        assert.doesNotMatch(e.message, /\n/)
        for (const [key, secret] of Object.entries(env ?? ENV)) {
          if (/PASSWORD|WEBHOOK/.test(key) && secret !== '')
            assert.ok(!e.message.includes(secret as string), key)
        }
        return true
      }
    )
  })
}

test('valid-full.yml loads with every key, defaults applied and patterns compiled', () => {
  const config = parse('valid-full.yml')
  assert.deepEqual(config.mirror, {
    registry: 'registry.example.com',
    mode: 'service',
    repository: 'mirror'
  })
  const [reg, local] = config.registries
  assert.equal(reg?.password, ENV.MIRROR_PASSWORD)
  assert.equal(reg?.username, 'ci-bot')
  assert.equal(reg?.caFile, join(process.cwd(), 'certs/ca.pem'))
  assert.deepEqual(local, { host: 'localhost:5000', insecure: true })
  assert.deepEqual(
    config.images.map((i) => i.service),
    ['web', 'cache']
  )
  assert.equal(config.images[0]?.source.repository, 'library/nginx')
  const [prom, grafana] = config.sync
  assert.equal(prom?.name, 'quay.io/prometheus/prometheus')
  assert.equal(prom?.intervalMs, 24 * 3600_000)
  assert.deepEqual(prom?.platforms, ['linux/amd64', 'linux/arm64/v8'])
  assert.equal(prom?.tags.matches('v2.5.3'), true)
  assert.equal(prom?.tags.matches('v2.5.3-rc1'), false)
  assert.equal(grafana?.name, 'grafana')
  assert.equal(grafana?.intervalMs, 90 * 60_000, 'an explicit key wins over the merged anchor')
  assert.deepEqual(grafana?.target, {
    registry: 'registry.example.com',
    repository: 'mirror/docker.io/grafana/grafana'
  })
  assert.deepEqual(grafana?.tags.patterns, ['11.*', '!*-beta*'])
  const [qa, prod] = config.promotions
  assert.deepEqual(
    qa?.to.map((t) => [t.tag, t.placeholders]),
    [
      ['{tag}', ['tag']],
      ['{tag}-{short_sha}', ['tag', 'short_sha']]
    ]
  )
  assert.equal(qa?.referrers, true)
  assert.equal(qa?.overwrite, false)
  assert.deepEqual(prod?.to[0]?.repository, { registry: 'prod.example.com', repository: 'website' })
  assert.equal(config.notifications.webhook, ENV.SLACK_WEBHOOK_URL)
})

test('${VAR:-default} takes the variable when it is set', () => {
  const config = parse('valid-full.yml', { ...ENV, PROD_REGISTRY: 'ecr.example.com' })
  assert.equal(config.promotions[1]?.to[0]?.repository.registry, 'ecr.example.com')
})

test('valid-minimal.yml has empty sections', () => {
  const config = parse('valid-minimal.yml')
  assert.equal(config.mirror, undefined)
  assert.deepEqual(
    [config.registries, config.images, config.sync, config.promotions],
    [[], [], [], []]
  )
  assert.deepEqual(config.notifications, {})
})

test('valid-cluster.yml: cluster mode, no prefix, default sync target', () => {
  const config = parse('valid-cluster.yml')
  assert.deepEqual(config.mirror, { registry: 'localhost:5000', mode: 'cluster', repository: '' })
  assert.equal(config.images[0]?.service, undefined)
  assert.deepEqual(config.sync[0]?.target, {
    registry: 'localhost:5000',
    repository: 'quay.io/coreos/etcd'
  })
  assert.equal(config.sync[0]?.tags.matches('v3.5.0'), true)
})

test('loadConfig reads a file and names a missing one', async () => {
  const config = await loadConfig(join(DIR, 'valid-minimal.yml'), {})
  assert.equal(config.version, 1)
  await assert.rejects(loadConfig(join(DIR, 'nope.yml'), {}), (e: unknown) => {
    return (
      e instanceof UserError &&
      e.message === `config file ${join(DIR, 'nope.yml')}: cannot read it (no such file)`
    )
  })
})
