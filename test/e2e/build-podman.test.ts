// `image-mirror build --builder podman` with the real podman (Debian's
// package, no daemon: chroot isolation, vfs storage in this file's temp dir)
// against the shared registries. A spy named `podman`, first on PATH, logs
// every invocation before it runs the real one: how the tests see whether a
// build ran and which flags podman accepted.
import assert from 'node:assert/strict'
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { spyOnCommand } from '../helpers/command-spy.js'
import { testEnv } from '../helpers/env.js'
import { copyApp, runBuild } from '../helpers/build-cli.js'
import { skopeoDigest, skopeoInspect, skopeoRaw } from '../helpers/skopeo.js'

const { registries } = testEnv()
const plain = registries.plain

const work = mkdtempSync(join(tmpdir(), 'im-build-podman-test-'))
const spy = spyOnCommand('podman', work)

after(() => rmSync(work, { recursive: true, force: true }))

const setup = { builder: 'podman', spyBin: spy.bin, work }

/** A fresh copy of a fixture app with a unique file: every test builds its own content tag. */
function app(name: string): string {
  const dir = copyApp(work, name)
  appendFileSync(join(dir, 'Dockerfile'), `# ${dir}\n`)
  return dir
}

/** Runs `image-mirror build --builder podman --json` with the spy and a request trace. */
const build = (args: string[], env: Record<string, string> = {}) => runBuild(setup, ['--json', ...args], env)

/** The podman subcommand of a logged command line: build, push, manifest… (after the storage flags). */
const verb = (call: string) => call.split(' ').find((w) => ['build', 'push', 'manifest'].includes(w))

const SECRET_VALUE = 'podman-secret-value-9c1e'

describe('build --builder podman', () => {
  test('a miss builds and pushes with podman; the same inputs again are a hit with no podman run', async () => {
    const dir = app('web')
    const secretFile = join(work, 'npmrc')
    writeFileSync(secretFile, SECRET_VALUE)
    const image = `${plain.host}/build-podman/web`
    // Every flag image-mirror passes podman: build arg, label, both kinds of secret.
    const args = [
      '--image', image, '--context', dir, '--insecure', '--build-arg', 'GREETING=hi', '--label', 'org.opencontainers.image.vendor=acme',
      '--secret', `id=npmrc,src=${secretFile}`, '--secret', 'id=token,env=IM_PODMAN_TOKEN'
    ]
    const env = { IM_PODMAN_TOKEN: SECRET_VALUE, CI_COMMIT_SHA: 'b'.repeat(40) }
    spy.calls()
    const first = await build(args, env)
    assert.equal(first.code, 0, first.stderr)
    assert.equal(first.json.cacheHit, false)
    assert.equal(first.json.builder, 'podman')
    const calls = spy.calls()
    assert.deepEqual(calls.map(verb), ['build', 'build', 'push'], 'podman builds, builds again from its cache with the build time, pushes')
    assert.ok(calls.filter((c) => verb(c) === 'build').every((c) => c.includes('--isolation chroot')), 'chroot isolation')
    assert.ok(!calls.join('\n').includes(SECRET_VALUE), 'the secret value never reaches the command line')
    assert.ok(!first.stderr.includes(SECRET_VALUE), 'nor the logs')
    // skopeo, the independent peer, sees the digest podman reported.
    assert.equal(await skopeoDigest(first.json.image, plain), first.json.digest)
    const labels = (await skopeoInspect(first.json.image, plain)).Labels as Record<string, string>
    assert.equal(labels['io.image-mirror.content-tag'], first.json.tag)
    assert.equal(labels['org.opencontainers.image.revision'], env.CI_COMMIT_SHA)
    assert.equal(labels['org.opencontainers.image.vendor'], 'acme')
    assert.match(labels['io.image-mirror.build-seconds'] ?? '', /^\d+\.\d$/)

    const second = await build(args, env)
    assert.equal(second.code, 0, second.stderr)
    assert.equal(second.json.cacheHit, true)
    assert.equal(second.json.digest, first.json.digest)
    assert.deepEqual(spy.calls(), [], 'no podman run on a hit')
    assert.deepEqual(
      second.trace.filter((t) => t.url.includes('/manifests/')).map((t) => `${t.method} ${t.status}`),
      ['HEAD 200']
    )
  })

  // Works without emulation because the Containerfile has only COPY (no RUN):
  // podman build --platform a,b --manifest, then podman manifest push --all.
  test('several platforms build one index with podman; the index digest is verified', async () => {
    const dir = app('multi')
    const image = `${plain.host}/build-podman/multi`
    const run = await build(['--image', image, '--context', dir, '--insecure', '--platform', 'linux/amd64,linux/arm64'])
    assert.equal(run.code, 0, run.stderr)
    assert.ok(spy.calls().some((c) => c.includes('manifest push --all')), 'podman pushed a manifest list')
    const index = JSON.parse((await skopeoRaw(run.json.image, plain)).toString('utf8'))
    assert.equal(index.mediaType, 'application/vnd.oci.image.index.v1+json')
    assert.deepEqual(index.manifests.map((m: any) => `${m.platform.os}/${m.platform.architecture}`).sort(), ['linux/amd64', 'linux/arm64'])
    assert.equal(await skopeoDigest(run.json.image, plain), run.json.digest)
  })

  test('pushes to an htpasswd registry with the credentials of DOCKER_AUTH_CONFIG, through an auth file', async () => {
    const basic = registries.basic
    const dir = app('web')
    const image = `${basic.host}/build-podman/basic`
    const auth = Buffer.from(`${basic.username}:${basic.password}`).toString('base64')
    const env = { DOCKER_AUTH_CONFIG: JSON.stringify({ auths: { [basic.host]: { auth } } }) }
    const first = await build(['--image', image, '--context', dir, '--insecure'], env)
    assert.equal(first.code, 0, first.stderr)
    assert.equal(first.json.cacheHit, false)
    const calls = spy.calls()
    const pushes = calls.filter((c) => verb(c) === 'push')
    assert.equal(pushes.length, 1)
    const authFile = /--authfile (\S+\/auth\.json) /.exec(pushes[0]!)?.[1]
    assert.ok(authFile, `the push gets an auth file: ${pushes[0]}`)
    assert.ok(!existsSync(authFile), 'the auth file is removed after the build')
    assert.ok(!calls.join('\n').includes(basic.password!), 'the password is not on the command line')
    assert.ok(!first.stderr.includes(basic.password!), 'nor in the logs')
    assert.equal(await skopeoDigest(first.json.image, basic), first.json.digest)
    const second = await build(['--image', image, '--context', dir, '--insecure'], env)
    assert.equal(second.code, 0, second.stderr)
    assert.equal(second.json.cacheHit, true)
    assert.deepEqual(spy.calls(), [])
  })

  test('a DOCKER_CONFIG directory without a config.json does not stop the push', async () => {
    // podman would take $DOCKER_CONFIG/config.json as its auth file and fail on the missing file.
    const dir = app('web')
    const run = await build(['--image', `${plain.host}/build-podman/empty-config`, '--context', dir, '--insecure'], {
      DOCKER_CONFIG: mkdtempSync(join(work, 'empty-docker-config-'))
    })
    assert.equal(run.code, 0, run.stderr)
    assert.equal(await skopeoDigest(run.json.image, plain), run.json.digest)
  })

  test('pushes to a TLS registry trusting --ca-file through a cert dir', async () => {
    const tls = registries.tls
    const dir = app('web')
    // No --insecure: podman must verify the registry's certificate with the CA.
    const run = await build(['--image', `${tls.host}/build-podman/tls`, '--context', dir, '--ca-file', tls.caFile!])
    assert.equal(run.code, 0, run.stderr)
    assert.ok(spy.calls().some((c) => c.includes('--cert-dir ') && !c.includes('--tls-verify=false')), 'podman got the CA')
    assert.equal(await skopeoDigest(run.json.image, tls), run.json.digest)
  })
})
