// The GitHub action's promote and mirror commands, run the way the runner
// runs them (the committed dist bundle, INPUT_* variables with action.yml
// defaults, file commands) with a config file from the workspace, against
// real registries; skopeo checks what they wrote.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { buildImage } from '../helpers/images.js'
import { REPO_ROOT, runAction, type ActionRun } from '../helpers/runner.js'
import { skopeoDigest } from '../helpers/skopeo.js'

const { registries } = testEnv()
/** Stands for the CI registry images are built into, and for upstream registries. */
const upstream = registries.plain
/** Stands for the production registry and the mirror registry. */
const dest = registries.plain2

/** A fresh workspace holding the surfaces config fixtures. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'im-action-config-'))
  cpSync(join(REPO_ROOT, 'test/fixtures/surfaces'), dir, { recursive: true })
  return dir
}

function action(ws: string, prefix: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    cwd: ws,
    inputs,
    env: {
      // An empty home: no docker config of the machine running the tests.
      HOME: mkdtempSync(join(tmpdir(), 'im-action-home-')),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_REF_NAME: 'main',
      SRC: upstream.host,
      DEST: dest.host,
      UPSTREAM: upstream.host,
      MIRROR: dest.host,
      PREFIX: prefix,
      // Nothing listens on port 1.
      DEAD: '127.0.0.1:1'
    }
  })
}

function errors(run: ActionRun): string[] {
  return run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
}

function assertSucceeded(run: ActionRun): void {
  assert.equal(run.exitCode, 0, `action failed:\n${run.stdout}\n${run.stderr}`)
  assert.deepEqual(errors(run), [])
}

const prefix = () => `surf-${randomBytes(4).toString('hex')}`

describe('action: promote', () => {
  const ws = workspace()
  const p = prefix()
  const inputs = (tag: string, extra: Record<string, string> = {}) => ({
    command: 'promote',
    config: 'promote.yml',
    reference: `${upstream.host}/${p}/app:${tag}`,
    ...extra
  })

  test('promotes a tag: the output lists the destination, the registry holds the digest', async () => {
    const image = await buildImage({ registry: upstream, repository: `${p}/app`, tag: 'v1.0.0', layers: [512] })
    const run = await action(ws, p, inputs('v1.0.0'))
    assertSucceeded(run)
    const promoted = JSON.parse(run.outputs.promoted ?? 'null') as Array<Record<string, string>>
    assert.equal(promoted.length, 1)
    assert.deepEqual(
      { ...promoted[0], policy: undefined },
      {
        source: `${upstream.host}/${p}/app:v1.0.0@${image.digest}`,
        destination: `${dest.host}/${p}/app:v1.0.0`,
        digest: image.digest,
        status: 'copied',
        policy: undefined
      }
    )
    assert.equal(await skopeoDigest(`${dest.host}/${p}/app:v1.0.0`, dest), image.digest)
    assert.match(run.summary, /image-mirror promote/)
    assert.match(run.summary, new RegExp(`${p}/app:v1.0.0`))
    assert.match(run.summary, /copied/)
  })

  test('a dry run reports what it would do and writes nothing', async () => {
    await buildImage({ registry: upstream, repository: `${p}/app`, tag: 'v1.1.0', layers: [256] })
    const run = await action(ws, p, inputs('v1.1.0', { 'dry-run': 'true' }))
    assertSucceeded(run)
    const promoted = JSON.parse(run.outputs.promoted ?? 'null') as Array<Record<string, string>>
    assert.equal(promoted[0]?.status, 'would-copy')
    await assert.rejects(skopeoDigest(`${dest.host}/${p}/app:v1.1.0`, dest), 'nothing was written')
  })

  test('a destination tag that points at another image is refused: one ::error:: line, the step fails', async () => {
    const before = await skopeoDigest(`${dest.host}/${p}/app:v1.0.0`, dest)
    // The upstream tag moves to another image: promoting it again must not move production.
    await buildImage({ registry: upstream, repository: `${p}/app`, tag: 'v1.0.0', layers: [600] })
    const run = await action(ws, p, inputs('v1.0.0'))
    assert.notEqual(run.exitCode, 0)
    const errs = errors(run)
    assert.equal(errs.length, 1, run.stdout)
    assert.doesNotMatch(errs[0] as string, /\n/)
    assert.match(errs[0] as string, new RegExp(`${dest.host}/${p}/app:v1.0.0`))
    const promoted = JSON.parse(run.outputs.promoted ?? 'null') as Array<Record<string, string>>
    assert.equal(promoted[0]?.status, 'refused', 'the output is written before the step fails')
    assert.equal(await skopeoDigest(`${dest.host}/${p}/app:v1.0.0`, dest), before)
    assert.match(run.summary, /refused/)
  })

  test('bad inputs fail with one line naming the input', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ command: 'promote', config: 'promote.yml' }, /input "reference" is required/],
      [{ command: 'promote', config: 'promote.yml', reference: 'Not A Ref' }, /input "reference" is not a valid image reference/],
      [{ command: 'promote', config: 'missing.yml', reference: `${upstream.host}/${p}/app:v1` }, /missing\.yml/],
      [{ command: 'sink' }, /input "command" must be one of build, promote, mirror, sync/]
    ]
    for (const [inputs, expected] of cases) {
      const run = await action(ws, p, inputs)
      assert.notEqual(run.exitCode, 0)
      const errs = errors(run)
      assert.equal(errs.length, 1, run.stdout)
      assert.match(errs[0] as string, expected)
    }
  })
})

describe('action: mirror', () => {
  const ws = workspace()
  const p = prefix()
  const sources = [`${upstream.host}/${p}/postgres:16`, `${upstream.host}/${p}/team/api:stable`]

  before(async () => {
    await buildImage({ registry: upstream, repository: `${p}/postgres`, tag: '16', layers: [512] })
    await buildImage({ registry: upstream, repository: `${p}/team/api`, tag: 'stable', layers: [256, 128] })
  })

  test('mirrors two images: the images output maps each source to mirror@digest', async () => {
    const run = await action(ws, p, { command: 'mirror', config: 'mirror.yml' })
    assertSucceeded(run)
    const images = JSON.parse(run.outputs.images ?? 'null') as Record<string, string>
    assert.deepEqual(Object.keys(images).sort(), [...sources].sort())
    for (const source of sources) {
      const pinned = images[source] as string
      assert.match(pinned, new RegExp(`^${dest.host}/${p}/cluster:[^@]+@sha256:[0-9a-f]{64}$`))
      const [mirrorRef, digest] = pinned.split('@') as [string, string]
      assert.equal(await skopeoDigest(source, upstream), digest, 'the upstream digest')
      assert.equal(await skopeoDigest(mirrorRef, dest), digest, 'the mirror holds it under its tag')
      assert.match(run.summary, new RegExp(source.replace(/[.]/g, '\\.')))
    }
    assert.match(run.summary, /copied/)
  })

  test('an unreachable source fails the step with one line; the other image is mirrored and in the output', async () => {
    const run = await action(ws, p, { command: 'mirror', config: 'mirror-partial.yml' })
    assert.notEqual(run.exitCode, 0)
    const errs = errors(run)
    assert.equal(errs.length, 1, run.stdout)
    assert.match(errs[0] as string, /127\.0\.0\.1:1/)
    const images = JSON.parse(run.outputs.images ?? 'null') as Record<string, string>
    assert.deepEqual(Object.keys(images), [sources[0]])
    const [mirrorRef, digest] = (images[sources[0]!] as string).split('@') as [string, string]
    assert.equal(await skopeoDigest(mirrorRef, dest), digest)
    assert.match(run.summary, /failed/)
  })

  test('an invalid config file fails with one line naming the file', async () => {
    const run = await action(ws, p, { command: 'mirror', config: 'invalid.yml' })
    assert.notEqual(run.exitCode, 0)
    const errs = errors(run)
    assert.equal(errs.length, 1, run.stdout)
    assert.match(errs[0] as string, /invalid\.yml/)
    assert.equal(run.outputs.images, undefined, 'no output from a config that was not read')
  })

  test('a second run finds both up to date', async () => {
    const run = await action(ws, p, { command: 'mirror', config: 'mirror.yml' })
    assertSucceeded(run)
    assert.equal(Object.keys(JSON.parse(run.outputs.images ?? '{}')).length, 2)
    assert.match(run.summary, /up-to-date/)
    assert.doesNotMatch(run.summary, /copied/)
  })
})

describe('action: sync', () => {
  const ws = workspace()
  const p = prefix()

  interface Entry {
    name: string
    status: string
    copied: string[]
    unchanged: string[]
  }

  test('syncs the selected tags: the synced report lists them, the mirror holds their digests', async () => {
    const v1 = await buildImage({ registry: upstream, repository: `${p}/tool`, tag: 'v1', layers: [200] })
    const v2 = await buildImage({ registry: upstream, repository: `${p}/tool`, tag: 'v2', layers: [300] })
    await buildImage({ registry: upstream, repository: `${p}/tool`, tag: 'v3-rc1', layers: [100] })
    const run = await action(ws, p, { command: 'sync', config: 'sync.yml' })
    assertSucceeded(run)
    const report = JSON.parse(run.outputs.synced ?? 'null') as { entries: Entry[] }
    assert.equal(report.entries.length, 1)
    assert.equal(report.entries[0]?.status, 'synced')
    assert.deepEqual([...(report.entries[0]?.copied ?? [])].sort(), ['v1', 'v2'])
    assert.equal(await skopeoDigest(`${dest.host}/${p}/tool:v1`, dest), v1.digest)
    assert.equal(await skopeoDigest(`${dest.host}/${p}/tool:v2`, dest), v2.digest)
    await assert.rejects(skopeoDigest(`${dest.host}/${p}/tool:v3-rc1`, dest), 'excluded tags stay upstream')
    assert.match(run.summary, /tool/)
  })

  test('a second run finds the entry up to date', async () => {
    const run = await action(ws, p, { command: 'sync', config: 'sync.yml' })
    assertSucceeded(run)
    const report = JSON.parse(run.outputs.synced ?? 'null') as { entries: Entry[] }
    assert.equal(report.entries[0]?.status, 'up-to-date')
    assert.deepEqual(report.entries[0]?.copied, [])
  })

  test('an invalid shard fails with one line naming the input', async () => {
    const run = await action(ws, p, { command: 'sync', config: 'sync.yml', shard: '0/3' })
    assert.notEqual(run.exitCode, 0)
    const errs = errors(run)
    assert.equal(errs.length, 1, run.stdout)
    assert.match(errs[0] as string, /input "shard"/)
  })
})
