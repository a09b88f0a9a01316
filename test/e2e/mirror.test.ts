import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { buildImage } from '../helpers/images.js'
import type { RunningRegistryInfo } from '../helpers/registry.js'
import { REPO_ROOT, runCli } from '../helpers/run-cli.js'
import { skopeoCopy, skopeoDigest, skopeoListTags } from '../helpers/skopeo.js'

const { registries } = testEnv()
/** Stands for Docker Hub or Quay. */
const upstream = registries.plain
/** The mirror registry. */
const mirror = registries.plain2
/** Nothing listens on port 1. */
const DEAD = '127.0.0.1:1'

interface MirrorLine {
  source: string
  service?: string
  mirror: string
  digest?: string
  status: string
  previousDigest?: string
  error?: string
}

function runMirror(fixture: string, args: string[], env: Record<string, string> = {}) {
  const config = join(REPO_ROOT, 'test', 'fixtures', 'config', fixture)
  return runCli(['mirror', '--config', config, ...args], {
    env: { UPSTREAM: upstream.host, MIRROR: mirror.host, DEAD, ...env }
  })
}

/**
 * The mirror tag as docs/promote-and-mirror.md defines it: the source path
 * (`/` as `.`) and tag, or `sha256-` and 12 hex of a digest, then `-` and the
 * first 12 hex of the SHA-256 of the full source reference.
 */
function expectedTag(path: string, version: string, fullSource: string): string {
  const hash = createHash('sha256').update(fullSource).digest('hex').slice(0, 12)
  return `${path.replaceAll('/', '.')}.${version}-${hash}`
}

async function tagsOf(repository: string, registry: RunningRegistryInfo): Promise<string[]> {
  try {
    return await skopeoListTags(`${registry.host}/${repository}`, registry)
  } catch {
    return [] // the repository does not exist
  }
}

function tempFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'im-mirror-')), name)
}

describe('mirror', () => {
  let nginx: { ref: string; digest: string }
  let redis: { ref: string; digest: string }
  let tool: { ref: string; digest: string }
  const env = () => ({ PINNED: redis.digest })

  before(async () => {
    ;[nginx, redis, tool] = await Promise.all([
      buildImage({ registry: upstream, repository: 'mirror/nginx', tag: '1.27', layers: [150_000, 50_000] }),
      buildImage({ registry: upstream, repository: 'mirror/redis', tag: '7', layers: [100_000] }),
      buildImage({ registry: mirror, repository: 'vendor/tool', tag: '1.0', layers: [10_000] })
    ])
    await skopeoCopy(nginx.ref, `${upstream.host}/mirror/nginx:latest`, upstream)
  })

  test('service mode: one repository per service, documented tags, digests as upstream, output files', async () => {
    const output = tempFile('mirror.json')
    const dotenv = tempFile('mirror.env')
    const run = await runMirror('mirror-service.yml', ['--json', '--output', output, '--dotenv', dotenv], env())
    assert.equal(run.code, 0, run.stderr)
    const lines = JSON.parse(run.stdout) as MirrorLine[]
    const nginxTag = expectedTag('mirror/nginx', '1.27', `${upstream.host}/mirror/nginx:1.27`)
    const latestTag = expectedTag('mirror/nginx', 'latest', `${upstream.host}/mirror/nginx:latest`)
    const redisTag = expectedTag('mirror/redis', redis.digest.replace(':', '-').slice(0, 19), `${upstream.host}/mirror/redis@${redis.digest}`)
    assert.deepEqual(
      lines.map((l) => [l.source, l.mirror, l.digest, l.status]),
      [
        [`${upstream.host}/mirror/nginx:1.27`, `${mirror.host}/mirror-svc/web:${nginxTag}`, nginx.digest, 'copied'],
        [`${upstream.host}/mirror/nginx:latest`, `${mirror.host}/mirror-svc/web:${latestTag}`, nginx.digest, 'copied'],
        [`${upstream.host}/mirror/redis@${redis.digest}`, `${mirror.host}/mirror-svc/cache:${redisTag}`, redis.digest, 'copied'],
        [`${mirror.host}/vendor/tool:1.0`, `${mirror.host}/vendor/tool:1.0`, tool.digest, 'skipped-on-mirror']
      ]
    )
    for (const line of lines) assert.equal(await skopeoDigest(line.mirror, mirror), line.digest, line.mirror)
    assert.equal(await skopeoDigest(nginx.ref, upstream), nginx.digest)
    assert.deepEqual(await tagsOf('mirror-svc/tools', mirror), [], 'a source on the mirror registry is not copied')

    // Unpinned sources are warned about, moving tags by name; the pinned one is not.
    assert.match(run.stderr, /nginx:1\.27: tag "1\.27" is not pinned by digest .*pin it by digest as .*nginx:1\.27@sha256:/)
    assert.match(run.stderr, /nginx:latest: "latest" is a moving tag/)
    assert.doesNotMatch(run.stderr, /redis.*pin it/)

    const map = JSON.parse(readFileSync(output, 'utf8'))
    assert.deepEqual(map[`${upstream.host}/mirror/nginx:1.27`], {
      mirror: `${mirror.host}/mirror-svc/web:${nginxTag}`,
      digest: nginx.digest,
      reference: `${mirror.host}/mirror-svc/web:${nginxTag}@${nginx.digest}`,
      service: 'web'
    })
    assert.equal(Object.keys(map).length, 4)
    assert.equal(
      readFileSync(dotenv, 'utf8'),
      [
        `MIRROR_WEB_NGINX_1_27=${mirror.host}/mirror-svc/web:${nginxTag}@${nginx.digest}`,
        `MIRROR_WEB_NGINX_LATEST=${mirror.host}/mirror-svc/web:${latestTag}@${nginx.digest}`,
        `MIRROR_CACHE_REDIS=${mirror.host}/mirror-svc/cache:${redisTag}@${redis.digest}`,
        `MIRROR_TOOLS_TOOL=${mirror.host}/vendor/tool:1.0@${tool.digest}`,
        ''
      ].join('\n')
    )
  })

  test('a second run is up to date and costs one manifest HEAD per side', async () => {
    await runMirror('mirror-service.yml', [], env())
    const trace = tempFile('trace.jsonl')
    const run = await runMirror('mirror-service.yml', ['--json'], { ...env(), IMAGE_MIRROR_TRACE: trace })
    assert.equal(run.code, 0, run.stderr)
    assert.deepEqual(
      (JSON.parse(run.stdout) as MirrorLine[]).map((l) => l.status),
      ['up-to-date', 'up-to-date', 'up-to-date', 'skipped-on-mirror']
    )
    const requests = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { method: string; url: string })
    assert.ok(requests.every((r) => r.method === 'HEAD' && r.url.includes('/manifests/')), JSON.stringify(requests))
    const count = (host: string, path: string) => requests.filter((r) => r.url.includes(host) && r.url.includes(path)).length
    assert.equal(count(upstream.host, '/mirror/nginx/manifests/1.27'), 1)
    assert.equal(count(upstream.host, '/mirror/nginx/manifests/latest'), 1)
    assert.equal(count(upstream.host, `/mirror/redis/manifests/${redis.digest}`), 1)
    assert.equal(count(mirror.host, '/mirror-svc/web/manifests/'), 2)
    assert.equal(count(mirror.host, '/mirror-svc/cache/manifests/'), 1)
    assert.equal(count(mirror.host, '/vendor/tool/manifests/1.0'), 1)
    assert.equal(requests.length, 7)
  })

  test('cluster mode: every image in the one shared repository', async () => {
    const [postgres, api] = await Promise.all([
      buildImage({ registry: upstream, repository: 'mirror/postgres', tag: '16', layers: [10_000] }),
      buildImage({ registry: upstream, repository: 'mirror/team/api', tag: 'stable', layers: [10_000] })
    ])
    const run = await runMirror('mirror-cluster.yml', ['--json'])
    assert.equal(run.code, 0, run.stderr)
    const postgresTag = expectedTag('mirror/postgres', '16', `${upstream.host}/mirror/postgres:16`)
    const apiTag = expectedTag('mirror/team/api', 'stable', `${upstream.host}/mirror/team/api:stable`)
    assert.deepEqual(
      (JSON.parse(run.stdout) as MirrorLine[]).map((l) => [l.mirror, l.digest, l.status]),
      [
        [`${mirror.host}/mirror-cl/cluster:${postgresTag}`, postgres.digest, 'copied'],
        [`${mirror.host}/mirror-cl/cluster:${apiTag}`, api.digest, 'copied']
      ]
    )
    assert.deepEqual((await tagsOf('mirror-cl/cluster', mirror)).sort(), [apiTag, postgresTag].sort())
    assert.match(run.stderr, /"stable" is a moving tag/)
    // Lines without --json: source → mirror digest: status.
    const text = await runMirror('mirror-cluster.yml', [])
    assert.equal(text.code, 0, text.stderr)
    assert.equal(text.stdout.split('\n')[0], `${upstream.host}/mirror/postgres:16 → ${mirror.host}/mirror-cl/cluster:${postgresTag} ${postgres.digest}: up-to-date`)
  })

  test('an upstream tag that moved is mirrored again', async () => {
    const first = await buildImage({ registry: upstream, repository: 'mirror/moving', tag: 'latest', layers: [10_000] })
    const one = await runMirror('mirror-moving.yml', ['--json'])
    assert.equal(one.code, 0, one.stderr)
    const [before] = JSON.parse(one.stdout) as MirrorLine[]
    assert.equal(before?.digest, first.digest)

    const second = await buildImage({ registry: upstream, repository: 'mirror/moving', tag: 'latest', layers: [10_000] })
    assert.notEqual(second.digest, first.digest)
    const dry = await runMirror('mirror-moving.yml', ['--json', '--dry-run'])
    assert.equal(dry.code, 0, dry.stderr)
    assert.equal((JSON.parse(dry.stdout) as MirrorLine[])[0]?.status, 'would-copy')
    assert.equal(await skopeoDigest(before?.mirror as string, mirror), first.digest, '--dry-run writes nothing')

    const two = await runMirror('mirror-moving.yml', ['--json'])
    assert.equal(two.code, 0, two.stderr)
    const [after] = JSON.parse(two.stdout) as MirrorLine[]
    assert.deepEqual([after?.mirror, after?.digest, after?.status, after?.previousDigest], [before?.mirror, second.digest, 'copied', first.digest])
    assert.equal(await skopeoDigest(after?.mirror as string, mirror), second.digest)
  })

  test('an unreachable source is one error line naming it; the other images are still mirrored', async () => {
    const alive = await buildImage({ registry: upstream, repository: 'mirror/alive', tag: '1.0', layers: [10_000] })
    const output = tempFile('mirror.json')
    const run = await runMirror('mirror-unreachable.yml', ['--json', '--output', output])
    assert.equal(run.code, 1)
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('image-mirror mirror:'))
    assert.equal(errors.length, 1, run.stderr)
    assert.match(errors[0] as string, new RegExp(`^image-mirror mirror: mirror of ${DEAD}/mirror/ghost:1\\.0: .*${DEAD}`))
    const lines = JSON.parse(run.stdout) as MirrorLine[]
    assert.deepEqual(lines.map((l) => l.status), ['failed', 'copied'])
    assert.equal(await skopeoDigest(lines[1]?.mirror as string, mirror), alive.digest)
    assert.deepEqual(await tagsOf('mirror-dead/ghost', mirror), [], 'nothing written for the failed source')
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(output, 'utf8'))), [`${upstream.host}/mirror/alive:1.0`])
  })
})
