// `image-mirror build --builder docker` against a STAND-IN for the docker CLI
// (test/helpers/docker-standin.ts): Docker and BuildKit cannot run on the test
// machines (no daemon), so a `docker` program first on PATH implements the
// documented `docker info` / `docker buildx build` contract image-mirror uses
// and does the build and push with buildah. It rejects any flag outside that
// contract and records each invocation's argv and what it found in
// DOCKER_CONFIG. These tests check what image-mirror sends docker: build args,
// target, platforms, labels, secrets by reference only, the push output and
// metadata file, credentials through a temporary DOCKER_CONFIG removed
// afterwards, and that `auto` picks docker when a daemon answers. The pushed
// image and its digest are real and checked with skopeo. Not covered: BuildKit
// itself (its attestation manifests, media types, cache).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { after, describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { REPO_ROOT, runCli, type CliResult } from '../helpers/run-cli.js'
import { skopeoDigest, skopeoInspect, skopeoRaw } from '../helpers/skopeo.js'

const { registries } = testEnv()
const plain = registries.plain
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'apps')

const work = mkdtempSync(join(tmpdir(), 'im-build-docker-test-'))
const bin = join(work, 'bin')
const callLog = join(work, 'docker-calls.jsonl')
mkdirSync(bin)
writeFileSync(
  join(bin, 'docker'),
  `#!/bin/sh\nexec '${join(REPO_ROOT, 'node_modules', '.bin', 'node')}' '${join(REPO_ROOT, 'test', 'helpers', 'docker-standin.ts')}' "$@"\n`
)
chmodSync(join(bin, 'docker'), 0o755)

after(() => rmSync(work, { recursive: true, force: true }))

interface DockerCall {
  argv: string[]
  dockerConfig?: { dir: string; entries: string[]; mode?: number; auths: Record<string, string> }
}

/** What the stand-in recorded since the last call. */
function dockerCalls(): DockerCall[] {
  if (!existsSync(callLog)) return []
  const calls = readFileSync(callLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DockerCall)
  rmSync(callLog)
  return calls
}

/** Every value given to `flag` in an argv, in order. */
function flagValues(argv: string[], flag: string): string[] {
  return argv.flatMap((arg, i) => (arg === flag && i + 1 < argv.length ? [argv[i + 1] as string] : []))
}

/** A fresh copy of a fixture app with a unique file: every test builds its own content tag. */
function app(name: string): string {
  const dir = mkdtempSync(join(work, `${name}-`))
  cpSync(join(FIXTURES, name), dir, { recursive: true })
  appendFileSync(join(dir, 'Dockerfile'), `# ${dir}\n`)
  return dir
}

/** A user docker config without logins, so the machine's ~/.docker never matters. */
function userConfig(): string {
  const dir = mkdtempSync(join(work, 'user-docker-config-'))
  writeFileSync(join(dir, 'config.json'), '{}')
  return dir
}

/** Runs `image-mirror build --json` with the stand-in first on PATH. */
async function build(args: string[], env: Record<string, string> = {}): Promise<CliResult & { json: any }> {
  const run = await runCli(['build', '--json', ...args], {
    env: {
      PATH: `${bin}${delimiter}${process.env.PATH}`,
      DOCKER_STANDIN_ROOT: join(work, 'standin'),
      DOCKER_STANDIN_LOG: callLog,
      DOCKER_CONFIG: userConfig(),
      ...env
    }
  })
  return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : undefined }
}

const SECRET_VALUE = 'docker-secret-value-4b7d'

describe('build --builder docker (docker buildx stand-in)', () => {
  test('a miss builds and pushes through docker buildx with every input on its command line; a hit runs no docker', async () => {
    const dir = app('web')
    const dockerfile = join(dir, 'Dockerfile.stages')
    writeFileSync(
      dockerfile,
      ['FROM scratch AS base', 'ARG GREETING=hello', 'COPY src/ /srv/www/', '', 'FROM base AS full', 'COPY static/ /srv/www/static/']
        .map((line) => `${line}\n`)
        .join('')
    )
    const secretFile = join(work, 'npmrc')
    writeFileSync(secretFile, SECRET_VALUE)
    const image = `${plain.host}/build-docker/web`
    const args = [
      '--builder', 'docker', '--image', image, '--context', dir, '--dockerfile', dockerfile, '--insecure',
      '--build-arg', 'GREETING=hi', '--target', 'base', '--platform', 'linux/amd64',
      '--label', 'org.opencontainers.image.vendor=acme',
      '--secret', `id=npmrc,src=${secretFile}`, '--secret', 'id=token,env=IM_DOCKER_TOKEN'
    ]
    const env = { IM_DOCKER_TOKEN: SECRET_VALUE, GITHUB_SHA: 'c'.repeat(40), GITHUB_REPOSITORY: 'team/web' }
    dockerCalls()
    const first = await build(args, env)
    assert.equal(first.code, 0, first.stderr)
    assert.equal(first.json.cacheHit, false)
    assert.equal(first.json.builder, 'docker')

    const calls = dockerCalls().map((c) => c.argv)
    assert.equal(calls.length, 2, 'one build, one build-and-push')
    for (const argv of calls) {
      assert.deepEqual(argv.slice(0, 2), ['buildx', 'build'])
      assert.deepEqual(flagValues(argv, '-f'), [dockerfile])
      assert.deepEqual(flagValues(argv, '--build-arg'), ['GREETING=hi'])
      assert.deepEqual(flagValues(argv, '--target'), ['base'])
      assert.deepEqual(flagValues(argv, '--platform'), ['linux/amd64'])
      assert.deepEqual(flagValues(argv, '--secret'), [`id=npmrc,src=${secretFile}`, 'id=token,env=IM_DOCKER_TOKEN'])
      const labels = flagValues(argv, '--label')
      assert.ok(labels.includes(`org.opencontainers.image.revision=${env.GITHUB_SHA}`), labels.join('\n'))
      assert.ok(labels.includes('org.opencontainers.image.source=https://github.com/team/web'))
      assert.ok(labels.includes('org.opencontainers.image.vendor=acme'))
      assert.ok(labels.some((l) => /^org\.opencontainers\.image\.created=\d{4}-\d\d-\d\dT/.test(l)))
      assert.equal(argv.at(-1), dir, 'the context comes last')
    }
    const [buildStep, pushStep] = calls as [string[], string[]]
    assert.deepEqual(flagValues(buildStep, '-t'), [], 'the first step only builds')
    assert.ok(!buildStep.includes('--push') && !buildStep.includes('--output'))
    assert.deepEqual(flagValues(pushStep, '-t'), [first.json.image])
    assert.deepEqual(flagValues(pushStep, '--output'), [`type=image,name=${first.json.image},push=true,registry.insecure=true`])
    assert.equal(flagValues(pushStep, '--metadata-file').length, 1)
    const lastLabel = flagValues(pushStep, '--label').at(-1) ?? ''
    assert.match(lastLabel, /^io\.image-mirror\.build-seconds=\d+\.\d$/, 'the build time is the last label')
    assert.ok(!calls.flat().some((a) => a.includes(SECRET_VALUE)), 'the secret value never reaches the command line')
    assert.ok(!first.stderr.includes(SECRET_VALUE) && !first.stdout.includes(SECRET_VALUE), 'nor the logs')

    // skopeo, the independent peer, sees the digest docker reported in its metadata file.
    assert.equal(await skopeoDigest(first.json.image, plain), first.json.digest)
    const inspected = await skopeoInspect(first.json.image, plain)
    assert.equal((inspected.Layers as string[]).length, 1, 'the build stopped at --target base')
    assert.equal((inspected.Labels as Record<string, string>)['io.image-mirror.content-tag'], first.json.tag)

    const second = await build(args, env)
    assert.equal(second.code, 0, second.stderr)
    assert.equal(second.json.cacheHit, true)
    assert.equal(second.json.digest, first.json.digest)
    assert.deepEqual(dockerCalls(), [], 'no docker run on a hit')
  })

  test('without --insecure docker gets a plain --push; --ca-file is not for docker and says so', async () => {
    // BuildKit takes registry CAs from buildkitd.toml, not from the command
    // line; without one it refuses the TLS registry's certificate, and so does
    // the stand-in (buildah verifying TLS): the failure is one line.
    const tls = registries.tls
    const dir = app('web')
    const run = await build(['--builder', 'docker', '--image', `${tls.host}/build-docker/tls`, '--context', dir, '--ca-file', tls.caFile!])
    assert.notEqual(run.code, 0)
    assert.match(run.stderr, /docker buildx takes registry CAs from its BuildKit configuration, not from --ca-file/)
    const push = dockerCalls().at(-1)?.argv ?? []
    assert.ok(push.includes('--push'), push.join(' '))
    assert.deepEqual(flagValues(push, '--output'), [])
    assert.match(run.stderr.trim().split('\n').at(-1) ?? '', /^image-mirror build: build failed: docker exited with 1: /)
  })

  test('several platforms go to docker as one --platform flag; the pushed index digest is verified', async () => {
    const dir = app('multi')
    const image = `${plain.host}/build-docker/multi`
    const platforms = ['--platform', 'linux/amd64,linux/arm64']
    const run = await build(['--builder', 'docker', '--image', image, '--context', dir, '--insecure', ...platforms])
    assert.equal(run.code, 0, run.stderr)
    const calls = dockerCalls()
    assert.equal(calls.length, 2)
    for (const call of calls) assert.deepEqual(flagValues(call.argv, '--platform'), ['linux/amd64,linux/arm64'])
    const index = JSON.parse((await skopeoRaw(run.json.image, plain)).toString('utf8'))
    assert.deepEqual(index.manifests.map((m: any) => `${m.platform.os}/${m.platform.architecture}`).sort(), ['linux/amd64', 'linux/arm64'])
    assert.equal(await skopeoDigest(run.json.image, plain), run.json.digest)
  })

  test('registry credentials reach docker through a temporary DOCKER_CONFIG that is removed afterwards', async () => {
    const basic = registries.basic
    const dir = app('web')
    // The user's own config: another registry's login and a buildx builder dir, both kept.
    const user = userConfig()
    const userJson = JSON.stringify({ auths: { 'other.example': { auth: Buffer.from('someone:elsewhere').toString('base64') } } })
    writeFileSync(join(user, 'config.json'), userJson)
    mkdirSync(join(user, 'buildx'))
    const auth = Buffer.from(`${basic.username}:${basic.password}`).toString('base64')
    const run = await build(['--builder', 'docker', '--image', `${basic.host}/build-docker/basic`, '--context', dir, '--insecure'], {
      DOCKER_CONFIG: user,
      DOCKER_AUTH_CONFIG: JSON.stringify({ auths: { [basic.host]: { auth } } })
    })
    assert.equal(run.code, 0, run.stderr)
    const calls = dockerCalls()
    assert.equal(calls.length, 2)
    for (const { argv, dockerConfig } of calls) {
      assert.ok(dockerConfig, 'the stand-in saw a docker config')
      assert.notEqual(dockerConfig.dir, user, 'a temporary DOCKER_CONFIG, not the user\'s')
      assert.deepEqual(dockerConfig.entries, ['buildx', 'config.json'], 'the user\'s buildx dir is linked in')
      assert.equal(dockerConfig.mode, 0o600)
      assert.deepEqual(dockerConfig.auths, { 'other.example': 'someone', [basic.host]: basic.username })
      assert.ok(!existsSync(dockerConfig.dir), 'removed after the build')
      assert.ok(!argv.some((a) => a.includes(basic.password!)), 'the password is not on the command line')
    }
    assert.equal(readFileSync(join(user, 'config.json'), 'utf8'), userJson, 'the user\'s config is untouched')
    assert.ok(!run.stderr.includes(basic.password!), 'the password never reaches the logs')
    assert.equal(await skopeoDigest(run.json.image, basic), run.json.digest)
  })

  test('--builder auto picks docker when a docker daemon answers `docker info`', async () => {
    const dir = app('web')
    const run = await build(['--builder', 'auto', '--image', `${plain.host}/build-docker/auto`, '--context', dir, '--insecure'])
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.json.builder, 'docker')
    assert.deepEqual(dockerCalls().map((c) => c.argv.slice(0, 2)), [['info'], ['buildx', 'build'], ['buildx', 'build']])
    assert.equal(await skopeoDigest(run.json.image, plain), run.json.digest)
  })

  test('--builder auto falls back to buildah when docker is installed but no daemon answers', async () => {
    const dir = app('web')
    const run = await build(['--builder', 'auto', '--image', `${plain.host}/build-docker/no-daemon`, '--context', dir, '--insecure'], {
      DOCKER_STANDIN_DAEMON: 'down',
      IMAGE_MIRROR_BUILDAH_ROOT: join(work, 'buildah'),
      STORAGE_DRIVER: 'vfs'
    })
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.json.builder, 'buildah')
    assert.deepEqual(dockerCalls().map((c) => c.argv), [['info']])
    assert.equal(await skopeoDigest(run.json.image, plain), run.json.digest)
  })
})

describe('docker stand-in', () => {
  /** Runs the stand-in directly, as image-mirror would. */
  function docker(args: string[]) {
    return spawnSync(join(bin, 'docker'), args, {
      cwd: app('web'),
      encoding: 'utf8',
      env: { ...process.env, DOCKER_STANDIN_ROOT: join(work, 'standin'), DOCKER_CONFIG: userConfig() }
    })
  }

  test('refuses what the buildx contract image-mirror uses does not hold, so a stray argument fails the test', () => {
    const cases: Array<[string[], RegExp]> = [
      [['buildx', 'build', '--no-cache', '.'], /unknown flag: --no-cache/],
      [['buildx', 'build', '--output', 'type=local,dest=out', '.'], /--output field "dest" is not supported/],
      [['buildx', 'build', '--secret', 'id=x,src=/nonexistent/secret', '.'], /secret x: cannot read/],
      [['buildx', 'build', '-t', 'example.com/a:b', '.'], /-t without --push/],
      [['build', '.'], /not supported/]
    ]
    for (const [args, error] of cases) {
      const run = docker(args)
      assert.equal(run.status, 1, args.join(' '))
      assert.match(run.stderr, error)
    }
    assert.match(docker(['buildx', 'version']).stdout, /^github\.com\/docker\/buildx /)
  })
})
