import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { computeContentTag } from '../../src/engine/content-tag/index.js'
import { testEnv } from '../helpers/env.js'
import { REPO_ROOT, runCli } from '../helpers/run-cli.js'

const { registries } = testEnv()
const plain = registries.plain
const work = mkdtempSync(join(tmpdir(), 'im-tag-cli-test-'))
after(() => rmSync(work, { recursive: true, force: true }))

/** A fresh copy of the web fixture app: tests edit files. */
function app(): string {
  const dir = mkdtempSync(join(work, 'web-'))
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'apps', 'web'), dir, { recursive: true })
  return dir
}

async function tag(args: string[]): Promise<string> {
  const run = await runCli(['tag', ...args])
  assert.equal(run.code, 0, run.stderr)
  return run.stdout.trim()
}

describe('tag', () => {
  test('prints the tag the library computes', async () => {
    const dir = app()
    const cases: Array<{ args: string[]; options: Parameters<typeof computeContentTag>[0] }> = [
      { args: [], options: { context: dir } },
      { args: ['--build-arg', 'GREETING=hi'], options: { context: dir, buildArgs: { GREETING: 'hi' } } },
      { args: ['--platform', 'linux/arm64', '--prefix', 'web-'], options: { context: dir, platforms: ['linux/arm64'], prefix: 'web-' } }
    ]
    for (const tc of cases) {
      const expected = (await computeContentTag({ ...tc.options, dockerfile: join(dir, 'Dockerfile') })).tag
      assert.equal(await tag(['--context', dir, ...tc.args]), expected, tc.args.join(' ') || 'defaults')
    }
  })

  test('--json prints tag, digest and source', async () => {
    const dir = app()
    const printed = JSON.parse(await tag(['--context', dir, '--json']))
    assert.deepEqual(Object.keys(printed).sort(), ['digest', 'source', 'tag'])
    assert.equal(printed.tag, await tag(['--context', dir]))
    assert.equal(printed.source, 'filesystem', 'the fixture copy is not a git work tree')
  })

  test('--explain --json lists the files the builder receives, sorted, without ignored ones', async () => {
    const dir = app()
    const explained = JSON.parse(await tag(['--context', dir, '--explain', '--json']))
    const files: string[] = explained.files
    assert.deepEqual(files, [...files].sort())
    for (const path of ['Dockerfile', 'src/app.js', 'src/index.html', 'static/logo.svg']) assert.ok(files.includes(path), path)
    for (const path of ['README.md', 'docs/notes.md']) assert.ok(!files.includes(path), `${path} is ignored`)
    const lines = (await runCli(['tag', '--context', dir, '--explain'])).stdout
    assert.match(lines, /src\/app\.js/)
  })

  test('a build arg the Dockerfile never declares does not change the tag; a declared one does', async () => {
    const dir = app()
    const base = await tag(['--context', dir])
    assert.equal(await tag(['--context', dir, '--build-arg', 'UNUSED=1']), base)
    assert.notEqual(await tag(['--context', dir, '--build-arg', 'GREETING=bonjour']), base)
  })

  test('--no-git gives the same tag as the git index in a work tree', async () => {
    const dir = app()
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'ignore' })
    git('init', '-q')
    git('add', '-A')
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'fixture')
    appendFileSync(join(dir, 'src', 'app.js'), '// a local edit\n')
    const fromGit = JSON.parse(await tag(['--context', dir, '--json']))
    const fromFiles = JSON.parse(await tag(['--context', dir, '--json', '--no-git']))
    assert.equal(fromGit.source, 'git')
    assert.equal(fromFiles.source, 'filesystem')
    assert.equal(fromGit.tag, fromFiles.tag)
  })

  test('--diff names the input that changed since the image was built, from the registry alone', async () => {
    const dir = app()
    const image = `${plain.host}/tag-cli-test/web`
    const built = await runCli(['build', '--image', image, '--context', dir, '--builder', 'buildah', '--insecure', '--json'], {
      env: { IMAGE_MIRROR_BUILDAH_ROOT: join(work, 'buildah'), STORAGE_DRIVER: 'vfs' }
    })
    assert.equal(built.code, 0, built.stderr)
    const ref = JSON.parse(built.stdout).image as string

    const same = await runCli(['tag', '--context', dir, '--diff', ref, '--insecure', '--json'])
    assert.equal(same.code, 0, same.stderr)
    assert.deepEqual(JSON.parse(same.stdout).differences, [])

    appendFileSync(join(dir, 'src', 'app.js'), '// changed after the build\n')
    const changed = await runCli(['tag', '--context', dir, '--diff', ref, '--insecure'])
    assert.equal(changed.code, 0, changed.stderr)
    assert.match(changed.stdout, /files changed under src\//)
    assert.doesNotMatch(changed.stdout, /static|Dockerfile|build arg/)

    const arg = await runCli(['tag', '--context', dir, '--diff', ref, '--insecure', '--build-arg', 'GREETING=hej', '--json'])
    assert.equal(arg.code, 0, arg.stderr)
    const differences: string[] = JSON.parse(arg.stdout).differences
    assert.ok(differences.some((l) => /build arg GREETING/.test(l)), differences.join('; '))
  })

  test('--diff against an image not built by image-mirror says so in one line', async () => {
    const dir = app()
    const missing = await runCli(['tag', '--context', dir, '--diff', `${plain.host}/tag-cli-test/none:nope`, '--insecure'])
    assert.notEqual(missing.code, 0)
    assert.match(missing.stderr.trim(), /^image-mirror tag: .*not found$/)
  })
})
