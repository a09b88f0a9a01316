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
type RawDescribed = [
  kind: 'file' | 'symlink' | 'absent' | 'directory' | 'other' | 'error',
  mode: number,
  digest: string,
  size: number,
  error?: string
]

const CHUNK = 1 << 20

/**
 * Describes one path with synchronous I/O. Self-contained on purpose: worker
 * threads run its source text, so it may only use its parameters.
 */
function describePath(
  fsm: typeof fs,
  cryptom: typeof crypto,
  path: string,
  buf: Buffer
): RawDescribed {
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
    let target: Buffer
    try {
      target = fsm.readlinkSync(path, { encoding: 'buffer' })
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return ['absent', 0, '', 0]
      return ['error', 0, '', 0, String(code ?? e)]
    }
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
      return {
        kind: 'file',
        mode: raw[1] === 0o100755 ? '100755' : '100644',
        digest: raw[2],
        size: raw[3]
      }
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

// A worker gets the context root once, then batches of relative paths, and
// answers each batch with RawDescribed rows.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const describePath = ${describePath.toString()}
const buf = Buffer.allocUnsafe(${CHUNK})
parentPort.on('message', (m) => {
  parentPort.postMessage({ id: m.id, rows: m.rels.map((rel) => describePath(fs, crypto, workerData + '/' + rel, buf)) })
})
`

/** Below this many paths, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 2000
const BATCH = 128

/** Options for a Describer; `threads: 0` keeps all work on the calling thread. */
export interface DescribeOptions {
  threads?: number
}

type WorkerThread = import('node:worker_threads').Worker

// Batches a worker may hold while the caller is still listing (the thread cannot
// hand out more until the listing yields), and once it is waiting for answers.
const WHILE_LISTING = 32
const WHILE_WAITING = 2

/**
 * Describes context paths (relative to `root`) in the order they are pushed.
 * Once enough paths arrive it starts worker threads and hands them batches
 * while the caller is still listing, so walking and hashing overlap.
 */
export class Describer {
  /** The relative paths pushed so far, in order; results come back in the same order. */
  readonly rels: string[] = []
  private readonly root: string
  private readonly threads: number
  private readonly forced: boolean
  private readonly workers: Array<{ thread: WorkerThread; inFlight: number }> = []
  private readonly batches: Array<{ start: number; end: number }> = []
  private readonly rows: RawDescribed[] = []
  private queued = 0
  private sent = 0
  private answered = 0
  private waiting = false
  private closing = false
  private failure?: unknown
  private settle?: { resolve: () => void; reject: (e: unknown) => void }

  constructor(root: string, opts: DescribeOptions = {}) {
    this.root = root
    this.forced = opts.threads !== undefined
    this.threads = opts.threads ?? Math.min(availableParallelism(), 8)
  }

  /** Adds one path; the walk calls this for every file it keeps. */
  push(rel: string): void {
    this.rels.push(rel)
    if (
      this.workers.length === 0 &&
      this.threads > 0 &&
      (this.forced || this.rels.length >= WORKER_THRESHOLD)
    )
      this.startWorkers()
    if (this.workers.length > 0 && this.rels.length - this.queued >= BATCH) {
      this.batches.push({ start: this.queued, end: this.rels.length })
      this.queued = this.rels.length
      this.pump()
    }
  }

  /** Waits for every pushed path's description. */
  async finish(): Promise<Described[]> {
    const abs = (rel: string) => this.root + '/' + rel
    if (this.workers.length === 0) {
      const buf = Buffer.allocUnsafe(CHUNK)
      return this.rels.map((rel) => toDescribed(describePath(fs, crypto, abs(rel), buf), abs(rel)))
    }
    for (let start = this.queued; start < this.rels.length; start += BATCH) {
      this.batches.push({ start, end: Math.min(start + BATCH, this.rels.length) })
    }
    this.queued = this.rels.length
    this.waiting = true
    try {
      await new Promise<void>((resolve, reject) => {
        this.settle = { resolve, reject }
        if (this.failure !== undefined) return reject(this.failure)
        this.pump()
        this.checkDone()
      })
      return this.rows.map((r, i) => toDescribed(r, abs(this.rels[i]!)))
    } finally {
      this.closing = true
      await Promise.all(this.workers.map((w) => w.thread.terminate()))
    }
  }

  private startWorkers(): void {
    // Loaded on demand: most tags (the git fast path) never start a thread.
    const { Worker } = process.getBuiltinModule('node:worker_threads')
    for (let i = 0; i < this.threads; i++) {
      const worker = {
        thread: new Worker(WORKER_SOURCE, { eval: true, workerData: this.root }),
        inFlight: 0
      }
      worker.thread.on('message', (m: { id: number; rows: RawDescribed[] }) => {
        const start = this.batches[m.id]!.start
        m.rows.forEach((row, j) => (this.rows[start + j] = row))
        worker.inFlight--
        this.answered++
        this.pump()
        this.checkDone()
      })
      // A thread that dies would leave its batches unanswered: fail instead of waiting forever.
      const fail = (e: unknown) => {
        this.failure ??= e
        this.settle?.reject(this.failure)
      }
      worker.thread.on('error', fail)
      worker.thread.on('exit', (code) => {
        if (!this.closing) fail(new Error(`a hashing thread stopped (exit code ${code})`))
      })
      this.workers.push(worker)
    }
  }

  /** Hands queued batches to the least busy workers, up to the current limit. */
  private pump(): void {
    const limit = this.waiting ? WHILE_WAITING : WHILE_LISTING
    while (this.sent < this.batches.length) {
      const worker = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a))
      if (worker.inFlight >= limit) return
      const id = this.sent++
      const batch = this.batches[id]!
      worker.inFlight++
      worker.thread.postMessage({ id, rels: this.rels.slice(batch.start, batch.end) })
    }
  }

  private checkDone(): void {
    if (this.waiting && this.answered === this.batches.length) this.settle?.resolve()
  }
}

/** Describes every path (relative to `root`), in order; worker threads for large sets. */
export function describeAll(
  root: string,
  rels: string[],
  opts: DescribeOptions = {}
): Promise<Described[]> {
  const describer = new Describer(root, opts)
  for (const rel of rels) describer.push(rel)
  return describer.finish()
}
