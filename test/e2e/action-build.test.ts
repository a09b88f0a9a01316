// The GitHub action's build command, run the way the runner runs it: the
// committed dist bundle, INPUT_* variables with action.yml defaults, file
// commands, a real registry, buildah as builder, and a local stand-in for the
// GitHub REST API (GITHUB_API_URL points at it).
import assert from 'node:assert/strict'
import {
  appendFileSync,
  chmodSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { testEnv } from '../helpers/env.js'
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/fake-github-api.js'
import { REPO_ROOT, runAction, type ActionRun } from '../helpers/runner.js'
import { skopeoDigest } from '../helpers/skopeo.js'

const { registries } = testEnv()
const plain = registries.plain
const REPOSITORY = `${plain.host}/action-build/app`
const SHA = 'a'.repeat(40)
const TOKEN = 'ghs_actionBuildTestToken0123456789abcdef'

/** A copy of the fixture app in a fresh directory: the job's workspace. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'im-action-build-'))
  cpSync(join(REPO_ROOT, 'test/fixtures/action-app'), dir, { recursive: true })
  return dir
}

/**
 * A `buildah` first on PATH that records each invocation, then runs the real
 * one: how the tests see whether a run built anything.
 */
function buildahSpy(): { bin: string; calls(): string[]; reset(): void } {
  const bin = mkdtempSync(join(tmpdir(), 'im-action-spy-'))
  const log = join(bin, 'calls.log')
  writeFileSync(log, '')
  const script = join(bin, 'buildah')
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec /usr/bin/buildah "$@"\n`)
  chmodSync(script, 0o755)
  return {
    bin,
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    reset: () => writeFileSync(log, '')
  }
}

describe('action: build', () => {
  const spy = buildahSpy()
  let api: FakeGitHubApi
  let home: string
  let ws: string
  let first: ActionRun

  before(async () => {
    api = await startFakeGitHubApi()
    // An empty home: no docker config of the machine running the tests.
    home = mkdtempSync(join(tmpdir(), 'im-action-home-'))
    ws = workspace()
  })
  after(() => api.close())

  /** Runs the action in `dir` with the defaults these tests share. */
  function build(
    dir: string,
    inputs: Record<string, string> = {},
    env: Record<string, string> = {}
  ): Promise<ActionRun> {
    return runAction({
      cwd: dir,
      inputs: { image: REPOSITORY, builder: 'buildah', insecure: 'true', ...inputs },
      env: {
        PATH: `${spy.bin}:${process.env.PATH}`,
        HOME: home,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_SHA: SHA,
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: 'https://github.test',
        GITHUB_RUN_ID: '42',
        GITHUB_TOKEN: TOKEN,
        ...env
      }
    })
  }

  function assertSucceeded(run: ActionRun): void {
    assert.equal(run.exitCode, 0, `action failed:\n${run.stdout}\n${run.stderr}`)
    assert.deepEqual(
      run.annotations.filter((a) => a.level === 'error'),
      []
    )
  }

  test('the first run builds and pushes the image and sets every output', async () => {
    spy.reset()
    first = await build(ws)
    assertSucceeded(first)
    assert.equal(first.outputs['cache-hit'], 'false')
    assert.match(first.outputs.tag ?? '', /^[A-Za-z0-9_.-]*[0-9a-f]{32,}$/)
    assert.equal(first.outputs.image, `${REPOSITORY}:${first.outputs.tag}`)
    assert.match(first.outputs.digest ?? '', /^sha256:[0-9a-f]{64}$/)
    assert.equal(
      await skopeoDigest(first.outputs.image as string, plain),
      first.outputs.digest,
      'the registry holds the reported digest'
    )
    assert.ok(spy.calls().length > 0, 'buildah ran')
    assert.match(first.summary, new RegExp(first.outputs.tag as string))
    assert.match(first.summary, /built/)
  })

  test('a second run is a cache hit and does not run the builder', async () => {
    spy.reset()
    const run = await build(ws)
    assertSucceeded(run)
    assert.equal(run.outputs['cache-hit'], 'true')
    assert.equal(run.outputs.tag, first.outputs.tag)
    assert.equal(run.outputs.digest, first.outputs.digest)
    assert.equal(run.outputs.image, first.outputs.image)
    assert.deepEqual(spy.calls(), [], 'buildah did not run')
    assert.match(run.summary, new RegExp(first.outputs.tag as string))
    assert.match(run.summary, /reused/)
    assert.match(
      run.summary,
      /Build time saved<\/td><td>\d+(\.\d)? s/,
      'the summary says how much build time the hit saved'
    )
  })

  test('an edit to a file .dockerignore excludes is still a hit', async () => {
    appendFileSync(join(ws, 'docs/notes.md'), 'more notes\n')
    writeFileSync(join(ws, 'CHANGELOG.md'), '# changes\n')
    spy.reset()
    const run = await build(ws)
    assertSucceeded(run)
    assert.equal(run.outputs['cache-hit'], 'true')
    assert.equal(run.outputs.tag, first.outputs.tag)
    assert.deepEqual(spy.calls(), [])
  })

  test('an edit to a source file builds a new image', async () => {
    const dir = workspace()
    appendFileSync(join(dir, 'src/app.txt'), 'a change\n')
    spy.reset()
    const run = await build(dir)
    assertSucceeded(run)
    assert.equal(run.outputs['cache-hit'], 'false')
    assert.notEqual(run.outputs.tag, first.outputs.tag)
    assert.notEqual(run.outputs.digest, first.outputs.digest)
    assert.ok(spy.calls().length > 0, 'buildah ran')
    assert.equal(await skopeoDigest(run.outputs.image as string, plain), run.outputs.digest)
  })

  describe('status-check', () => {
    test('status posts one commit status, and the token is masked first and never printed', async () => {
      api.requests.length = 0
      const run = await build(ws, { 'status-check': 'status' })
      assertSucceeded(run)
      assert.equal(api.requests.length, 1)
      const [req] = api.requests
      assert.equal(req?.method, 'POST')
      assert.equal(req?.path, `/repos/acme/app/statuses/${SHA}`)
      assert.equal(req?.headers.authorization, `Bearer ${TOKEN}`)
      assert.deepEqual(req?.body, {
        state: 'success',
        context: `image-mirror/${REPOSITORY}`,
        description: `reused ${first.outputs.tag}`,
        target_url: 'https://github.test/acme/app/actions/runs/42'
      })
      assert.equal(
        run.stdout.split('\n')[0],
        `::add-mask::${TOKEN}`,
        'the token is masked before anything else is printed'
      )
      assert.ok(
        !run.stdout.replace(`::add-mask::${TOKEN}`, '').includes(TOKEN),
        'token not in stdout'
      )
      assert.ok(!run.stderr.includes(TOKEN), 'token not in stderr')
      assert.ok(!run.summary.includes(TOKEN), 'token not in the summary')
    })

    test('on pull requests the status goes to the head commit, not the merge commit', async () => {
      const head = 'b'.repeat(40)
      const event = join(mkdtempSync(join(tmpdir(), 'im-action-event-')), 'event.json')
      writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: head } } }))
      api.requests.length = 0
      const run = await build(
        ws,
        { 'status-check': 'status' },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }
      )
      assertSucceeded(run)
      assert.equal(api.requests[0]?.path, `/repos/acme/app/statuses/${head}`)
    })

    test('check posts one completed check run', async () => {
      api.requests.length = 0
      const run = await build(ws, { 'status-check': 'check' })
      assertSucceeded(run)
      assert.equal(api.requests.length, 1)
      const [req] = api.requests
      assert.equal(req?.path, '/repos/acme/app/check-runs')
      assert.equal(req?.headers.authorization, `Bearer ${TOKEN}`)
      const body = req?.body as Record<string, unknown> & { output: Record<string, string> }
      assert.equal(body.name, `image-mirror/${REPOSITORY}`)
      assert.equal(body.head_sha, SHA)
      assert.equal(body.status, 'completed')
      assert.equal(body.conclusion, 'success')
      assert.equal(body.output.title, `reused ${first.outputs.tag}`)
      assert.match(body.output.summary, new RegExp(first.outputs.digest as string))
    })

    test('a 403 from GitHub (fork pull requests) is a warning, and the step still succeeds with its outputs', async () => {
      api.forbid()
      try {
        const run = await build(ws, { 'status-check': 'status' })
        assertSucceeded(run)
        assert.equal(run.outputs['cache-hit'], 'true')
        const warnings = run.annotations.filter((a) => a.level === 'warning')
        assert.equal(warnings.length, 1)
        assert.match(warnings[0]?.message ?? '', /403/)
        assert.match(warnings[0]?.message ?? '', /statuses: write/)
        assert.ok(!run.stdout.replace(`::add-mask::${TOKEN}`, '').includes(TOKEN))
      } finally {
        api.forbid(false)
      }
    })

    test('none (the default) makes no API request', async () => {
      api.requests.length = 0
      const run = await build(ws)
      assertSucceeded(run)
      assert.equal(api.requests.length, 0)
    })
  })

  describe('bad inputs fail with one error that names the input', () => {
    const cases: Array<{
      name: string
      inputs: Record<string, string>
      input: string
      value?: string
    }> = [
      {
        name: 'status-check outside none|status|check',
        inputs: { 'status-check': 'maybe' },
        input: 'status-check',
        value: 'maybe'
      },
      { name: 'missing image', inputs: { image: '' }, input: 'image' },
      {
        name: 'image with a tag',
        inputs: { image: `${REPOSITORY}:v1` },
        input: 'image',
        value: `${REPOSITORY}:v1`
      },
      {
        name: 'unknown command',
        inputs: { command: 'publish' },
        input: 'command',
        value: 'publish'
      },
      {
        name: 'builder not supported',
        inputs: { builder: 'kaniko' },
        input: 'builder',
        value: 'kaniko'
      },
      {
        name: 'insecure not a boolean',
        inputs: { insecure: 'yes' },
        input: 'insecure',
        value: 'yes'
      },
      {
        name: 'platform without architecture',
        inputs: { platforms: 'linux/amd64,linux' },
        input: 'platforms',
        value: 'linux'
      },
      {
        name: 'build arg without =',
        inputs: { 'build-args': 'GREETING=hi\nNOVALUE' },
        input: 'build-args',
        value: 'NOVALUE'
      },
      {
        name: 'invalid extra tag',
        inputs: { tags: 'latest,bad tag!' },
        input: 'tags',
        value: 'bad tag!'
      },
      {
        name: 'secret with neither env nor src',
        inputs: { secrets: 'id=npm' },
        input: 'secrets',
        value: 'id=npm'
      },
      {
        name: 'password without username',
        inputs: { 'registry-password': 'pw-123456' },
        input: 'registry-username'
      }
    ]
    for (const tc of cases) {
      test(tc.name, async () => {
        spy.reset()
        const run = await build(ws, tc.inputs)
        assert.equal(run.exitCode, 1)
        const errors = run.annotations.filter((a) => a.level === 'error')
        assert.equal(errors.length, 1, run.stdout)
        assert.equal(run.stdout.split('\n').filter((l) => l.startsWith('::error')).length, 1)
        assert.ok(errors[0]?.message.includes(`"${tc.input}"`), errors[0]?.message)
        if (tc.value !== undefined)
          assert.ok(errors[0]?.message.includes(tc.value), errors[0]?.message)
        assert.ok(!errors[0]?.message.includes('\n'))
        assert.deepEqual(run.outputs, {})
        assert.deepEqual(spy.calls(), [])
      })
    }

    test('the unknown-command error lists the supported commands', async () => {
      const run = await build(ws, { command: 'sync-all' })
      assert.match(run.annotations[0]?.message ?? '', /one of build, promote, mirror, sync/)
    })

    test('status-check without a token says so before building', async () => {
      const run = await build(
        ws,
        { 'status-check': 'status', 'github-token': '' },
        { GITHUB_TOKEN: '' }
      )
      assert.equal(run.exitCode, 1)
      assert.match(run.annotations[0]?.message ?? '', /"github-token" is empty/)
    })
  })

  test('registry-password and the values of build secrets are masked', async () => {
    const secretFile = join(mkdtempSync(join(tmpdir(), 'im-action-secret-')), 'npmrc')
    writeFileSync(secretFile, 'file-secret-value\n')
    const run = await build(
      ws,
      {
        'registry-username': 'someone',
        'registry-password': 'pw-never-printed',
        secrets: `id=token,env=NPM_TOKEN\nid=npmrc,src=${secretFile}`,
        // A run that stops before the registry: the masks come first anyway.
        'status-check': 'maybe'
      },
      { NPM_TOKEN: 'env-secret-value' }
    )
    assert.equal(run.exitCode, 1)
    assert.ok(run.masks.includes('pw-never-printed'))
    assert.ok(run.masks.includes('env-secret-value'))
    assert.ok(run.masks.includes('file-secret-value'))
    assert.ok(run.masks.includes(TOKEN))
  })
})
