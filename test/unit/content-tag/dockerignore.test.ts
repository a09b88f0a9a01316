// Reading .dockerignore as BuildKit does, and which context files a builder
// receives under those patterns (fsutil's filtered walk).
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { ContextFilter } from '../../../src/engine/content-tag/context-filter.js'
import { loadIgnoreFile, readIgnoreLines } from '../../../src/engine/content-tag/dockerignore.js'
import { walkContext } from '../../../src/engine/content-tag/fs-files.js'
import { newPatternMatcher } from '../../../src/engine/content-tag/pattern-matcher.js'
import { UserError } from '../../../src/errors.js'
import { tempDir } from './helpers.js'

const reading: Array<{ name: string; text: string; patterns: string[] }> = [
  {
    // BuildKit's own ReadAll test.
    name: 'leading slashes, comments, blank lines, spaced exceptions',
    text: 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! \n',
    patterns: ['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path', '!', '!']
  },
  { name: 'CRLF line ends', text: 'a\r\nb/\r\n!b/keep\r\n', patterns: ['a', 'b', '!b/keep'] },
  { name: 'a UTF-8 byte order mark', text: '\uFEFFnode_modules\n', patterns: ['node_modules'] },
  { name: 'no final newline', text: 'a\nb', patterns: ['a', 'b'] },
  { name: 'a comment only in the first column', text: '# gone\n  # kept\n', patterns: ['# kept'] },
  {
    name: 'path cleaning: ./, //, .., trailing /',
    text: './a\nb//c/\nd/../e\n./\n/\n',
    patterns: ['a', 'b/c', 'e', '.', '/']
  },
  { name: 'exceptions are cleaned after the !', text: '!./x/\n!/y\n', patterns: ['!x', '!y'] },
  { name: 'tabs and Go white space are trimmed', text: '\t a \u00a0\n', patterns: ['a'] },
  {
    name: 'escapes are kept for the matcher',
    text: '\\#not-a-comment\n\\!bang\n',
    patterns: ['\\#not-a-comment', '\\!bang']
  }
]

describe('reading .dockerignore', () => {
  for (const tc of reading) {
    test(tc.name, () => assert.deepEqual(readIgnoreLines(tc.text), tc.patterns))
  }
})

// The context used by every filtering case below.
const tree = [
  '.dockerignore',
  'Dockerfile',
  'README.md',
  'app.log',
  'docs/guide.md',
  'docs/img/logo.png',
  'docs/README.md',
  'node_modules/a/index.js',
  'node_modules/a/package.json',
  'node_modules/keep/index.js',
  'src/main.ts',
  'src/main.test.ts',
  'src/deep/x.log',
  'src/deep/keep.txt',
  '#not-a-comment',
  '!bang'
]

const filtering: Array<{ name: string; ignore: string; sent: string[] }> = [
  { name: 'no patterns: everything is sent', ignore: '', sent: tree },
  {
    name: 'a directory pattern excludes everything below it',
    ignore: 'node_modules\n',
    sent: tree.filter((f) => !f.startsWith('node_modules/'))
  },
  {
    name: 'an exception re-includes a file inside an excluded directory',
    ignore: 'node_modules\n!node_modules/keep/index.js\n',
    sent: tree.filter((f) => !f.startsWith('node_modules/') || f === 'node_modules/keep/index.js')
  },
  {
    name: 'an exception naming a directory re-includes all of it',
    ignore: 'node_modules\n!node_modules/keep\n',
    sent: tree.filter((f) => !f.startsWith('node_modules/a/'))
  },
  {
    name: 'a wildcard exception re-includes inside excluded directories',
    ignore: 'src\n!**/keep.txt\n',
    sent: tree.filter((f) => !f.startsWith('src/') || f === 'src/deep/keep.txt')
  },
  {
    name: 'last match wins: a later pattern excludes again',
    ignore: 'docs\n!docs/*.md\ndocs/README.md\n',
    sent: tree.filter((f) => !f.startsWith('docs/') || f === 'docs/guide.md')
  },
  {
    name: '* stays within one directory',
    ignore: '*.log\n',
    sent: tree.filter((f) => f !== 'app.log')
  },
  {
    name: '** crosses directories',
    ignore: '**/*.log\n',
    sent: tree.filter((f) => !f.endsWith('.log'))
  },
  {
    name: 'everything but a few',
    ignore: '*\n!src\n!Dockerfile\nsrc/**/*.test.ts\n',
    sent: ['Dockerfile', 'src/main.ts', 'src/deep/x.log', 'src/deep/keep.txt']
  },
  {
    name: 'the Dockerfile and .dockerignore are not re-included when ignored (BuildKit)',
    ignore: 'Dockerfile\n.dockerignore\n',
    sent: tree.filter((f) => f !== 'Dockerfile' && f !== '.dockerignore')
  },
  {
    name: '? and classes',
    ignore: 'src/main.?s\ndocs/[gR]*\n',
    sent: tree.filter((f) => !/^src\/main\.ts$|^docs\/(guide|README)/.test(f))
  },
  {
    name: '[^…] negates a class',
    ignore: 'docs/[^g]*\n',
    sent: tree.filter((f) => !f.startsWith('docs/') || f === 'docs/guide.md')
  },
  {
    name: 'escapes make # and ! literal',
    ignore: '\\#not-a-comment\n\\!bang\n',
    sent: tree.filter((f) => f !== '#not-a-comment' && f !== '!bang')
  },
  {
    name: 'an exception for a parent directory does not undo a deeper exclusion (BuildKit walk, unlike the legacy builder)',
    ignore: 'docs/img\n!docs\n',
    sent: tree.filter((f) => !f.startsWith('docs/img/'))
  },
  {
    name: 'leading / and ./ mean the context root',
    ignore: '/README.md\n./src/deep\n',
    sent: tree.filter((f) => f !== 'README.md' && !f.startsWith('src/deep/'))
  }
]

function makeTree(files: string[]): string {
  const root = tempDir('ignore')
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true })
    writeFileSync(join(root, f), f)
  }
  return root
}

describe('files the builder receives', () => {
  const root = makeTree(tree)
  for (const tc of filtering) {
    test(tc.name, () => {
      const filter = new ContextFilter(newPatternMatcher(readIgnoreLines(tc.ignore)))
      const expected = [...tc.sent].sort()
      assert.deepEqual(
        tree.filter((f) => filter.includesFile(f)).sort(),
        expected,
        'from a file list (git)'
      )
      const walked = walkContext(
        root,
        '',
        new ContextFilter(newPatternMatcher(readIgnoreLines(tc.ignore))),
        { warnings: [], gitMetadataSent: false },
        [] as string[]
      )
      assert.deepEqual(walked.sort(), expected, 'from walking the directory')
    })
  }
})

describe('which ignore file applies', () => {
  test('<Dockerfile>.dockerignore next to the Dockerfile wins over the context one', async () => {
    const root = makeTree(['ctx/a', 'build/app.Dockerfile'])
    writeFileSync(join(root, 'ctx', '.dockerignore'), 'a\n')
    writeFileSync(join(root, 'build', 'app.Dockerfile.dockerignore'), 'b\n')
    const ignore = await loadIgnoreFile(join(root, 'ctx'), join(root, 'build', 'app.Dockerfile'))
    assert.equal(ignore.path, join(root, 'build', 'app.Dockerfile.dockerignore'))
    assert.deepEqual(ignore.patterns, ['b'])
  })
  test('without one, the context root .dockerignore applies', async () => {
    const root = makeTree(['ctx/a', 'ctx/Dockerfile'])
    writeFileSync(join(root, 'ctx', '.dockerignore'), 'a\n')
    const ignore = await loadIgnoreFile(join(root, 'ctx'), join(root, 'ctx', 'Dockerfile'))
    assert.deepEqual(ignore.patterns, ['a'])
  })
  test('a bad pattern is a user error naming the file', async () => {
    const root = makeTree(['Dockerfile'])
    writeFileSync(join(root, '.dockerignore'), 'ok\n[\n')
    await assert.rejects(loadIgnoreFile(root, join(root, 'Dockerfile')), (e: unknown) => {
      assert.ok(e instanceof UserError)
      assert.match(e.message, /\.dockerignore/)
      return true
    })
  })
})
