// The context's file list merges git's index entries, read in place, with the
// files read from disk. It must give exactly the list the plain definition
// gives (every entry, byte order, unique by path, nothing below a path read as
// a file) and its digest: compared here on seeded random listings.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { seededRandom } from '../../helpers/random.js'
import { compareBytes, contextDigestOf } from '../../../src/engine/content-tag/encoding.js'
import { contextFiles } from '../../../src/engine/content-tag/file-list.js'
import { IndexEntries } from '../../../src/engine/content-tag/index-entries.js'
import type { FileInput } from '../../../src/engine/content-tag/types.js'


const SEGMENTS = ['a', 'b', 'a.b', 'a-b', 'src', 'lib', 'x', 'caf\u00e9', 'Z', '_', '\u{1f600}', '\uff01']
const MODES = ['100644', '100755', '120000'] as const

/** The index run as git-files.ts builds it from git's index: UTF-8 paths, binary blob ids. */
function indexRun(files: FileInput[]): IndexEntries {
  const run = new IndexEntries('', 4, 16)
  for (const f of files) {
    const path = Buffer.from(f.path, 'utf8')
    const id = Buffer.from(f.digest, 'hex')
    run.push(path, 0, path.length, id, 0, id.length, MODES.indexOf(f.mode as never) as 0 | 1 | 2)
  }
  return run
}

/** The plain definition: all entries sorted by bytes, first of equal paths kept, shadowed ones dropped. */
function reference(index: FileInput[], disk: FileInput[], readFromDisk: string[]): FileInput[] {
  const all = [...index, ...disk].sort((x, y) => compareBytes(x.path, y.path))
  const unique = all.filter((f, i) => i === 0 || f.path !== all[i - 1]!.path)
  return unique.filter((f) => !readFromDisk.some((p) => f.path.startsWith(p + '/')))
}

describe('context file list', () => {
  for (let seed = 1; seed <= 60; seed++) {
    test(`merging index and disk matches the plain definition (seed ${seed})`, () => {
      const next = seededRandom(seed)
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
      const digest = () => Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(next() * 16)]).join('')
      const paths = new Set<string>()
      for (let i = 0; i < 300; i++) paths.add(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(SEGMENTS)).join('/'))
      const sorted = [...paths].sort(compareBytes)
      const index: FileInput[] = []
      const disk: FileInput[] = []
      for (const path of sorted) {
        const f = { path, mode: pick(MODES), digest: digest() }
        const r = next()
        if (r < 0.7) index.push(f)
        else if (r < 0.95) disk.push(f)
        else {
          index.push(f)
          disk.push({ ...f, digest: digest() }) // reached two ways: the index entry is kept
        }
      }
      const readFromDisk = disk.map((f) => f.path)
      const list = contextFiles([indexRun(index)], [...disk].reverse(), readFromDisk)
      const want = reference(index, disk, readFromDisk)
      assert.deepEqual(list.toArray(), want)
      assert.equal(list.count, want.length)
      assert.equal(list.digest, contextDigestOf(want))
    })
  }
})
