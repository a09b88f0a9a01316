import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { spyOnCommand } from '../helpers/command-spy.js'
import { testEnv } from '../helpers/env.js'
import { copyApp, runBuild, type Trace } from '../helpers/build-cli.js'
import { runCli } from '../helpers/run-cli.js'
import { skopeoDigest, skopeoInspect, skopeoListTags, skopeoRaw } from '../helpers/skopeo.js'

const { registries } = testEnv()
const plain = registries.plain

// buildah keeps its storage in this file's temp dir (IMAGE_MIRROR_BUILDAH_ROOT)
// and a spy named `buildah`, first on PATH, logs every invocation before it
// runs the real buildah: how the tests see whether a build ran at all.
const work = mkdtempSync(join(tmpdir(), 'im-build-test-'))
const spy = spyOnCommand('buildah', work)

after(() => rmSync(work, { recursive: true, force: true }))

/** buildah invocations since the last call, one command line each. */
const builderCalls = () => spy.calls()

const setup = { builder: 'buildah', spyBin: spy.bin, work }
const app = (name: string) => copyApp(work, name)
const build = (args: string[], env: Record<string, string> = {}) => runBuild(setup, args, env)

const WRONG_PASSWORD = 'not-the-password-5f3a'
const manifestRequests = (trace: Trace[]) => trace.filter((t) => t.url.includes('/manifests/'))
const blobRequests = (trace: Trace[]) => trace.filter((t) => t.url.includes('/blobs/'))

describe('build', () => {
  test('a miss builds and pushes; the same inputs again are a hit: no build, one manifest request', async () => {
    const dir = app('web')
    const image = `${plain.host}/build-test/web`
    const ci = { CI_COMMIT_SHA: 'a'.repeat(40), CI_PROJECT_URL: 'https://gitlab.example.com/team/web' }
    builderCalls()
    // auto: no Docker daemon answers here, so buildah builds.
    const first = await build(['--image', image, '--context', dir, '--insecure', '--json', '--builder', 'auto'], ci)
    assert.equal(first.code, 0, first.stderr)
    assert.equal(first.json.cacheHit, false)
    assert.equal(first.json.builder, 'buildah')
    assert.equal(first.json.image, `${image}:${first.json.tag}`)
    assert.match(first.json.tag, /^[a-z0-9._-]*[0-9a-f]{32,}$/)
    assert.ok(builderCalls().some((c) => c.split(' ').includes('bud')), 'buildah built')
    // skopeo, the independent peer, sees the digest the build reported.
    assert.equal(await skopeoDigest(first.json.image, plain), first.json.digest)
    const labels = (await skopeoInspect(first.json.image, plain)).Labels as Record<string, string>
    assert.equal(labels['io.image-mirror.content-tag'], first.json.tag)
    assert.equal(labels['org.opencontainers.image.revision'], ci.CI_COMMIT_SHA)
    assert.equal(labels['org.opencontainers.image.source'], ci.CI_PROJECT_URL)
    assert.ok(!Number.isNaN(Date.parse(labels['org.opencontainers.image.created'] ?? '')))
    assert.match(labels['io.image-mirror.build-seconds'] ?? '', /^\d+\.\d$/)
    assert.doesNotThrow(() => JSON.parse(labels['io.image-mirror.inputs'] ?? ''))
    assert.equal(labels['org.opencontainers.image.title'], 'web', 'the Dockerfile label is kept')

    const second = await build(['--image', image, '--context', dir, '--insecure', '--json'], ci)
    assert.equal(second.code, 0, second.stderr)
    assert.equal(second.json.cacheHit, true)
    assert.equal(second.json.tag, first.json.tag)
    assert.equal(second.json.digest, first.json.digest)
    assert.deepEqual(builderCalls(), [], 'no builder run on a hit')
    assert.deepEqual(
      manifestRequests(second.trace).map((t) => `${t.method} ${t.status}`),
      ['HEAD 200'],
      'one manifest HEAD answers the hit'
    )
    assert.deepEqual(blobRequests(second.trace), [])
  })

  test('a hit with --time-saved reports the build time recorded on the image', async () => {
    const dir = app('web')
    appendFileSync(join(dir, 'src', 'app.js'), '// time saved\n')
    const image = `${plain.host}/build-test/time-saved`
    const first = await build(['--image', image, '--context', dir, '--insecure', '--json'])
    assert.equal(first.code, 0, first.stderr)
    const labels = (await skopeoInspect(first.json.image, plain)).Labels as Record<string, string>
    const recorded = Number(labels['io.image-mirror.build-seconds'])
    const hit = await build(['--image', image, '--context', dir, '--insecure', '--json', '--time-saved'])
    assert.equal(hit.code, 0, hit.stderr)
    assert.equal(hit.json.cacheHit, true)
    assert.equal(hit.json.buildSeconds, recorded)
  })

  test('an edit to a .dockerignore-d file is a hit; an edit to a source file builds a new tag', async () => {
    const dir = app('web')
    const image = `${plain.host}/build-test/edits`
    const args = ['--image', image, '--context', dir, '--insecure', '--json']
    const first = await build(args)
    assert.equal(first.code, 0, first.stderr)
    builderCalls()

    appendFileSync(join(dir, 'docs', 'notes.md'), 'An edit nobody ships.\n')
    appendFileSync(join(dir, 'README.md'), 'More words.\n')
    const ignored = await build(args)
    assert.equal(ignored.code, 0, ignored.stderr)
    assert.equal(ignored.json.cacheHit, true)
    assert.equal(ignored.json.tag, first.json.tag)
    assert.deepEqual(builderCalls(), [])

    appendFileSync(join(dir, 'src', 'index.html'), '<p>A change users see.</p>\n')
    const edited = await build(args)
    assert.equal(edited.code, 0, edited.stderr)
    assert.equal(edited.json.cacheHit, false)
    assert.notEqual(edited.json.tag, first.json.tag)
    assert.ok(builderCalls().length > 0)
    assert.equal(await skopeoDigest(edited.json.image, plain), edited.json.digest)
    assert.deepEqual((await skopeoListTags(image, plain)).sort(), [first.json.tag, edited.json.tag].sort())
  })

  test('--tag on a hit adds tags to the same digest with no blob traffic', async () => {
    const dir = app('web')
    appendFileSync(join(dir, 'src', 'app.js'), '// tagged\n')
    const image = `${plain.host}/build-test/tags`
    const first = await build(['--image', image, '--context', dir, '--insecure', '--json'])
    assert.equal(first.code, 0, first.stderr)
    builderCalls()
    const tagged = await build(['--image', image, '--context', dir, '--insecure', '--json', '--tag', 'latest', '--tag', 'stable'])
    assert.equal(tagged.code, 0, tagged.stderr)
    assert.equal(tagged.json.cacheHit, true)
    assert.deepEqual(tagged.json.extraTags, ['latest', 'stable'])
    assert.deepEqual(builderCalls(), [])
    assert.deepEqual(blobRequests(tagged.trace), [], 'no blob is read or written')
    assert.deepEqual(manifestRequests(tagged.trace).map((t) => t.method), ['HEAD', 'GET', 'PUT', 'PUT'])
    for (const tag of ['latest', 'stable']) {
      assert.equal(await skopeoDigest(`${image}:${tag}`, plain), first.json.digest)
    }
  })

  test('--tag on a miss tags the freshly built image too', async () => {
    const dir = app('web')
    appendFileSync(join(dir, 'src', 'app.js'), '// tagged on a miss\n')
    const image = `${plain.host}/build-test/tags-miss`
    const run = await build(['--image', image, '--context', dir, '--insecure', '--json', '--tag', 'v1'])
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.json.cacheHit, false)
    assert.equal(await skopeoDigest(`${image}:v1`, plain), run.json.digest)
  })

  test('--dotenv writes IMAGE, DIGEST, TAG and CACHE_HIT for later CI jobs; lines without --json', async () => {
    const dir = app('web')
    appendFileSync(join(dir, 'src', 'app.js'), '// dotenv\n')
    const image = `${plain.host}/build-test/dotenv`
    // Outside the context: a new file in the context is a new input.
    const dotenv = join(mkdtempSync(join(work, 'dotenv-')), 'build.env')
    const run = await build(['--image', image, '--context', dir, '--insecure', '--dotenv', dotenv])
    assert.equal(run.code, 0, run.stderr)
    const env = Object.fromEntries(
      readFileSync(dotenv, 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )
    assert.deepEqual(Object.keys(env), ['IMAGE', 'DIGEST', 'TAG', 'CACHE_HIT'])
    assert.equal(env.IMAGE, `${image}:${env.TAG}`)
    assert.equal(env.CACHE_HIT, 'false')
    assert.equal(await skopeoDigest(env.IMAGE!, plain), env.DIGEST)
    assert.deepEqual(run.stdout.trim().split('\n'), [
      `image: ${env.IMAGE}`,
      `digest: ${env.DIGEST}`,
      `tag: ${env.TAG}`,
      'cache-hit: false',
      ...run.stdout.trim().split('\n').slice(4)
    ])
    const again = await build(['--image', image, '--context', dir, '--insecure', '--dotenv', dotenv])
    assert.equal(again.code, 0, again.stderr)
    assert.match(readFileSync(dotenv, 'utf8'), /^CACHE_HIT=true$/m)
  })

  test('several platforms build one index; the index digest is verified', async () => {
    const dir = app('multi')
    const image = `${plain.host}/build-test/multi`
    const run = await build(['--image', image, '--context', dir, '--insecure', '--json', '--platform', 'linux/amd64,linux/arm64'])
    assert.equal(run.code, 0, run.stderr)
    const index = JSON.parse((await skopeoRaw(run.json.image, plain)).toString('utf8'))
    // buildah builds the platforms in parallel and lists them in the order they finish.
    assert.deepEqual(
      index.manifests.map((m: any) => `${m.platform.os}/${m.platform.architecture}`).sort(),
      ['linux/amd64', 'linux/arm64']
    )
    assert.equal(await skopeoDigest(run.json.image, plain), run.json.digest)
    const single = await runCli(['tag', '--context', dir, '--platform', 'linux/amd64'])
    assert.notEqual(single.stdout.trim(), run.json.tag, 'the platforms are part of the tag')
  })

  test('--config applies promotion policies after a push and after a hit', async () => {
    const dir = app('web')
    appendFileSync(join(dir, 'src', 'app.js'), '// promoted\n')
    const image = `${plain.host}/build-test/promoted`
    const target = `${registries.plain2.host}/build-promoted/web`
    const config = join(dir, 'promote.yml')
    writeFileSync(
      config,
      [
        'version: 1',
        'registries:',
        `  - { host: "${plain.host}", insecure: true }`,
        `  - { host: "${registries.plain2.host}", insecure: true }`,
        'promotions:',
        '  - name: qa',
        `    from: ${image}`,
        '    to:',
        `      - { repository: ${target}, tag: "qa-{tag}" }`,
        ''
      ].join('\n')
    )
    const first = await build(['--image', image, '--context', dir, '--insecure', '--config', config])
    assert.equal(first.code, 0, first.stderr)
    const tag = /^tag: (.+)$/m.exec(first.stdout)?.[1]
    const digest = /^digest: (.+)$/m.exec(first.stdout)?.[1]
    assert.ok(tag && digest, first.stdout)
    assert.match(first.stdout, /qa: .* → .*build-promoted\/web:qa-.*: copied/)
    assert.equal(await skopeoDigest(`${target}:qa-${tag}`, registries.plain2), digest)
    const second = await build(['--image', image, '--context', dir, '--insecure', '--config', config])
    assert.equal(second.code, 0, second.stderr)
    assert.match(second.stdout, /cache-hit: true/)
    assert.match(second.stdout, /qa: .*: up-to-date/)
  })

  test('pushes to a token-auth registry with the credentials of DOCKER_CONFIG', async () => {
    const token = registries.token
    const dir = app('web')
    const config = mkdtempSync(join(work, 'docker-config-'))
    const auth = Buffer.from(`${token.username}:${token.password}`).toString('base64')
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [token.host]: { auth } } }))
    const image = `${token.host}/build-test/token`
    const args = ['--image', image, '--context', dir, '--insecure', '--json']
    const first = await build(args, { DOCKER_CONFIG: config })
    assert.equal(first.code, 0, first.stderr)
    assert.equal(first.json.cacheHit, false)
    assert.equal(await skopeoDigest(first.json.image, token), first.json.digest)
    assert.ok(!first.stderr.includes(token.password!), 'the password never reaches the logs')
    const second = await build(args, { DOCKER_CONFIG: config })
    assert.equal(second.code, 0, second.stderr)
    assert.equal(second.json.cacheHit, true)
  })

  const badInputs: Array<{ name: string; args: (dir: string) => string[]; env?: Record<string, string>; error: RegExp }> = [
    {
      name: 'a missing Dockerfile',
      args: (dir) => ['--image', `${plain.host}/build-test/bad`, '--context', dir, '--dockerfile', join(dir, 'Nope')],
      error: /Dockerfile .*Nope not found$/
    },
    {
      name: 'a context that does not exist',
      args: (dir) => ['--image', `${plain.host}/build-test/bad`, '--context', join(dir, 'missing')],
      error: /cannot read build context .*missing: no such file or directory$/
    },
    {
      name: 'a build arg without =',
      args: (dir) => ['--image', `${plain.host}/build-test/bad`, '--context', dir, '--build-arg', 'GREETING'],
      error: /--build-arg "GREETING" is not KEY=VALUE$/
    },
    {
      name: 'a bad platform',
      args: (dir) => ['--image', `${plain.host}/build-test/bad`, '--context', dir, '--platform', 'linux'],
      error: /invalid platform "linux"/
    },
    {
      name: 'a Dockerfile the builder rejects',
      args: () => ['--image', `${plain.host}/build-test/broken`, '--context', app('broken')],
      error: /build failed: buildah exited with \d+: .*COPYY/i
    },
    {
      name: 'a wrong password',
      args: (dir) => ['--image', `${registries.basic.host}/build-test/bad`, '--context', dir],
      env: { DOCKER_AUTH_CONFIG: JSON.stringify({ auths: { [registries.basic.host]: { auth: Buffer.from(`${registries.basic.username}:${WRONG_PASSWORD}`).toString('base64') } } }) },
      error: /refused access \(401\)/
    }
  ]
  for (const tc of badInputs) {
    test(`${tc.name} ends in one error line and a non-zero exit`, async () => {
      const dir = app('web')
      const run = await build([...tc.args(dir), '--insecure'], tc.env)
      assert.notEqual(run.code, 0)
      assert.equal(run.stdout, '')
      const last = run.stderr.trim().split('\n').at(-1) ?? ''
      assert.match(last, /^image-mirror build: /)
      assert.match(last, tc.error)
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
      assert.ok(!run.stderr.includes(WRONG_PASSWORD), 'no password in the output')
    })
  }
})
