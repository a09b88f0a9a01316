import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { UserError } from '../../../src/errors.js'
import { isOnMirrorRegistry, mirrorTarget } from '../../../src/engine/mirror-names.js'
import type { Reference } from '../../../src/oci/types.js'

const DIGEST = 'sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4'
const hash = (full: string) => createHash('sha256').update(full).digest('hex').slice(0, 12)
const ref = (registry: string, repository: string, tag?: string, digest?: string): Reference => ({
  registry,
  repository,
  ...(tag === undefined ? {} : { tag }),
  ...(digest === undefined ? {} : { digest })
})

const NAMES: Array<{ name: string; source: Reference; tag: string }> = [
  {
    name: 'Docker Hub official image drops library/',
    source: ref('docker.io', 'library/nginx', '1.27'),
    tag: `nginx.1.27-${hash('docker.io/library/nginx:1.27')}`
  },
  {
    name: 'path separators become dots',
    source: ref('quay.io', 'prometheus/prometheus', 'v2.53.0'),
    tag: `prometheus.prometheus.v2.53.0-${hash('quay.io/prometheus/prometheus:v2.53.0')}`
  },
  {
    name: 'no tag means latest',
    source: ref('ghcr.io', 'org/tool'),
    tag: `org.tool.latest-${hash('ghcr.io/org/tool:latest')}`
  },
  {
    name: 'pinned by digest only',
    source: ref('docker.io', 'library/redis', undefined, DIGEST),
    tag: `redis.sha256-a3ed95caeb02-${hash(`docker.io/library/redis@${DIGEST}`)}`
  },
  {
    name: 'tag and digest: readable tag, hash covers the digest',
    source: ref('docker.io', 'library/redis', '7', DIGEST),
    tag: `redis.7-${hash(`docker.io/library/redis:7@${DIGEST}`)}`
  },
  {
    name: 'Docker Hub aliases hash like docker.io',
    source: ref('index.docker.io', 'library/nginx', '1.27'),
    tag: `nginx.1.27-${hash('docker.io/library/nginx:1.27')}`
  }
]

for (const tc of NAMES) {
  test(`mirror tag: ${tc.name}`, () => {
    const target = mirrorTarget(tc.source, {
      mirrorRegistry: 'registry.example.com',
      mode: 'cluster'
    })
    assert.equal(target.tag, tc.tag)
    assert.equal(target.repository, 'mirror/cluster')
    assert.equal(target.registry, 'registry.example.com')
  })
}

const REPOSITORIES: Array<[Parameters<typeof mirrorTarget>[1], string]> = [
  [{ mirrorRegistry: 'r.example', mode: 'service', service: 'web' }, 'mirror/web'],
  [
    { mirrorRegistry: 'r.example', mode: 'service', service: 'web', prefix: 'team/third-party' },
    'team/third-party/web'
  ],
  [{ mirrorRegistry: 'r.example', mode: 'service', service: 'web', prefix: '' }, 'web'],
  [{ mirrorRegistry: 'r.example', mode: 'cluster' }, 'mirror/cluster'],
  [{ mirrorRegistry: 'r.example', mode: 'cluster', prefix: 'images/' }, 'images/cluster'],
  [{ mirrorRegistry: 'r.example', mode: 'cluster', service: 'ignored' }, 'mirror/cluster']
]

for (const [opts, repository] of REPOSITORIES) {
  test(`repository for ${JSON.stringify(opts)} is ${repository}`, () => {
    assert.equal(mirrorTarget(ref('docker.io', 'library/nginx', '1'), opts).repository, repository)
  })
}

test('sources that read alike never share a target tag', () => {
  const sources = [
    ref('docker.io', 'a/b', 'c'),
    ref('docker.io', 'a-b', 'c'),
    ref('docker.io', 'a.b', 'c'),
    ref('docker.io', 'a', 'b.c'),
    ref('ghcr.io', 'a/b', 'c'),
    ref('docker.io', 'library/a', 'b'),
    ref('docker.io', 'a', 'b'),
    ref('docker.io', 'a/b', 'c', DIGEST),
    ref('docker.io', 'a/b', 'c', DIGEST.replace('a3', 'b4'))
  ]
  const tags = sources.map((s) => mirrorTarget(s, { mirrorRegistry: 'r', mode: 'cluster' }).tag)
  assert.equal(new Set(tags).size, sources.length, tags.join('\n'))
})

test('a long source is cut to 128 characters and keeps its hash', () => {
  const long = ref('docker.io', `org/${'very-long-name/'.repeat(12)}image`, `v${'9'.repeat(120)}`)
  const a = mirrorTarget(long, { mirrorRegistry: 'r', mode: 'cluster' }).tag
  const b = mirrorTarget(
    { ...long, tag: `${long.tag}8` },
    { mirrorRegistry: 'r', mode: 'cluster' }
  ).tag
  assert.ok(a.length <= 128, `${a.length}`)
  assert.match(a, /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/)
  assert.notEqual(a, b)
})

test('service mode needs a valid service name', () => {
  const nginx = ref('docker.io', 'library/nginx', '1')
  assert.throws(() => mirrorTarget(nginx, { mirrorRegistry: 'r', mode: 'service' }), UserError)
  assert.throws(
    () => mirrorTarget(nginx, { mirrorRegistry: 'r', mode: 'service', service: 'Web App' }),
    /service name "Web App" must be lower-case/
  )
})

const ON_MIRROR: Array<[string, string, boolean]> = [
  ['registry.example.com', 'registry.example.com', true],
  ['Registry.Example.com', 'registry.example.com', true],
  ['index.docker.io', 'docker.io', true],
  ['registry.example.com:5000', 'registry.example.com', false],
  ['quay.io', 'registry.example.com', false]
]

for (const [registry, mirror, expected] of ON_MIRROR) {
  test(`isOnMirrorRegistry(${registry}, ${mirror}) is ${expected}`, () => {
    assert.equal(isOnMirrorRegistry(ref(registry, 'x/y', '1'), mirror), expected)
  })
}
