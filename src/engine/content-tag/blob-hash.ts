// Git blob ids of files on disk (spec §3.2): SHA-1 over "blob <size>\0" and
// the content, read in fixed-size chunks so memory stays flat for any file
// size. Large batches run on worker threads so hashing uses every core.
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import { availableParallelism } from 'node:os'
import { UserError } from '../../errors.js'

/** What a path on disk holds, as the tag sees it. */
export type Described =
  | { kind: 'file'; mode: '100644' | '100755'; digest: string; size: number }
  | { kind: 'symlink'; mode: '120000'; digest: string; size: number }
  /** Gone: contributes nothing. */
  | { kind: 'absent' }
  /** A directory where git's index has a file: its contents are walked instead. */
  | { kind: 'directory' }
  /** A FIFO, socket or device: not representable in git, skipped with a warning. */
  | { kind: 'other' }

/** Raw answer from describePath; kept to plain arrays so it crosses thread boundaries cheaply. */
type RawDescribed = [kind: 'file' | 'symlink' | 'absent' | 'directory' | 'other' | 'error', mode: number, digest: string, size: number, error?: string]

const CHUNK = 1 << 20

/**
 * Describes one path with synchronous I/O. Self-contained on purpose: worker
 * threads run its source text, so it may only use its parameters.
 */
function describePath(fsm: typeof fs, cryptom: typeof crypto, path: string, buf: Buffer): RawDescribed {
  let st: fs.Stats
  try {
    st = fsm.lstatSync(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return ['absent', 0, '', 0]
    return ['error', 0, '', 0, String(code ?? e)]
  }
  if (st.isDirectory()) return ['directory', 0, '', 0]
  if (st.isSymbolicLink()) {
    const target = fsm.readlinkSync(path, { encoding: 'buffer' })
    const h = cryptom.createHash('sha1')
    h.update(`blob ${target.length}\0`)
    h.update(target)
    return ['symlink', 0o120000, h.digest('hex'), target.length]
  }
  if (!st.isFile()) return ['other', 0, '', 0]
  let fd: number
  try {
    // O_NONBLOCK: if the file was swapped for a FIFO since lstat, open must not hang.
    fd = fsm.openSync(path, fsm.constants.O_RDONLY | fsm.constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return ['absent', 0, '', 0]
    return ['error', 0, '', 0, String(code ?? e)]
  }
  try {
    const size = st.size
    const h = cryptom.createHash('sha1')
    h.update(`blob ${size}\0`)
    let total = 0
    while (total < size) {
      const n = fsm.readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      total += n
      h.update(n === buf.length ? buf : buf.subarray(0, n))
    }
    if (total !== size) return ['error', 0, '', 0, 'file changed while it was being read']
    const mode = st.mode & 0o100 ? 0o100755 : 0o100644
    return ['file', mode, h.digest('hex'), size]
  } catch (e) {
    return ['error', 0, '', 0, String((e as NodeJS.ErrnoException).code ?? e)]
  } finally {
    fsm.closeSync(fd)
  }
}

function toDescribed(raw: RawDescribed, path: string): Described {
  switch (raw[0]) {
    case 'file':
      return { kind: 'file', mode: raw[1] === 0o100755 ? '100755' : '100644', digest: raw[2], size: raw[3] }
    case 'symlink':
      return { kind: 'symlink', mode: '120000', digest: raw[2], size: raw[3] }
    case 'absent':
      return { kind: 'absent' }
    case 'directory':
      return { kind: 'directory' }
    case 'other':
      return { kind: 'other' }
    default:
      throw new UserError(`cannot read ${path}: ${raw[4]}`)
  }
}

// The worker receives batches of absolute paths and answers with RawDescribed rows.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const describePath = ${describePath.toString()}
const buf = Buffer.allocUnsafe(${CHUNK})
parentPort.on('message', (m) => {
  parentPort.postMessage({ id: m.id, rows: m.paths.map((p) => describePath(fs, crypto, p, buf)) })
})
`

/** Below this many paths, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 2000
const BATCH = 128

/** Options for describeAll; `threads: 0` forces the calling thread. */
export interface DescribeOptions {
  threads?: number
}

/** Describes every absolute path, in order; uses worker threads for large sets. */
export async function describeAll(paths: string[], opts: DescribeOptions = {}): Promise<Described[]> {
  const threads = opts.threads ?? (paths.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 0)
  const raw = threads > 0 ? await describeOnWorkers(paths, threads) : describeHere(paths)
  return raw.map((r, i) => toDescribed(r, paths[i]!))
}

function describeHere(paths: string[]): RawDescribed[] {
  const buf = Buffer.allocUnsafe(CHUNK)
  return paths.map((p) => describePath(fs, crypto, p, buf))
}

async function describeOnWorkers(paths: string[], threads: number): Promise<RawDescribed[]> {
  const out = new Array<RawDescribed>(paths.length)
  const batches: Array<{ id: number; start: number; paths: string[] }> = []
  for (let start = 0; start < paths.length; start += BATCH) {
    batches.push({ id: batches.length, start, paths: paths.slice(start, start + BATCH) })
  }
  let next = 0
  // Loaded on demand: most tags (the git fast path) never start a thread.
  const { Worker } = await import('node:worker_threads')
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(WORKER_SOURCE, { eval: true }))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            // Two batches in flight per worker keep it busy while answers travel back.
            const send = () => {
              const batch = batches[next++]
              if (batch) worker.postMessage({ id: batch.id, paths: batch.paths })
              return batch !== undefined
            }
            let inFlight = 0
            worker.on('message', (m: { id: number; rows: RawDescribed[] }) => {
              const start = batches[m.id]!.start
              m.rows.forEach((row, i) => (out[start + i] = row))
              inFlight--
              if (send()) inFlight++
              if (inFlight === 0) resolve()
            })
            worker.on('error', reject)
            for (let i = 0; i < 2; i++) if (send()) inFlight++
            if (inFlight === 0) resolve()
          })
      )
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return out
}
