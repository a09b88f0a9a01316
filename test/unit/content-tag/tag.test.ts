// computeContentTag end to end on small trees: the pinned test vector, git
// index and file system agreeing on clean and dirty trees, which changes move
// the tag and which must not, and the errors a user can cause.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { describeAll } from '../../../src/engine/content-tag/blob-hash.js'
import { encodeFiles, encodeInputs, sha256Hex } from '../../../src/engine/content-tag/encoding.js'
import {
  computeContentTag,
  explainJson,
  explainLines,
  type ContentTagOptions,
  type ContentTagResult
} from '../../../src/engine/content-tag/index.js'
import { UserError } from '../../../src/errors.js'
import { commitAll, copyTree, git, tempDir, writeTree, type Tree } from './helpers.js'

// The test vector of docs/content-tag.md §8. These values are pinned: if they
// change, tags computed by earlier releases no longer match (spec §2).
const VECTOR_TREE: Tree = {
  Dockerfile: 'FROM scratch\nARG VERSION\nCOPY . /app\n',
  '.dockerignore': '*.log\n',
  'hello.txt': 'hello\n',
  'bin/run.sh': { exec: '#!/bin/sh\necho hi\n' },
  link: { link: 'hello.txt' },
  'debug.log': 'not sent\n'
}
const VECTOR_OPTIONS = {
  buildArgs: { VERSION: '1.0', UNUSED: 'x' },
  platforms: ['linux/arm64', 'linux/amd64'],
  extraValues: { channel: 'stable' }
}
const VECTOR_TAG = 'im-v1-1dd304a3870e80d9433d8b15768836e930d51d10'
const VECTOR_DIGEST = '1dd304a3870e80d9433d8b15768836e930d51d106131c76f11a59f6f812139ec'
const VECTOR_FILES_SECTION =
  '5:files,1:5,' +
  '13:.dockerignore,6:100644,40:397b4a7624e35fa60563a9c03b1213d93f7b6546,' +
  '10:Dockerfile,6:100644,40:8f8a0c1527f668a614787a33a2ec3b39d5527964,' +
  '10:bin/run.sh,6:100755,40:4163036efa65bd4a469e752267498f01ea36a55c,' +
  '9:hello.txt,6:100644,40:ce013625030ba8dba906f756967f9e9ca394464a,' +
  '4:link,6:120000,40:a5162f80d4a6782b7cb2a0a197f834e683cb9eb1,'
const VECTOR_CONTEXT_DIGEST = '250a81ec88d6a6635905cfe6cf7796b4f9ab510cc59ae637a30678ef1bcd688e'
const VECTOR_ENCODING =
  '24:image-mirror content-tag,2:v1,' +
  '10:dockerfile,10:Dockerfile,40:8f8a0c1527f668a614787a33a2ec3b39d5527964,' +
  '7:context,64:250a81ec88d6a6635905cfe6cf7796b4f9ab510cc59ae637a30678ef1bcd688e,' +
  '10:build-args,1:1,7:VERSION,3:1.0,' +
  '6:target,1:0,' +
  '9:platforms,1:2,11:linux/amd64,11:linux/arm64,' +
  '11:extra-files,1:0,' +
  '12:extra-values,1:1,7:channel,6:stable,' +
  '6:commit,1:0,' +
  '9:repo-path,1:0,'

function tagOf(context: string, opts: Partial<ContentTagOptions> = {}): Promise<ContentTagResult> {
  return computeContentTag({ context, ...opts })
}

describe('test vector', () => {
  test('a plain directory gives the pinned tag, digest and encoding', async () => {
    const root = writeTree(tempDir('vector'), VECTOR_TREE)
    const r = await tagOf(root, { ...VECTOR_OPTIONS, repoRoot: root })
    assert.equal(r.source, 'filesystem')
    assert.equal(encodeFiles('files', r.inputs.files).join(''), VECTOR_FILES_SECTION)
    assert.equal(r.inputs.contextDigest, VECTOR_CONTEXT_DIGEST)
    assert.equal(sha256Hex(VECTOR_FILES_SECTION), VECTOR_CONTEXT_DIGEST)
    assert.equal(encodeInputs(r.inputs), VECTOR_ENCODING)
    assert.equal(sha256Hex(VECTOR_ENCODING), VECTOR_DIGEST)
    assert.equal(r.digest, VECTOR_DIGEST)
    assert.equal(r.tag, VECTOR_TAG)
    assert.deepEqual(r.inputs.ignoredBuildArgs, ['UNUSED'])
  })
  test('the same tree committed to git gives the same tag from the index', async () => {
    const root = commitAll(writeTree(tempDir('vector-git'), VECTOR_TREE))
    const r = await tagOf(root, VECTOR_OPTIONS)
    assert.equal(r.source, 'git')
    assert.equal(r.stats.hashedFiles, 0)
    assert.equal(r.tag, VECTOR_TAG)
  })
})

/** Tags from git's index and from reading every file, which must agree. */
async function bothWays(
  context: string,
  opts: Partial<ContentTagOptions> = {}
): Promise<{ git: ContentTagResult; fs: ContentTagResult }> {
  const [viaGit, viaFs] = [
    await tagOf(context, opts),
    await tagOf(context, { ...opts, useGit: false })
  ]
  assert.equal(viaGit.source, 'git')
  assert.equal(viaFs.source, 'filesystem')
  assert.deepEqual(viaGit.inputs, viaFs.inputs)
  assert.equal(viaGit.tag, viaFs.tag)
  return { git: viaGit, fs: viaFs }
}

const BASE: Tree = {
  Dockerfile: 'FROM alpine AS build\nARG VERSION\nRUN echo $VERSION\nFROM build AS final\n',
  '.dockerignore': 'tmp\n*.log\n!keep.log\n',
  '.gitignore': 'generated/\n*.local\n',
  'src/main.ts': 'console.log(1)\n',
  'src/util/strings.ts': 'export {}\n',
  'scripts/run.sh': { exec: '#!/bin/sh\n' },
  'README.md': '# app\n',
  'docs/link': { link: '../README.md' },
  'tmp/cache': 'ignored by docker\n',
  'keep.log': 'kept\n'
}

describe('git index and file system agree', () => {
  test('on a clean tree, without reading any file', async () => {
    const root = commitAll(writeTree(tempDir('clean'), BASE))
    const { git: viaGit } = await bothWays(root)
    assert.equal(viaGit.stats.hashedFiles, 0)
    assert.deepEqual(explainJson(viaGit).files, [
      '.dockerignore',
      '.gitignore',
      'Dockerfile',
      'README.md',
      'docs/link',
      'keep.log',
      'scripts/run.sh',
      'src/main.ts',
      'src/util/strings.ts'
    ])
  })

  test('on a clean tree whose names sort differently in UTF-16 and UTF-8', async () => {
    // U+1F600 (a surrogate pair) sorts before U+E000 in UTF-16 but after it in UTF-8 bytes;
    // the tag hashes byte order, as git's index holds it.
    const names = ['caf\u00e9.txt', 'x\ue000', 'x\u{1f600}', 'plain.txt']
    const tree: Tree = { Dockerfile: 'FROM scratch\n' }
    for (const name of names) tree[name] = `${name}\n`
    const root = commitAll(writeTree(tempDir('unicode'), tree))
    const { git: viaGit } = await bothWays(root)
    assert.equal(viaGit.stats.hashedFiles, 0)
    assert.deepEqual(explainJson(viaGit).files, ['Dockerfile', 'caf\u00e9.txt', 'plain.txt', 'x\ue000', 'x\u{1f600}'])
  })

  test('on a dirty tree, reading only what changed', async () => {
    const root = commitAll(writeTree(tempDir('dirty'), BASE))
    git(root, 'update-index', '--assume-unchanged', 'README.md')
    writeTree(root, {
      'src/main.ts': 'console.log(2)\n', // modified
      'src/new.ts': 'new\n', // untracked
      'generated/out.js': 'git-ignored, not docker-ignored\n', // untracked dir, ignored by git
      'app.local': 'git-ignored file\n',
      'docs/link': { link: '../src/main.ts' }, // symlink retargeted
      'README.md': '# changed behind assume-unchanged\n',
      'tmp/more': 'docker-ignored\n'
    })
    rmSync(join(root, 'src/util/strings.ts')) // tracked, deleted
    chmodSync(join(root, 'src/main.ts'), 0o755) // exec bit
    const { git: viaGit } = await bothWays(root)
    assert.ok(viaGit.stats.hashedFiles >= 5 && viaGit.stats.hashedFiles < viaGit.stats.files)
    const entries = Object.fromEntries(viaGit.inputs.files.map((f) => [f.path, f.mode]))
    assert.equal(entries['src/main.ts'], '100755')
    assert.equal(entries['generated/out.js'], '100644')
    assert.equal(entries['src/util/strings.ts'], undefined)
    assert.equal(entries['tmp/more'], undefined)
    // Nothing but the working tree counts: a copy without .git gives the same tag.
    const plain = copyTree(root, 'dirty-plain')
    rmSync(join(plain, '.git'), { recursive: true })
    assert.equal((await tagOf(plain, { repoRoot: plain })).tag, viaGit.tag)
  })

  test('a file replaced by a directory, and staged but further edited files', async () => {
    const root = commitAll(writeTree(tempDir('replace'), BASE))
    rmSync(join(root, 'README.md'))
    writeTree(root, { 'README.md/index.md': 'now a directory\n', 'src/main.ts': 'staged\n' })
    git(root, 'add', 'src/main.ts')
    writeTree(root, { 'src/main.ts': 'edited after staging\n' })
    await bothWays(root)
  })

  test('a tracked directory replaced by a symlink to another directory', async () => {
    const root = commitAll(writeTree(tempDir('dirlink'), { ...BASE, 'other/main.ts': 'other\n' }))
    rmSync(join(root, 'src'), { recursive: true })
    writeTree(root, { src: { link: 'other' } })
    const { git: viaGit } = await bothWays(root)
    assert.ok(!viaGit.inputs.files.some((f) => f.path.startsWith('src/')))
    assert.equal(viaGit.inputs.files.find((f) => f.path === 'src')?.mode, '120000')
  })

  test('a context below the repository root', async () => {
    const root = commitAll(
      writeTree(tempDir('sub'), {
        'services/api/Dockerfile': 'FROM a\n',
        'services/api/x': 'x\n',
        other: 'o\n'
      })
    )
    writeTree(root, {
      'services/api/y': 'untracked\n',
      'services/api/x': 'modified\n',
      other: 'modified outside\n'
    })
    const { git: viaGit } = await bothWays(join(root, 'services/api'))
    assert.equal(viaGit.stats.hashedFiles, 2)
    assert.equal(viaGit.inputs.dockerfile.path, 'services/api/Dockerfile')
    assert.deepEqual(explainJson(viaGit).files, ['Dockerfile', 'x', 'y'])
  })

  test('a context inside an untracked directory', async () => {
    const root = commitAll(writeTree(tempDir('untracked-ctx'), { a: 'a\n' }))
    writeTree(root, { 'build/ctx/Dockerfile': 'FROM a\n', 'build/ctx/f': 'f\n' })
    await bothWays(join(root, 'build/ctx'))
  })

  test('text attributes: a CRLF edit that git calls unmodified is still read from disk', async () => {
    const root = commitAll(
      writeTree(tempDir('attrs'), {
        Dockerfile: 'FROM a\n',
        '.gitattributes': '* text=auto\n',
        'notes.txt': 'a\nb\n'
      })
    )
    writeTree(root, { 'notes.txt': 'a\r\nb\r\n' })
    // Adding normalises to the committed blob and records the CRLF file's stat as clean.
    git(root, 'add', 'notes.txt')
    assert.equal(git(root, 'diff-files', '--name-only'), '')
    await bothWays(root)
  })

  test('core.fileMode false: the exec bit git ignores is still read from disk', async () => {
    const root = commitAll(
      writeTree(tempDir('filemode'), { Dockerfile: 'FROM a\n', 'run.sh': 'x\n' })
    )
    git(root, 'config', 'core.fileMode', 'false')
    chmodSync(join(root, 'run.sh'), 0o755)
    // chmod moves the ctime; once the second has turned, git's stat check would flag the file
    // for that alone. A refresh records the new stat, so git calls the file unmodified.
    git(root, 'update-index', '-q', '--refresh')
    assert.equal(git(root, 'diff-files', '--name-only'), '')
    const { git: viaGit } = await bothWays(root)
    assert.equal(viaGit.inputs.files.find((f) => f.path === 'run.sh')?.mode, '100755')
  })

  test('submodules and nested repositories contribute their working tree files', async () => {
    const lib = commitAll(writeTree(tempDir('lib'), { 'lib.ts': 'lib\n', 'nested/x': 'x\n' }))
    const root = commitAll(writeTree(tempDir('super'), { Dockerfile: 'FROM a\nCOPY . /\n' }))
    git(root, 'submodule', 'add', '-q', lib, 'vendor/lib')
    git(root, 'commit', '-q', '-m', 'add submodule')
    writeTree(root, { 'vendor/lib/lib.ts': 'edited in the submodule\n' })
    const nested = commitAll(writeTree(join(root, 'tools'), { 'tool.sh': 'tool\n' }))
    const { git: viaGit } = await bothWays(root)
    const files = explainJson(viaGit)
    assert.ok(
      files.files.includes('vendor/lib/lib.ts') &&
        files.files.includes('vendor/lib/nested/x') &&
        files.files.includes('tools/tool.sh')
    )
    assert.ok(!files.files.some((f) => f.endsWith('.git') || f.includes('.git/')))
    assert.ok(nested)
  })

  test('a repository copied elsewhere (stale stat cache) gives the same tag', async () => {
    const root = commitAll(writeTree(tempDir('moved'), BASE))
    const before = await tagOf(root)
    const moved = copyTree(root, 'moved-copy')
    const after = await bothWays(moved)
    assert.equal(after.git.tag, before.tag)
  })
})

describe("git's index file, read in place", () => {
  /** The tag from git equals the tag from the files, and no file was read. */
  async function cleanFromIndex(root: string, context = root): Promise<void> {
    const { git: viaGit } = await bothWays(context)
    assert.equal(viaGit.stats.hashedFiles, 0)
  }

  test('index version 4 (path prefix compression, as feature.manyFiles sets)', async () => {
    const root = commitAll(writeTree(tempDir('index-v4'), { ...BASE, 'src/util/stringify.ts': 'x\n' }))
    git(root, 'update-index', '--index-version', '4')
    await cleanFromIndex(root)
    writeTree(root, { 'src/util/strings.ts': 'changed\n' })
    await bothWays(root)
  })

  test('index version 3: skip-worktree and intent-to-add entries are read from disk', async () => {
    const root = commitAll(writeTree(tempDir('index-v3'), BASE))
    writeTree(root, { 'src/added.ts': 'intent to add\n', 'README.md': '# behind skip-worktree\n' })
    git(root, 'add', '-N', 'src/added.ts')
    git(root, 'update-index', '--skip-worktree', 'README.md')
    const { git: viaGit } = await bothWays(root)
    assert.equal(viaGit.stats.hashedFiles, 2)
  })

  test('unmerged entries are read from disk once', async () => {
    const root = commitAll(writeTree(tempDir('unmerged'), { Dockerfile: 'FROM a\n', 'f.txt': 'base\n' }))
    git(root, 'checkout', '-q', '-b', 'other')
    writeTree(root, { 'f.txt': 'other\n' })
    git(root, 'commit', '-q', '-am', 'other')
    git(root, 'checkout', '-q', '-')
    writeTree(root, { 'f.txt': 'main\n' })
    git(root, 'commit', '-q', '-am', 'main')
    assert.throws(() => git(root, 'merge', '-q', 'other'))
    const { git: viaGit } = await bothWays(root)
    assert.equal(viaGit.stats.hashedFiles, 1)
  })

  test('a context reached through a symlink inside the work tree', async () => {
    const root = commitAll(writeTree(tempDir('linked-ctx'), { 'services/api/Dockerfile': 'FROM a\n', 'services/api/x': 'x\n' }))
    writeTree(root, { api: { link: 'services/api' } })
    await cleanFromIndex(root, join(root, 'api'))
  })

  test('a linked worktree reads its own index', async () => {
    const root = commitAll(writeTree(tempDir('worktree-main'), BASE))
    const linked = join(tempDir('worktree-linked'), 'wt')
    git(root, 'worktree', 'add', '-q', linked)
    writeTree(linked, { 'src/main.ts': 'only in the linked worktree\n' })
    git(linked, 'add', 'src/main.ts')
    const { git: viaGit } = await bothWays(linked)
    assert.equal(viaGit.stats.hashedFiles, 0)
    assert.notEqual(viaGit.tag, (await tagOf(root)).tag)
  })

  test('a repository with nothing added yet has no index: every file is untracked', async () => {
    const root = writeTree(tempDir('no-index'), BASE)
    git(root, 'init', '-q')
    await bothWays(root)
  })

  for (const [layout, setup, why] of [
    ['split index', (root: string) => git(root, 'update-index', '--split-index'), /split index/],
    ['SHA-256 repository', undefined, /sha256/]
  ] as const) {
    test(`a ${layout} is listed by reading every file, with a warning`, async () => {
      const root = writeTree(tempDir('layout'), BASE)
      if (setup === undefined) git(root, 'init', '-q', '--object-format=sha256')
      else git(root, 'init', '-q')
      git(root, 'add', '-A')
      git(root, 'commit', '-q', '-m', 'test')
      setup?.(root)
      const viaGit = await tagOf(root)
      const viaFs = await tagOf(root, { useGit: false })
      assert.equal(viaGit.source, 'filesystem')
      assert.equal(viaGit.tag, viaFs.tag)
      assert.ok(viaGit.warnings.some((w) => why.test(w)), viaGit.warnings.join('; '))
    })
  }
})

/** A mutation of the base tree or options that must change the tag. */
interface Change {
  name: string
  tree?: (root: string) => void
  opts?: Partial<ContentTagOptions>
}

const changes: Change[] = [
  { name: 'file content', tree: (r) => writeTree(r, { 'src/main.ts': 'console.log(3)\n' }) },
  { name: 'file mode', tree: (r) => chmodSync(join(r, 'README.md'), 0o755) },
  { name: 'rename', tree: (r) => renameSync(join(r, 'src/main.ts'), join(r, 'src/index.ts')) },
  { name: 'new file', tree: (r) => writeTree(r, { 'src/extra.ts': '' }) },
  { name: 'deleted file', tree: (r) => rmSync(join(r, 'README.md')) },
  { name: 'symlink target', tree: (r) => writeTree(r, { 'docs/link': { link: 'README.md' } }) },
  {
    name: 'symlink to file with the same text',
    tree: (r) => writeTree(r, { 'docs/link': '../README.md' })
  },
  {
    name: 'Dockerfile content',
    tree: (r) => writeTree(r, { Dockerfile: BASE.Dockerfile + '# comment\n' })
  },
  {
    name: 'Dockerfile path',
    tree: (r) => writeTree(r, { 'build/Dockerfile': BASE.Dockerfile as string }),
    opts: { dockerfile: 'build/Dockerfile' }
  },
  { name: 'used build arg value', opts: { buildArgs: { VERSION: '2' } } },
  { name: 'BuildKit build arg', opts: { buildArgs: { VERSION: '1', SOURCE_DATE_EPOCH: '0' } } },
  { name: 'target', opts: { target: 'build' } },
  { name: 'platforms', opts: { platforms: ['linux/amd64', 'linux/arm64'] } },
  { name: 'extra file content', tree: (r) => writeTree(r, { '../extra.txt': 'changed\n' }) },
  { name: 'extra value', opts: { extraValues: { channel: 'beta' } } },
  { name: 'commit included', opts: { includeCommit: true } },
  { name: 'repository path included', opts: { includeRepoPath: true } },
  { name: 're-included file edited', tree: (r) => writeTree(r, { 'keep.log': 'changed\n' }) },
  {
    name: '.dockerignore edited so more is sent',
    tree: (r) => writeTree(r, { '.dockerignore': '*.log\n' })
  }
]

/** Things that must leave the tag alone. */
const nonChanges: Change[] = [
  { name: 'unused build arg', opts: { buildArgs: { VERSION: '1', UNUSED: 'anything' } } },
  {
    name: 'edit in a docker-ignored directory',
    tree: (r) => writeTree(r, { 'tmp/cache': 'edited\n', 'tmp/new': 'n\n' })
  },
  { name: 'docker-ignored file added', tree: (r) => writeTree(r, { 'debug.log': 'x\n' }) },
  { name: 'platform duplicates', opts: { platforms: ['linux/amd64', 'linux/amd64'] } },
  { name: 'platform aliases', opts: { platforms: ['Linux/x86_64', 'linux/amd64/v1'] } },
  { name: 'target spelled in another case', opts: { target: 'FINAL' } },
  {
    name: 'permission bits other than the owner exec bit',
    tree: (r) => chmodSync(join(r, 'README.md'), 0o600)
  },
  {
    name: 'empty directory',
    tree: (r) => writeTree(r, { 'empty/.keep-me-not': '' }) && rmSync(join(r, 'empty/.keep-me-not'))
  }
]

const BASE_OPTS: Partial<ContentTagOptions> = {
  buildArgs: { VERSION: '1' },
  platforms: ['linux/amd64'],
  target: 'final',
  extraValues: { channel: 'stable' }
}

/** A fresh repository holding BASE inside `<tmp>/repo`, with `<tmp>/extra.txt` next to it. */
function baseRepo(label: string): { root: string; extra: string } {
  const dir = tempDir(label)
  const root = commitAll(writeTree(join(dir, 'repo'), BASE))
  writeTree(dir, { 'extra.txt': 'extra\n' })
  return { root, extra: join(dir, 'extra.txt') }
}

async function tagWith(root: string, extra: string, change?: Change): Promise<string> {
  change?.tree?.(root)
  const opts = { ...BASE_OPTS, extraFiles: [extra], ...change?.opts }
  if (opts.dockerfile) opts.dockerfile = join(root, opts.dockerfile)
  const viaGit = await tagOf(root, opts)
  const viaFs = await tagOf(root, { ...opts, useGit: false })
  assert.equal(viaGit.tag, viaFs.tag, 'git and file system agree')
  return viaGit.tag
}

describe('the tag changes when an input changes', () => {
  for (const change of changes) {
    test(change.name, async () => {
      const { root, extra } = baseRepo('change')
      const before = await tagWith(root, extra)
      assert.notEqual(await tagWith(root, extra, change), before)
    })
  }
})

describe('the tag does not change', () => {
  for (const change of nonChanges) {
    test(change.name, async () => {
      const { root, extra } = baseRepo('same')
      const before = await tagWith(root, extra)
      assert.equal(await tagWith(root, extra, change), before)
    })
  }
  test('platform order', async () => {
    const { root, extra } = baseRepo('order')
    const a = await tagWith(root, extra, { name: 'a', opts: { platforms: ['linux/amd64', 'linux/arm64'] } })
    const b = await tagWith(root, extra, { name: 'b', opts: { platforms: ['linux/arm64', 'linux/amd64'] } })
    assert.equal(a, b)
  })
  test('checkout path: the tree copied elsewhere', async () => {
    const { root, extra } = baseRepo('path')
    const before = await tagWith(root, extra)
    const moved = join(tempDir('path-moved'), 'elsewhere')
    cpSync(root, moved, { recursive: true, verbatimSymlinks: true })
    assert.equal(await tagWith(moved, extra), before)
  })
})

describe('tag format', () => {
  test('prefix and length are configurable', async () => {
    const root = writeTree(tempDir('format'), { Dockerfile: 'FROM a\n' })
    const r = await tagOf(root, { prefix: 'app_', hexLength: 64 })
    assert.match(r.tag, /^app_[0-9a-f]{64}$/)
    assert.equal(r.tag.slice(4), r.digest)
    assert.match((await tagOf(root, { prefix: '' })).tag, /^[0-9a-f]{40}$/)
  })
})

describe('user errors', () => {
  const root = writeTree(tempDir('errors'), { Dockerfile: 'FROM a AS base\n', 'not-a-dir': 'x' })
  const cases: Array<[string, Partial<ContentTagOptions> & { context?: string }, RegExp]> = [
    ['missing context', { context: join(root, 'nope') }, /build context .*nope does not exist/],
    ['context is a file', { context: join(root, 'not-a-dir') }, /is not a directory/],
    [
      'missing Dockerfile',
      { dockerfile: join(root, 'Missing.Dockerfile') },
      /Dockerfile .*Missing\.Dockerfile does not exist/
    ],
    [
      'Dockerfile outside the repository root',
      { dockerfile: join(root, 'Dockerfile'), repoRoot: join(root, 'sub-that-does-not-exist') },
      /repository root/
    ],
    ['bad prefix', { prefix: '-bad' }, /invalid tag prefix "-bad"/],
    ['prefix too long', { prefix: 'x'.repeat(90) }, /exceed 128/],
    ['hex length too short', { hexLength: 16 }, /hex length 16/],
    ['bad platform', { platforms: ['linux'] }, /invalid platform "linux"/],
    ['unknown target', { target: 'nope' }, /target stage "nope"/],
    [
      'missing extra file',
      { extraFiles: [join(root, 'no-such-file')] },
      /extra file .*no-such-file does not exist/
    ],
    ['useGit outside a work tree', { useGit: true }, /not inside a git work tree/]
  ]
  for (const [name, opts, message] of cases) {
    test(name, async () => {
      await assert.rejects(tagOf(opts.context ?? root, opts), (e: unknown) => {
        assert.ok(e instanceof UserError, `expected a UserError, got ${String(e)}`)
        assert.match(e.message, message)
        assert.ok(!e.message.includes('\n'))
        return true
      })
    })
  }
  test('a path that cannot be read is a user error naming it', async () => {
    const dir = tempDir('unreadable')
    const name = 'x'.repeat(300)
    await assert.rejects(
      describeAll(dir, [name]),
      (e: unknown) => e instanceof UserError && e.message.includes(join(dir, name))
    )
  })
  test('a FIFO in the context is left out with a warning', async () => {
    const dir = writeTree(tempDir('fifo'), { Dockerfile: 'FROM a\n' })
    execFileSync('mkfifo', [join(dir, 'pipe')])
    const r = await tagOf(dir)
    assert.deepEqual(explainJson(r).files, ['Dockerfile'])
    assert.match(r.warnings.join('\n'), /pipe is not a regular file/)
  })
})

describe('explaining', () => {
  test('lines name every input with its digest and never print values', async () => {
    const root = writeTree(tempDir('explain'), VECTOR_TREE)
    const r = await tagOf(root, {
      ...VECTOR_OPTIONS,
      repoRoot: root,
      buildArgs: { VERSION: 'sekrit-value' }
    })
    const text = explainLines(r).join('\n')
    assert.match(text, new RegExp(`^tag +${r.tag}$`, 'm'))
    assert.match(text, /^dockerfile +Dockerfile +blob 8f8a0c1527f668a614787a33a2ec3b39d5527964$/m)
    assert.match(text, /^build-arg +VERSION +value sha256:[0-9a-f]{16}$/m)
    assert.match(text, /^file +120000 a5162f80d4a6782b7cb2a0a197f834e683cb9eb1 +link$/m)
    assert.ok(!text.includes('sekrit-value'))
    assert.ok(!JSON.stringify(explainJson(r)).includes('sekrit-value'))
  })
  test('warns when .git is sent to the builder', async () => {
    const root = commitAll(writeTree(tempDir('dotgit'), { Dockerfile: 'FROM a\n' }))
    assert.match((await tagOf(root)).warnings.join('\n'), /holds \.git/)
    writeTree(root, { '.dockerignore': '.git\n' })
    assert.deepEqual((await tagOf(root)).warnings, [])
  })
})

describe('hashing on worker threads', () => {
  test('gives the same answers as the calling thread', async () => {
    const root = writeTree(tempDir('workers'), VECTOR_TREE)
    for (let i = 0; i < 300; i++) writeTree(root, { [`many/f${i}`]: String(i).repeat(i) })
    writeFileSync(join(root, 'big'), Buffer.alloc(3 * 1024 * 1024 + 7, 1))
    const rels = [
      ...Object.keys(VECTOR_TREE),
      'missing',
      'big',
      'bin',
      ...Array.from({ length: 300 }, (_, i) => `many/f${i}`)
    ]
    const threaded = await describeAll(root, rels, { threads: 2 })
    assert.deepEqual(threaded, await describeAll(root, rels, { threads: 0 }))
    assert.deepEqual(
      threaded.slice(6, 9).map((d) => d.kind),
      ['absent', 'file', 'directory']
    )
  })
})
