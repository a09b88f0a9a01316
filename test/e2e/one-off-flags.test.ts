import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { buildImage, type PushedImage } from '../helpers/images.js'
import { REPO_ROOT, runCli } from '../helpers/run-cli.js'
import { skopeoDigest, skopeoListTags } from '../helpers/skopeo.js'

const { registries } = testEnv()
const upstream = registries.plain
const target = registries.plain2
// A directory with no .image-mirror.yml: one-off runs must not need one.
const empty = mkdtempSync(join(tmpdir(), 'im-one-off-'))

describe('flags for one-off runs', () => {
  let v1: PushedImage
  before(async () => {
    v1 = await buildImage({ registry: upstream, repository: 'one-off/app', tag: 'v1.0', layers: [2000] })
    await buildImage({ registry: upstream, repository: 'one-off/app', tag: 'v1.1-rc1', layers: [2001] })
  })

  test('sync --source/--target/--tags syncs one entry without a config file', async () => {
    const run = await runCli(
      ['sync', '--source', `${upstream.host}/one-off/app`, '--target', `${target.host}/one-off/app`,
        '--tags', 'v1*', '--tags', '!*-rc*', '--insecure', '--json'],
      { cwd: empty }
    )
    assert.equal(run.code, 0, run.stderr)
    assert.deepEqual(await skopeoListTags(`${target.host}/one-off/app`, target), ['v1.0'])
    assert.equal(await skopeoDigest(`${target.host}/one-off/app:v1.0`, target), v1.digest)
  })

  test('one-off sync flags are checked like the config file', async () => {
    const cases: Array<{ args: string[]; message: RegExp }> = [
      { args: ['--target', `${target.host}/x`], message: /--target describes a one-off entry and needs --source/ },
      { args: ['--source', `${upstream.host}/one-off/app`], message: /--source needs --target/ },
      { args: ['--source', `${upstream.host}/one-off/app`, '--target', `${target.host}/x`, '--tags', '!'], message: /tags/ },
      { args: ['--source', 'Not/Valid', '--target', `${target.host}/x`], message: /Not\/Valid/ }
    ]
    for (const tc of cases) {
      const run = await runCli(['sync', ...tc.args, '--insecure'], { cwd: empty })
      assert.notEqual(run.code, 0)
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr)
      assert.match(run.stderr, tc.message)
    }
  })

  test('mirror --mirror-registry and --mode override the config file', async () => {
    await buildImage({ registry: upstream, repository: 'mirror/postgres', tag: '16', layers: [1500] })
    await buildImage({ registry: upstream, repository: 'mirror/team/api', tag: 'stable', layers: [1501] })
    const config = join(REPO_ROOT, 'test', 'fixtures', 'config', 'mirror-cluster.yml')
    // The file names another mirror registry (${MIRROR}); the flag wins.
    const run = await runCli(
      ['mirror', '--config', config, '--mirror-registry', target.host, '--mode', 'cluster', '--insecure', '--json'],
      { env: { UPSTREAM: upstream.host, MIRROR: '127.0.0.1:1', DEAD: '127.0.0.1:1' } }
    )
    assert.equal(run.code, 0, run.stderr)
    const results = JSON.parse(run.stdout) as Array<{ mirror: string; status: string }>
    assert.equal(results.length, 2)
    for (const r of results) assert.ok(r.mirror.startsWith(`${target.host}/mirror-cl/cluster:`), r.mirror)
    const bad = await runCli(['mirror', '--config', config, '--mode', 'galaxy'], {
      env: { UPSTREAM: upstream.host, MIRROR: target.host, DEAD: '127.0.0.1:1' }
    })
    assert.notEqual(bad.code, 0)
    assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr)
    assert.match(bad.stderr, /galaxy/)
  })
})
