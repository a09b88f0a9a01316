// The GitLab build component, run by gitlab-ci-local on its shell executor
// (test-harness.md §6): a temp project includes templates/build.yml, the job
// runs the image-mirror CLI of this checkout against a real registry, and a
// later job reads the dotenv report, as pipelines do.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { stringify } from 'yaml'
import { testEnv } from '../helpers/env.js'
import { REPO_ROOT } from '../helpers/runner.js'
import { runPipeline } from '../helpers/gitlab-ci-local.js'
import { skopeoDigest } from '../helpers/skopeo.js'

// NOTE: fetched through npm exec until gitlab-ci-local is a devDependency.
// It needs Node >= 22: the pinned node_modules/.bin/node runs it.
const NODE_BIN = join(REPO_ROOT, 'node_modules', '.bin')
const NODE = join(NODE_BIN, 'node')
const JOB = 'image-mirror-build'

const { registries } = testEnv()
const plain = registries.plain

interface Project {
  dir: string
  /** Where the `report` job writes the dotenv variables it received. */
  resultFile: string
}

/**
 * A git project with an origin remote that includes the component from
 * templates/ (a copy of gitlab/templates) with `inputs`, plus a `report` job
 * that needs the build job and writes what the dotenv report gave it.
 */
function project(
  inputs: Record<string, unknown>,
  files: { app?: boolean } = { app: true }
): Project {
  const dir = mkdtempSync(join(tmpdir(), 'im-gitlab-build-'))
  cpSync(join(REPO_ROOT, 'gitlab/templates'), join(dir, 'templates'), { recursive: true })
  if (files.app)
    cpSync(join(REPO_ROOT, 'test/fixtures/action-app'), join(dir, 'app'), { recursive: true })
  const resultFile = join(mkdtempSync(join(tmpdir(), 'im-gitlab-result-')), 'result.env')
  const pipeline = {
    stages: ['build', 'test'],
    include: [{ local: 'templates/build.yml', inputs }],
    report: {
      stage: 'test',
      needs: [JOB],
      variables: { RESULT_FILE: resultFile },
      script: [
        `printf 'IMAGE=%s\\nDIGEST=%s\\nTAG=%s\\nCACHE_HIT=%s\\n' "$IMAGE" "$DIGEST" "$TAG" "$CACHE_HIT" > "$RESULT_FILE"`
      ]
    }
  }
  writeFileSync(join(dir, '.gitlab-ci.yml'), stringify(pipeline))
  writeFileSync(join(dir, '.gitignore'), '.gitlab-ci-local/\nbuild.env\n')
  return { dir, resultFile }
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
  if (!existsSync(join(dir, '.git'))) {
    await git(dir, ['init', '-q', '-b', 'main'])
    await git(dir, ['remote', 'add', 'origin', 'https://gitlab.test/acme/app.git'])
  }
  await git(dir, ['add', '-A'])
  await git(dir, [
    '-c',
    'user.name=test',
    '-c',
    'user.email=test@example.com',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'change'
  ])
  await git(dir, ['update-ref', 'refs/remotes/origin/main', 'HEAD'])
  await git(dir, ['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main'])
}

/** A directory holding `image-mirror`: the CLI of this checkout, or a given script. */
function cliDir(script?: string): string {
  const bin = mkdtempSync(join(tmpdir(), 'im-gitlab-bin-'))
  const path = join(bin, 'image-mirror')
  writeFileSync(
    path,
    script ?? `#!/bin/sh\nexec '${NODE}' '${join(REPO_ROOT, 'bin/image-mirror.js')}' "$@"\n`
  )
  chmodSync(path, 0o755)
  return bin
}

function readDotenv(file: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return result
}

describe('gitlab component: build', () => {
  const cli = cliDir()
  const repository = `${plain.host}/gitlab-build/app`
  const inputs = {
    image: repository,
    context: 'app',
    builder: 'buildah',
    insecure: true,
    tags: ['latest']
  }
  let firstResult: Record<string, string>
  let proj: Project

  test('the job builds, pushes and hands IMAGE, DIGEST, TAG and CACHE_HIT to later jobs', async () => {
    proj = project(inputs)
    await commit(proj.dir)
    const run = await runPipeline(proj.dir, cli)
    assert.equal(run.code, 0, run.output)
    firstResult = readDotenv(proj.resultFile)
    assert.equal(firstResult.CACHE_HIT, 'false')
    assert.match(firstResult.TAG ?? '', /[0-9a-f]{32,}$/)
    assert.equal(firstResult.IMAGE, `${repository}:${firstResult.TAG}`)
    assert.match(firstResult.DIGEST ?? '', /^sha256:[0-9a-f]{64}$/)
    assert.equal(await skopeoDigest(firstResult.IMAGE as string, plain), firstResult.DIGEST)
    assert.equal(
      await skopeoDigest(`${repository}:latest`, plain),
      firstResult.DIGEST,
      'the extra tag points at the image'
    )
  })

  test('a second pipeline on unchanged inputs is a cache hit with the same image', async () => {
    appendFileSync(join(proj.dir, 'app/docs/notes.md'), 'ignored by the build\n')
    await commit(proj.dir)
    const run = await runPipeline(proj.dir, cli)
    assert.equal(run.code, 0, run.output)
    const result = readDotenv(proj.resultFile)
    assert.deepEqual(result, { ...firstResult, CACHE_HIT: 'true' })
  })

  test('the default login uses CI_REGISTRY, CI_REGISTRY_USER and CI_REGISTRY_PASSWORD and never prints the password', async () => {
    const basic = registries.basic
    const p = project({ ...inputs, image: `${basic.host}/gitlab-build/app`, tags: [] })
    await commit(p.dir)
    const run = await runPipeline(p.dir, cli, {
      CI_REGISTRY: basic.host,
      CI_REGISTRY_USER: basic.username as string,
      CI_REGISTRY_PASSWORD: basic.password as string
    })
    assert.equal(run.code, 0, run.output)
    const result = readDotenv(p.resultFile)
    assert.equal(result.CACHE_HIT, 'false')
    assert.equal(await skopeoDigest(result.IMAGE as string, basic), result.DIGEST)
    assert.ok(!run.output.includes(basic.password as string), 'password not in the job log')
  })

  test('input values reach the CLI as literal arguments and nothing in them is executed', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'im-gitlab-pwned-')), 'pwned')
    const argvFile = join(mkdtempSync(join(tmpdir(), 'im-gitlab-argv-')), 'argv.json')
    // A stand-in CLI that records its arguments and writes a dotenv report.
    const recorder = cliDir(
      [
        '#!/bin/sh',
        `'${NODE}' -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)))' '${argvFile}' "$@"`,
        `printf 'IMAGE=i\\nDIGEST=d\\nTAG=t\\nCACHE_HIT=false\\n' > build.env`,
        ''
      ].join('\n')
    )
    const evil = {
      quote: `"; touch ${marker} #`,
      subst: `$(touch ${marker})`,
      backtick: `\`touch ${marker}\``,
      single: `'; touch ${marker}; '`,
      glob: '*'
    }
    const p = project(
      {
        image: repository,
        context: evil.quote,
        dockerfile: evil.single,
        build_args: [
          `A=${evil.quote}`,
          `B=${evil.subst}`,
          `C=${evil.backtick}`,
          `D=${evil.glob}`,
          'E=two  spaces'
        ],
        platforms: [evil.subst],
        tags: [evil.backtick, evil.glob],
        tag_prefix: evil.subst,
        extra_args: [evil.single, '--label', 'k=v w']
      },
      { app: false }
    )
    await commit(p.dir)
    const run = await runPipeline(p.dir, recorder)
    assert.equal(run.code, 0, run.output)
    assert.equal(existsSync(marker), false, 'no input was executed')
    const argv = JSON.parse(readFileSync(argvFile, 'utf8')) as string[]
    assert.deepEqual(argv, [
      'build',
      '--image',
      repository,
      '--context',
      evil.quote,
      '--builder',
      'buildah',
      '--dotenv',
      'build.env',
      '--dockerfile',
      evil.single,
      '--prefix',
      evil.subst,
      '--build-arg',
      `A=${evil.quote}`,
      '--build-arg',
      `B=${evil.subst}`,
      '--build-arg',
      `C=${evil.backtick}`,
      '--build-arg',
      `D=${evil.glob}`,
      '--build-arg',
      'E=two  spaces',
      '--platform',
      evil.subst,
      '--tag',
      evil.backtick,
      '--tag',
      evil.glob,
      evil.single,
      '--label',
      'k=v w'
    ])
  })

  test('invalid inputs stop the pipeline before any job runs', async () => {
    const cases = [
      {
        inputs: { ...inputs, builder: 'kaniko' },
        message: /`builder` input: `kaniko` cannot be used/
      },
      {
        inputs: { ...inputs, insecure: 'maybe' },
        message: /`insecure` input: provided value is not a boolean/
      },
      {
        inputs: { ...inputs, tags: 'latest' },
        message: /`tags` input: provided value is not a array/
      },
      {
        inputs: { ...inputs, target: 'x; rm -rf /' },
        message: /`target` input: .* does not match required regex/
      }
    ]
    for (const tc of cases) {
      const p = project(tc.inputs, { app: false })
      mkdirSync(join(p.dir, 'app'))
      await commit(p.dir)
      const run = await runPipeline(
        p.dir,
        cliDir('#!/bin/sh\necho image-mirror must not run; exit 3\n')
      )
      assert.notEqual(run.code, 0)
      assert.match(run.output, tc.message)
      assert.ok(!run.output.includes('image-mirror must not run'))
    }
  })
})
