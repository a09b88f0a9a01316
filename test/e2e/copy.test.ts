import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { buildImage, buildIndex } from '../helpers/images.js'
import { runCli } from '../helpers/run-cli.js'
import { skopeoCopy, skopeoDigest, skopeoRaw } from '../helpers/skopeo.js'

const { registries } = testEnv()
const plain = registries.plain
const plain2 = registries.plain2

/** A docker config dir holding credentials for the given registries. */
function dockerConfig(entries: Array<{ host: string; username: string; password: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'im-copy-config-'))
  const auths = Object.fromEntries(
    entries.map((e) => [e.host, { auth: Buffer.from(`${e.username}:${e.password}`).toString('base64') }])
  )
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths }))
  return dir
}

describe('copy', () => {
  let image: { ref: string; digest: string }
  let index: { ref: string; digest: string; children: string[] }

  before(async () => {
    ;[image, index] = await Promise.all([
      buildImage({ registry: plain, repository: 'copy/app', tag: 'v1', layers: [300_000, 200_000, 100_000] }),
      buildIndex({ registry: plain, repository: 'copy/multi', tag: 'v1' })
    ])
  })

  test('copies an image to another registry with the digest skopeo reports for the source', async () => {
    const dst = `${plain2.host}/copy/app:v1`
    const run = await runCli(['copy', image.ref, dst, '--insecure', '--json'])
    assert.equal(run.code, 0, run.stderr)
    const result = JSON.parse(run.stdout)
    assert.equal(result.status, 'copied')
    assert.equal(result.digest, await skopeoDigest(image.ref, plain))
    assert.equal(await skopeoDigest(dst, plain2), result.digest)
    assert.equal(result.blobs.uploaded, 4, 'config and three layers')
    // skopeo pulls what image-mirror pushed, verifying every blob.
    await skopeoCopy(dst, `dir:${mkdtempSync(join(tmpdir(), 'im-pull-'))}`, plain2)
  })

  test('a repeat copy transfers nothing', async () => {
    const dst = `${plain2.host}/copy/app:v1`
    await runCli(['copy', image.ref, dst, '--insecure'])
    const run = await runCli(['copy', image.ref, dst, '--insecure', '--json'])
    assert.equal(run.code, 0, run.stderr)
    const result = JSON.parse(run.stdout)
    assert.equal(result.status, 'skipped')
    assert.deepEqual(result.blobs, { uploaded: 0, mounted: 0, skipped: 0, bytes: 0 })
  })

  test('a new tag whose blobs the target repository has: one session opened with the HEADs, cancelled, no data left', async () => {
    const repository = 'copy/early-sessions'
    const first = await runCli(['copy', image.ref, `${plain2.host}/${repository}:v1`, '--insecure'])
    assert.equal(first.code, 0, first.stderr)
    const trace = join(mkdtempSync(join(tmpdir(), 'im-early-')), 'trace.jsonl')
    const run = await runCli(['copy', image.ref, `${plain2.host}/${repository}:v2`, '--insecure', '--json'], {
      env: { IMAGE_MIRROR_TRACE: trace }
    })
    assert.equal(run.code, 0, run.stderr)
    assert.deepEqual(JSON.parse(run.stdout).blobs, { uploaded: 0, mounted: 0, skipped: 4, bytes: 0 })
    const requests = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { method: string; status: number })
    const posts = requests.filter((r) => r.method === 'POST')
    const deletes = requests.filter((r) => r.method === 'DELETE')
    assert.equal(posts.length, 1, 'one session, for the largest blob, went out with the HEADs')
    assert.equal(deletes.length, 1, 'and it is cancelled')
    assert.equal(deletes[0]!.status, 204)
    // distribution 2.8 rewrites a cancelled session's hash state as the DELETE ends, so its
    // directory stays until the registry's upload purge; no data is left in it.
    const uploads = join(plain2.dir, 'data', 'docker', 'registry', 'v2', 'repositories', repository, '_uploads')
    for (const session of existsSync(uploads) ? readdirSync(uploads) : []) {
      assert.deepEqual(readdirSync(join(uploads, session)), ['hashstates'], `upload ${session}`)
    }
    assert.equal(await skopeoDigest(`${plain2.host}/${repository}:v2`, plain2), image.digest)
  })

  test('a multi-platform index arrives byte for byte', async () => {
    const dst = `${plain2.host}/copy/multi:v1`
    const run = await runCli(['copy', index.ref, dst, '--insecure'])
    assert.equal(run.code, 0, run.stderr)
    assert.deepEqual(await skopeoRaw(dst, plain2), await skopeoRaw(index.ref, plain))
    for (const child of index.children) {
      assert.equal(await skopeoDigest(`${plain2.host}/copy/multi@${child}`, plain2), child)
    }
  })

  test('--platform keeps only the selected platforms in a new index', async () => {
    const dst = `${plain2.host}/copy/multi-arm:v1`
    const run = await runCli(['copy', index.ref, dst, '--insecure', '--platform', 'linux/arm64', '--json'])
    assert.equal(run.code, 0, run.stderr)
    const result = JSON.parse(run.stdout)
    assert.notEqual(result.digest, index.digest)
    assert.deepEqual(result.platforms, ['linux/arm64/v8'])
    const copied = JSON.parse((await skopeoRaw(dst, plain2)).toString())
    assert.equal(copied.manifests.length, 1)
    assert.equal(copied.manifests[0].platform.architecture, 'arm64')
  })

  test('mounts blobs between repositories of the same registry', async () => {
    const run = await runCli(['copy', image.ref, `${plain.host}/copy/mounted:v1`, '--insecure', '--json'])
    assert.equal(run.code, 0, run.stderr)
    const result = JSON.parse(run.stdout)
    assert.equal(result.blobs.mounted, 4)
    assert.equal(result.blobs.uploaded, 0)
  })

  for (const variant of ['basic', 'token'] as const) {
    test(`copies into a registry with ${variant} auth using docker config.json credentials`, async () => {
      const reg = registries[variant]
      const config = dockerConfig([{ host: reg.host, username: reg.username!, password: reg.password! }])
      const dst = `${reg.host}/copy/app:v1`
      const run = await runCli(['copy', image.ref, dst, '--insecure'], { env: { DOCKER_CONFIG: config } })
      assert.equal(run.code, 0, run.stderr)
      assert.equal(await skopeoDigest(dst, reg), image.digest)
    })

    test(`a wrong password on ${variant} auth ends in one line without the secret`, async () => {
      const reg = registries[variant]
      const config = dockerConfig([{ host: reg.host, username: reg.username!, password: 'not-the-password' }])
      const run = await runCli(['copy', image.ref, `${reg.host}/copy/denied:v1`, '--insecure'], {
        env: { DOCKER_CONFIG: config }
      })
      assert.equal(run.code, 1)
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr)
      assert.match(run.stderr, new RegExp(reg.host.replace(/\./g, '\\.')))
      assert.doesNotMatch(run.stderr, /not-the-password|at .*\.js/)
    })
  }

  test('verifies TLS with --ca-file and refuses an unknown CA without it', async () => {
    const tls = registries.tls
    const src = `${tls.host}/copy/app:v1`
    await skopeoCopy(image.ref, src, tls, plain)
    const dst = `${tls.host}/copy/app-ca:v1`
    const refused = await runCli(['copy', src, dst])
    assert.notEqual(refused.code, 0)
    assert.match(refused.stderr, /certificate/i)
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr)
    const run = await runCli(['copy', src, dst, '--ca-file', tls.caFile!])
    assert.equal(run.code, 0, run.stderr)
    assert.equal(await skopeoDigest(dst, tls), image.digest)
  })

  const badInputs: Array<{ name: string; args: string[]; message: RegExp }> = [
    { name: 'a malformed reference', args: ['copy', 'Not A Ref', 'x/y:z'], message: /invalid reference "Not A Ref"/ },
    { name: 'an uppercase repository', args: ['copy', 'ghcr.io/Owner/repo', 'x/y:z'], message: /must be lowercase/ },
    {
      name: 'an unreachable registry',
      args: ['copy', '127.0.0.1:1/none/such:v1', `127.0.0.1:1/x:y`, '--insecure'],
      message: /cannot reach registry 127\.0\.0\.1:1/
    },
    {
      name: 'a missing repository',
      args: ['copy', `${plain.host}/copy/does-not-exist:v1`, `${plain2.host}/copy/x:v1`, '--insecure'],
      message: /not found/
    },
    { name: 'an unknown option', args: ['copy', 'a', 'b', '--frobnicate'], message: /unknown option/i },
    { name: 'a bad platform', args: ['copy', 'a', 'b', '--platform', 'linux'], message: /invalid platform "linux"/ }
  ]
  for (const tc of badInputs) {
    test(`${tc.name} ends in one clear line and a non-zero exit`, async () => {
      const run = await runCli(tc.args)
      assert.notEqual(run.code, 0)
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr)
      assert.match(run.stderr, tc.message)
    })
  }
})
