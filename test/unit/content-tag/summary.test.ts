// The input summary stored with an image and the diff that explains why a
// local tag differs from the stored one.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import {
  computeContentTag,
  diffInputs,
  summarizeInputs,
  type ContentTagOptions
} from '../../../src/engine/content-tag/index.js'
import { tempDir, writeTree } from './helpers.js'

const TREE = {
  Dockerfile: 'FROM a AS base\nARG VERSION\nARG TOKEN\n',
  'src/a.ts': 'a\n',
  'src/lib/b.ts': 'b\n',
  'web/index.html': '<p>\n',
  'README.md': 'r\n'
}
const OPTS: Partial<ContentTagOptions> = {
  buildArgs: { VERSION: '1', TOKEN: 'secret-token' },
  platforms: ['linux/amd64']
}

async function inputsOf(root: string, opts: Partial<ContentTagOptions> = {}) {
  return (await computeContentTag({ context: root, repoRoot: root, ...OPTS, ...opts })).inputs
}

describe('summary', () => {
  test('holds every input but the file list, stays small and never stores values', async () => {
    const root = writeTree(tempDir('summary'), TREE)
    for (let i = 0; i < 400; i++) writeTree(root, { [`many/d${i % 40}/f${i}.txt`]: String(i) })
    const summary = summarizeInputs(await inputsOf(root))
    assert.ok(summary.length < 4096, `summary is ${summary.length} bytes`)
    assert.ok(!summary.includes('secret-token'))
    const parsed = JSON.parse(summary)
    assert.equal(parsed.v, 'v1')
    assert.equal(parsed.dockerfile.path, 'Dockerfile')
    assert.deepEqual(Object.keys(parsed.buildArgs), ['TOKEN', 'VERSION'])
    assert.equal(parsed.fileCount, 405)
    assert.ok(parsed.dirs.depth >= 1)
    assert.ok('src/' in parsed.dirs.digests && './' in parsed.dirs.digests)
  })
})

const diffs: Array<{
  name: string
  change: (root: string) => void
  opts?: Partial<ContentTagOptions>
  lines: string[]
}> = [
  { name: 'nothing changed', change: () => {}, lines: [] },
  {
    name: 'Dockerfile content',
    change: (r) => writeTree(r, { Dockerfile: TREE.Dockerfile + 'RUN true\n' }),
    lines: ['Dockerfile content changed (Dockerfile)', 'files changed at the top of the context']
  },
  {
    name: 'a build arg value',
    change: () => {},
    opts: { buildArgs: { VERSION: '2', TOKEN: 'secret-token' } },
    lines: ['build arg VERSION changed']
  },
  {
    name: 'a build arg removed',
    change: () => {},
    opts: { buildArgs: { VERSION: '1' } },
    lines: ['build arg TOKEN removed']
  },
  {
    name: 'target',
    change: () => {},
    opts: { target: 'base' },
    lines: ['target stage changed: (none) → base']
  },
  {
    name: 'platforms',
    change: () => {},
    opts: { platforms: ['linux/amd64', 'linux/arm64'] },
    lines: ['platforms changed: linux/amd64 → linux/amd64, linux/arm64']
  },
  {
    name: 'a file deep in src',
    change: (r) => writeTree(r, { 'src/lib/b.ts': 'changed\n' }),
    lines: ['files changed under src/lib/']
  },
  {
    name: 'a file at the top',
    change: (r) => writeTree(r, { 'README.md': 'changed\n' }),
    lines: ['files changed at the top of the context']
  },
  {
    name: 'a new directory',
    change: (r) => writeTree(r, { 'docs/x.md': 'x\n' }),
    lines: ['files added under docs/']
  },
  {
    name: 'a directory emptied',
    change: (r) => rmSync(join(r, 'web'), { recursive: true }),
    lines: ['files removed under web/ (none left)']
  },
  {
    name: 'an extra value',
    change: () => {},
    opts: { extraValues: { k: 'v' } },
    lines: ['extra value k added']
  },
  {
    name: 'several inputs at once',
    change: (r) => writeTree(r, { 'web/index.html': 'new\n' }),
    opts: { buildArgs: { VERSION: '3', TOKEN: 'secret-token' } },
    lines: ['build arg VERSION changed', 'files changed under web/']
  }
]

describe('diff against a stored summary', () => {
  for (const tc of diffs) {
    test(tc.name, async () => {
      const root = writeTree(tempDir('diff'), TREE)
      const stored = summarizeInputs(await inputsOf(root))
      tc.change(root)
      assert.deepEqual(diffInputs(await inputsOf(root, tc.opts), stored), tc.lines)
    })
  }
  test('a summary from another scheme or not JSON at all', async () => {
    const inputs = await inputsOf(writeTree(tempDir('diff-bad'), TREE))
    assert.match(diffInputs(inputs, '{"v":"v2"}')[0]!, /scheme v2/)
    assert.match(diffInputs(inputs, 'not json')[0]!, /not valid JSON/)
  })
})
