import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { StateStore } from '../../src/engine/sync/index.js'
import type { EntryReport, SyncReport } from '../../src/engine/sync/index.js'
import { RegistryClient } from '../../src/oci/client.js'
import { Transport } from '../../src/oci/transport.js'
import { testEnv } from '../helpers/env.js'
import { buildImage, buildIndex, type PushedImage } from '../helpers/images.js'
import { runCli } from '../helpers/run-cli.js'
import { skopeoCopy, skopeoDigest, skopeoListTags, skopeoRaw } from '../helpers/skopeo.js'

const { registries } = testEnv()
/** Stands for Docker Hub or Quay. */
const upstream = registries.plain
/** The mirror registry: targets and sync state. */
const mirror = registries.plain2

const transport = new Transport({ insecure: true })
const client = new RegistryClient(transport)
const dir = mkdtempSync(join(tmpdir(), 'im-sync-'))

/** Writes a config whose sync entries are given as YAML lines; `${UPSTREAM}`/`${MIRROR}` are set by runSync. */
function config(name: string, sync: string, extra = ''): string {
  const file = join(dir, `${name}.yml`)
  const text = [
    'version: 1',
    'mirror:',
    '  registry: ${MIRROR}',
    '  mode: cluster',
    'registries:',
    '  - host: ${UPSTREAM}',
    '    insecure: true',
    '  - host: ${MIRROR}',
    '    insecure: true',
    extra,
    'sync:',
    sync
  ].join('\n')
  writeFileSync(file, text + '\n')
  return file
}

function runSync(file: string, args: string[] = [], env: Record<string, string> = {}) {
  return runCli(['sync', '--config', file, ...args], { env: { UPSTREAM: upstream.host, MIRROR: mirror.host, ...env } })
}

async function syncJson(file: string, args: string[] = [], env: Record<string, string> = {}): Promise<SyncReport> {
  const run = await runSync(file, ['--json', ...args], env)
  assert.equal(run.code, 0, run.stderr)
  return JSON.parse(run.stdout) as SyncReport
}

function only(report: SyncReport): EntryReport {
  assert.equal(report.entries.length, 1)
  return report.entries[0] as EntryReport
}

/** Points `tags` of upstream `repository` at `image` (copied there once, then tagged by manifest PUT). */
async function tagUpstream(repository: string, image: PushedImage, tags: string[]): Promise<void> {
  const [first, ...rest] = tags as [string, ...string[]]
  await skopeoCopy(image.ref, `${upstream.host}/${repository}:${first}`, upstream)
  const manifest = await client.getManifest({ registry: upstream.host, repository, digest: image.digest })
  for (const tag of rest) await client.putManifest(upstream.host, repository, tag, manifest)
}

async function targetTags(repository: string): Promise<string[]> {
  try {
    return (await skopeoListTags(`${mirror.host}/${repository}`, mirror)).sort()
  } catch {
    return []
  }
}

const digestOn = (host: string, ref: string) => skopeoDigest(`${host}/${ref}`, host === mirror.host ? mirror : upstream)

describe('sync', () => {
  let a: PushedImage
  let b: PushedImage
  let c: PushedImage

  before(async () => {
    ;[a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((tag) =>
        buildImage({ registry: upstream, repository: 'sync-e2e/base', tag, layers: [20_000, 10_000] })
      )
    )
  })

  after(() => transport.close())

  test('copies matching tags only; an unchanged run moves no blobs; a moved tag alone is copied again', async () => {
    const repo = 'sync-e2e/app'
    await tagUpstream(repo, a, ['v1.0', 'v1.2-rc1', 'v2.0'])
    await tagUpstream(repo, b, ['v1.1', 'latest'])
    const file = config('app', [
      '  - name: app',
      `    source: \${UPSTREAM}/${repo}`,
      `    target: \${MIRROR}/${repo}`,
      '    tags: ["v1*", "latest", "!*-rc*"]'
    ].join('\n'))

    const first = only(await syncJson(file))
    assert.equal(first.status, 'synced')
    assert.deepEqual(first.copied, ['latest', 'v1.0', 'v1.1'])
    assert.deepEqual(await targetTags(repo), ['latest', 'v1.0', 'v1.1'])
    for (const tag of ['latest', 'v1.0', 'v1.1']) {
      assert.equal(await digestOn(mirror.host, `${repo}:${tag}`), await digestOn(upstream.host, `${repo}:${tag}`), tag)
    }

    const trace = join(dir, 'trace-second.jsonl')
    const second = only(await syncJson(file, [], { IMAGE_MIRROR_TRACE: trace }))
    assert.equal(second.status, 'up-to-date')
    assert.deepEqual(second.copied, [])
    assert.deepEqual(second.unchanged, ['latest', 'v1.0', 'v1.1'])
    const requests = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { method: string; url: string })
    const onImages = requests.filter((r) => r.url.includes(`/v2/${repo}/`))
    assert.deepEqual(onImages.filter((r) => r.url.includes('/blobs/')), [], 'no blob traffic for unchanged tags')
    const perTag = onImages.filter((r) => !r.url.endsWith('/tags/list'))
    assert.ok(perTag.length <= 2 * 3, `${perTag.length} requests for 3 unchanged tags`)

    await tagUpstream(repo, c, ['v1.1'])
    const third = only(await syncJson(file))
    assert.deepEqual(third.copied, ['v1.1'])
    assert.deepEqual(third.unchanged, ['latest', 'v1.0'])
    assert.equal(await digestOn(mirror.host, `${repo}:v1.1`), c.digest)
  })

  test('interval: a run within it is skipped unless --force', async () => {
    const repo = 'sync-e2e/interval'
    await tagUpstream(repo, a, ['1'])
    const file = config('interval', [
      '  - name: interval',
      `    source: \${UPSTREAM}/${repo}`,
      `    target: \${MIRROR}/${repo}`,
      '    tags: "*"',
      '    interval: 1h'
    ].join('\n'))
    assert.equal(only(await syncJson(file)).status, 'synced')
    const again = only(await syncJson(file))
    assert.equal(again.status, 'skipped')
    assert.match(again.reason ?? '', /interval 1h not elapsed/)
    const forced = only(await syncJson(file, ['--force']))
    assert.equal(forced.status, 'up-to-date')
    assert.deepEqual(forced.unchanged, ['1'])
  })

  test('delete-unmatched removes a tag no longer selected; a tag sharing its image survives', async () => {
    const repo = 'sync-e2e/prune'
    await tagUpstream(repo, a, ['keep', 'old', 'sha256-ignored'])
    const entry = (tags: string, extra = '') =>
      [
        '  - name: prune',
        `    source: \${UPSTREAM}/${repo}`,
        `    target: \${MIRROR}/${repo}`,
        `    tags: ${tags}`,
        extra
      ].join('\n')
    const all = only(await syncJson(config('prune-all', entry('"*"'))))
    assert.deepEqual(all.copied, ['keep', 'old', 'sha256-ignored'])
    const pruned = only(await syncJson(config('prune-keep', entry('[keep]', '    delete-unmatched: true'))))
    assert.equal(pruned.status, 'synced')
    assert.deepEqual(pruned.deleted, ['old'])
    assert.deepEqual(await targetTags(repo), ['keep', 'sha256-ignored'])
    assert.equal(await digestOn(mirror.host, `${repo}:keep`), a.digest)
  })

  test('a lease held by another run: the entry is skipped and says by whom', async () => {
    const repo = 'sync-e2e/leased'
    await tagUpstream(repo, a, ['1'])
    const file = config('leased', [
      '  - name: leased',
      `    source: \${UPSTREAM}/${repo}`,
      `    target: \${MIRROR}/${repo}`,
      '    tags: "*"'
    ].join('\n'))
    const store = new StateStore(client, { registry: mirror.host, repository: 'image-mirror-state' })
    const held = await store.acquire('leased', 'other-run', 60 * 60 * 1000, new Date())
    assert.equal(held.acquired, true)
    const run = await runSync(file)
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /leased: skipped .*leased by other-run until \d{4}-/)
    assert.deepEqual(await targetTags(repo), [])
    await store.release(held.state)
    assert.equal(only(await syncJson(file)).status, 'synced')
  })

  test('webhook receives started and succeeded; its URL never shows', async () => {
    const bodies: Array<{ text: string; event: string }> = []
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string; event: string })
        res.end('ok')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T0SECRET`
      const repo = 'sync-e2e/hooked'
      await tagUpstream(repo, b, ['1'])
      const file = config(
        'hooked',
        ['  - name: hooked', `    source: \${UPSTREAM}/${repo}`, `    target: \${MIRROR}/${repo}`, '    tags: "*"'].join('\n'),
        'notifications:\n  webhook: ${HOOK}'
      )
      const summary = join(dir, 'summary.md')
      const run = await runSync(file, ['--summary', summary], { HOOK: url })
      assert.equal(run.code, 0, run.stderr)
      assert.deepEqual(bodies.map((x) => x.event), ['started', 'succeeded'])
      assert.match(bodies[1]?.text ?? '', /sync hooked succeeded: .* \(1 copied/)
      assert.doesNotMatch(run.stdout + run.stderr, /T0SECRET/)
      assert.match(readFileSync(summary, 'utf8'), /\| hooked \| synced \| 1 \| 0 \| 0 \|/)
    } finally {
      server.close()
    }
  })

  test('rollback: a copy failing mid-entry puts back the moved tag and removes the new one', async () => {
    const repo = 'sync-e2e/rollback'
    await tagUpstream(repo, a, ['a-moved', 'z-broken'])
    const file = config('rollback', [
      '  - name: rollback',
      `    source: \${UPSTREAM}/${repo}`,
      `    target: \${MIRROR}/${repo}`,
      '    tags: "*"',
      '    rollback: true'
    ].join('\n'))
    assert.equal(only(await syncJson(file)).status, 'synced')
    // Upstream moves a-moved, adds m-new, and z-broken now names an image one of whose blobs is gone.
    await tagUpstream(repo, b, ['a-moved', 'm-new'])
    const broken = await buildImage({ registry: upstream, repository: repo, tag: 'z-broken', layers: [5_000] })
    const manifest = JSON.parse((await client.getManifest({ registry: upstream.host, repository: repo, digest: broken.digest })).bytes.toString('utf8')) as { layers: Array<{ digest: string }> }
    const gone = await fetch(`http://${upstream.host}/v2/${repo}/blobs/${manifest.layers[0]?.digest}`, { method: 'DELETE' })
    assert.equal(gone.status, 202)

    const run = await runSync(file, ['--json'])
    assert.equal(run.code, 1)
    const entry = only(JSON.parse(run.stdout) as SyncReport)
    assert.equal(entry.status, 'failed')
    assert.deepEqual(entry.failed.map((f) => f.tag), ['z-broken'])
    assert.deepEqual(entry.rolledBack?.restored, ['a-moved'])
    assert.deepEqual(entry.rolledBack?.removed, ['m-new'])
    assert.equal(await digestOn(mirror.host, `${repo}:a-moved`), a.digest)
    assert.equal(await digestOn(mirror.host, `${repo}:z-broken`), a.digest)
    assert.deepEqual(await targetTags(repo), ['a-moved', 'z-broken'])
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('image-mirror sync:'))
    assert.equal(errors.length, 1)
    assert.match(errors[0] ?? '', /rollback: .*z-broken/)
  })

  test('--dry-run says what it would copy and writes nothing, not even state', async () => {
    const repo = 'sync-e2e/dry'
    await tagUpstream(repo, a, ['1', '2'])
    const file = config('dry', [
      '  - name: dry',
      `    source: \${UPSTREAM}/${repo}`,
      `    target: \${MIRROR}/${repo}`,
      '    tags: "*"'
    ].join('\n'))
    const dry = only(await syncJson(file, ['--dry-run']))
    assert.equal(dry.status, 'dry-run')
    assert.deepEqual(dry.copied, ['1', '2'])
    assert.deepEqual(await targetTags(repo), [])
    const state = await new StateStore(client, { registry: mirror.host, repository: 'image-mirror-state' }).read('dry')
    assert.deepEqual(state, { entry: 'dry', digests: {} })
  })

  test('platforms: only the named platform is copied, and the next run sees the tag as unchanged', async () => {
    const repo = 'sync-e2e/multi'
    const index = await buildIndex({ registry: upstream, repository: repo, tag: '1' })
    const file = config('multi', [
      '  - name: multi',
      `    source: \${UPSTREAM}/${repo}`,
      `    target: \${MIRROR}/${repo}`,
      '    tags: "*"',
      '    platforms: [linux/amd64]'
    ].join('\n'))
    assert.deepEqual(only(await syncJson(file)).copied, ['1'])
    const copied = JSON.parse((await skopeoRaw(`${mirror.host}/${repo}:1`, mirror)).toString('utf8')) as {
      manifests: Array<{ digest: string }>
    }
    assert.deepEqual(copied.manifests.map((m) => m.digest), [index.children[0]])
    const again = only(await syncJson(file))
    assert.equal(again.status, 'up-to-date')
    assert.deepEqual(again.unchanged, ['1'])
  })

  test('--shard I/N splits the entries deterministically and completely', async () => {
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot']
    const file = config('shards', names.map((n) => [
      `  - name: ${n}`,
      `    source: \${UPSTREAM}/sync-e2e/shard-${n}`,
      `    target: \${MIRROR}/sync-e2e/shard-${n}`,
      '    tags: "*"'
    ].join('\n')).join('\n'))
    const slice = async (shard: string) => (await syncJson(file, ['--dry-run', '--shard', shard])).entries.map((e) => e.name)
    const [one, two, three] = [await slice('1/3'), await slice('2/3'), await slice('3/3')]
    assert.deepEqual([...one, ...two, ...three].sort(), names)
    assert.deepEqual(await slice('2/3'), two)
    assert.ok([one, two, three].filter((s) => s.length > 0).length >= 2, 'entries spread over several shards')
  })

  const bad: Array<{ name: string; yaml?: string; args?: string[]; error: RegExp }> = [
    { name: 'an empty tag pattern', yaml: '  - source: ${UPSTREAM}/x\n    target: ${MIRROR}/y\n    tags: ""', error: /tags/ },
    { name: 'a bad interval', yaml: '  - source: ${UPSTREAM}/x\n    target: ${MIRROR}/y\n    tags: "*"\n    interval: soon', error: /interval/ },
    { name: 'a bad shard', yaml: '  - source: ${UPSTREAM}/x\n    target: ${MIRROR}/y\n    tags: "*"', args: ['--shard', '3/2'], error: /shard "3\/2"/ }
  ]
  for (const tc of bad) {
    test(`bad input, ${tc.name}: one-line error`, async () => {
      const run = await runSync(config(`bad-${tc.name.replaceAll(' ', '-')}`, tc.yaml ?? ''), tc.args ?? [])
      assert.notEqual(run.code, 0)
      const lines = run.stderr.trim().split('\n')
      assert.equal(lines.length, 1, run.stderr)
      assert.match(lines[0] ?? '', tc.error)
    })
  }
})
