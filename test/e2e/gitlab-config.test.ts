// The GitLab mirror, promote and sync components, run by gitlab-ci-local on
// its shell executor (test-harness.md §6): a temp project includes a template
// from templates/ (a copy of gitlab/templates) with a config file from
// test/fixtures/surfaces, the job runs the image-mirror CLI of this checkout
// against real registries, and a later job reads the artifacts and the dotenv
// report, as pipelines do.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { stringify } from 'yaml'
import { testEnv } from '../helpers/env.js'
import { buildImage } from '../helpers/images.js'
import { REPO_ROOT } from '../helpers/runner.js'
import { runPipeline } from '../helpers/gitlab-ci-local.js'
import { skopeoDigest } from '../helpers/skopeo.js'

// gitlab-ci-local needs Node >= 22: the pinned node_modules/.bin/node runs it.
const NODE_BIN = join(REPO_ROOT, 'node_modules', '.bin')
const NODE = join(NODE_BIN, 'node')

const { registries } = testEnv()
const upstream = registries.plain
const dest = registries.plain2

interface Project {
  dir: string
  /** Where the `report` job copies what it received from the component job. */
  resultDir: string
}

/**
 * A git project that includes templates/<template>.yml with `inputs` and has
 * the surfaces config fixtures, plus a `report` job that needs the component
 * job and copies `files` (its artifacts) and `variables` (its dotenv report)
 * into resultDir.
 */
function project(
  template: string,
  job: string,
  inputs: Record<string, unknown>,
  files: string[],
  variables: string[] = []
): Project {
  const dir = mkdtempSync(join(tmpdir(), `im-gitlab-${template}-`))
  cpSync(join(REPO_ROOT, 'gitlab/templates'), join(dir, 'templates'), { recursive: true })
  cpSync(join(REPO_ROOT, 'test/fixtures/surfaces'), dir, { recursive: true })
  const resultDir = mkdtempSync(join(tmpdir(), 'im-gitlab-result-'))
  const pipeline = {
    stages: ['build', 'deploy', 'test'],
    include: [{ local: `templates/${template}.yml`, inputs }],
    report: {
      stage: 'test',
      needs: [job],
      variables: { RESULT_DIR: resultDir },
      script: [
        ...files.map((f) => `cp '${f}' "$RESULT_DIR/"`),
        ...variables.map((v) => `printf '%s\\n' "$${v}" > "$RESULT_DIR/${v}"`)
      ]
    }
  }
  writeFileSync(join(dir, '.gitlab-ci.yml'), stringify(pipeline))
  writeFileSync(join(dir, '.gitignore'), '.gitlab-ci-local/\n*.env\n*.json\n')
  return { dir, resultDir }
}

function git(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: dir }, (err, stdout, stderr) =>
      err ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve(stdout)
    )
  })
}

/** Commits everything and points origin/HEAD at it, as gitlab-ci-local expects (§6.1). */
async function commit(dir: string): Promise<void> {
  await git(dir, ['init', '-q', '-b', 'main'])
  await git(dir, ['remote', 'add', 'origin', 'https://gitlab.test/acme/app.git'])
  await git(dir, ['add', '-A'])
  await git(dir, ['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'change'])
  await git(dir, ['update-ref', 'refs/remotes/origin/main', 'HEAD'])
  await git(dir, ['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main'])
}

/** A directory holding `image-mirror`: the CLI of this checkout, or a given script. */
function cliDir(script?: string): string {
  const bin = mkdtempSync(join(tmpdir(), 'im-gitlab-bin-'))
  const path = join(bin, 'image-mirror')
  writeFileSync(path, script ?? `#!/bin/sh\nexec '${NODE}' '${join(REPO_ROOT, 'bin/image-mirror.js')}' "$@"\n`)
  chmodSync(path, 0o755)
  return bin
}

/** Runs the whole pipeline on the host shell; `variables` are project CI/CD variables. */
const prefix = () => `gl-${randomBytes(4).toString('hex')}`

describe('gitlab component: mirror', () => {
  const p = prefix()
  const sources = [`${upstream.host}/${p}/postgres:16`, `${upstream.host}/${p}/team/api:stable`]

  before(async () => {
    await buildImage({ registry: upstream, repository: `${p}/postgres`, tag: '16', layers: [512] })
    await buildImage({ registry: upstream, repository: `${p}/team/api`, tag: 'stable', layers: [256, 128] })
  })

  test('the job mirrors the images and hands mirror.json and the dotenv report to later jobs', async () => {
    const proj = project(
      'mirror',
      'image-mirror-mirror',
      { config: 'mirror.yml' },
      ['mirror.json'],
      ['MIRROR_POSTGRES', 'MIRROR_API']
    )
    await commit(proj.dir)
    const run = await runPipeline(proj.dir, cliDir(), { UPSTREAM: upstream.host, MIRROR: dest.host, PREFIX: p })
    assert.equal(run.code, 0, run.output)

    const map = JSON.parse(readFileSync(join(proj.resultDir, 'mirror.json'), 'utf8')) as Record<
      string,
      { mirror: string; digest: string; reference: string }
    >
    assert.deepEqual(Object.keys(map).sort(), [...sources].sort())
    for (const source of sources) {
      const entry = map[source]!
      assert.equal(entry.digest, await skopeoDigest(source, upstream), 'the upstream digest')
      assert.equal(await skopeoDigest(entry.mirror, dest), entry.digest, 'the mirror registry holds it')
      assert.equal(entry.reference, `${entry.mirror}@${entry.digest}`)
    }
    const dotenv = (name: string) => readFileSync(join(proj.resultDir, name), 'utf8').trim()
    assert.equal(dotenv('MIRROR_POSTGRES'), map[sources[0]!]!.reference)
    assert.equal(dotenv('MIRROR_API'), map[sources[1]!]!.reference)
  })
})

describe('gitlab component: promote', () => {
  const p = prefix()
  const vars = () => ({ SRC: upstream.host, DEST: dest.host, PREFIX: p })

  test('the job promotes the image and writes promote.json', async () => {
    const image = await buildImage({ registry: upstream, repository: `${p}/app`, tag: 'v2.0.0', layers: [300] })
    const proj = project(
      'promote',
      'image-mirror-promote',
      { config: 'promote.yml', reference: image.ref },
      ['promote.json']
    )
    await commit(proj.dir)
    const run = await runPipeline(proj.dir, cliDir(), vars())
    assert.equal(run.code, 0, run.output)
    const report = JSON.parse(readFileSync(join(proj.resultDir, 'promote.json'), 'utf8')) as Array<
      Record<string, string>
    >
    assert.equal(report.length, 1)
    assert.equal(report[0]?.destination, `${dest.host}/${p}/app:v2.0.0`)
    assert.equal(report[0]?.status, 'copied')
    assert.equal(await skopeoDigest(`${dest.host}/${p}/app:v2.0.0`, dest), image.digest)
  })

  test('input values reach the CLI as literal arguments and nothing in them is executed', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'im-gitlab-pwned-')), 'pwned')
    const argvFile = join(mkdtempSync(join(tmpdir(), 'im-gitlab-argv-')), 'argv.json')
    // A stand-in CLI that records its arguments.
    const recorder = cliDir(
      [
        '#!/bin/sh',
        `'${NODE}' -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)))' '${argvFile}' "$@"`,
        `printf '[]\\n'`,
        ''
      ].join('\n')
    )
    const evil = {
      quote: `"; touch ${marker} #`,
      subst: `$(touch ${marker})`,
      backtick: `\`touch ${marker}\``,
      single: `'; touch ${marker}; '`
    }
    const proj = project(
      'promote',
      'image-mirror-promote',
      { config: evil.quote, reference: evil.subst, extra_args: [evil.backtick, evil.single, '*'] },
      ['promote.json']
    )
    await commit(proj.dir)
    const run = await runPipeline(proj.dir, recorder, vars())
    assert.equal(run.code, 0, run.output)
    assert.equal(existsSync(marker), false, 'no input was executed')
    assert.deepEqual(JSON.parse(readFileSync(argvFile, 'utf8')), [
      'promote',
      evil.subst,
      '--config',
      evil.quote,
      '--json',
      evil.backtick,
      evil.single,
      '*'
    ])
  })
})

describe('gitlab component: sync', () => {
  const p = prefix()

  test('the job syncs the selected tags and hands sync.json and sync.md to later jobs', async () => {
    const v1 = await buildImage({ registry: upstream, repository: `${p}/tool`, tag: 'v1', layers: [200] })
    await buildImage({ registry: upstream, repository: `${p}/tool`, tag: 'v2-rc1', layers: [100] })
    const proj = project('sync', 'image-mirror-sync', { config: 'sync.yml', force: true }, ['sync.json', 'sync.md'])
    await commit(proj.dir)
    const run = await runPipeline(proj.dir, cliDir(), { UPSTREAM: upstream.host, MIRROR: dest.host, PREFIX: p })
    assert.equal(run.code, 0, run.output)
    const report = JSON.parse(readFileSync(join(proj.resultDir, 'sync.json'), 'utf8')) as {
      entries: Array<{ name: string; status: string; copied: string[] }>
    }
    assert.equal(report.entries[0]?.status, 'synced')
    assert.deepEqual(report.entries[0]?.copied, ['v1'])
    assert.equal(await skopeoDigest(`${dest.host}/${p}/tool:v1`, dest), v1.digest)
    assert.match(readFileSync(join(proj.resultDir, 'sync.md'), 'utf8'), /tool/)
  })
})

describe('gitlab component: promote refusal', () => {
  const p = prefix()

  test('a refused destination fails the job and promote.json still says why', async () => {
    await buildImage({ registry: upstream, repository: `${p}/app`, tag: 'v3', layers: [150] })
    // The destination tag already holds another image.
    await buildImage({ registry: dest, repository: `${p}/app`, tag: 'v3', layers: [160] })
    const proj = project('promote', 'image-mirror-promote', { config: 'promote.yml', reference: `${upstream.host}/${p}/app:v3` }, ['promote.json'])
    await commit(proj.dir)
    const run = await runPipeline(proj.dir, cliDir(), { SRC: upstream.host, DEST: dest.host, PREFIX: p })
    assert.notEqual(run.code, 0, run.output)
    assert.match(run.output, /"status":"refused"/)
    const artifact = join(proj.dir, '.gitlab-ci-local', 'artifacts', 'image-mirror-promote', 'promote.json')
    assert.ok(existsSync(artifact), `the artifact is kept when the job fails:\n${run.output}`)
    const report = JSON.parse(readFileSync(artifact, 'utf8')) as Array<Record<string, string>>
    assert.equal(report[0]?.status, 'refused')
  })
})
