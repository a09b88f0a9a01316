// Test images built and pushed with buildah, no daemon (test-harness.md
// §2.1–2.2). Every call gets its own temp dir for the build context and the
// vfs storage, so parallel test files never share state; layers hold fresh
// random data, so every image has digests of its own.
import { execFile } from 'node:child_process'
import { createHash, randomFillSync } from 'node:crypto'
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { markOwned, removeOrphanedDirs } from './registry.js'
import type { RunningRegistryInfo } from './registry.js'
import { skopeoRaw } from './skopeo.js'

/** What buildah needs to push to a registry; a RunningRegistryInfo fits. */
export type PushTarget = Pick<RunningRegistryInfo, 'host'> &
  Partial<Pick<RunningRegistryInfo, 'tls' | 'certDir' | 'username' | 'password'>>

/** Credentials as `user:password` or an object; default: the registry's own. */
export type Creds = string | { username: string; password: string }

/** Where and how to push a fixture. */
export interface PushOptions {
  registry: PushTarget
  repository: string
  tag: string
  /** Overrides the registry's credentials. */
  creds?: Creds
  /** Skip TLS verification (default: verify with the registry's cert dir when it has TLS). */
  tlsVerify?: false
  /** Manifest format pushed: OCI (default) or Docker schema 2. */
  format?: 'oci' | 'docker'
}

/** Options for buildImage. */
export interface BuildImageOptions extends PushOptions {
  /** One `COPY` layer per entry, holding this many bytes of random data. */
  layers: number[]
}

/** A pushed image: `ref` is `host/repository:tag`, `digest` the manifest digest the registry holds. */
export interface PushedImage {
  ref: string
  digest: string
}

/** A pushed two-platform index and the digests of its child manifests (amd64 first). */
export interface PushedIndex extends PushedImage {
  children: string[]
}

const LOCAL_NAME = 'localhost/image-mirror-fixture'
const BUILD_DIR_PREFIX = 'image-mirror-build-'
const CHUNK = 1024 * 1024
const PLATFORMS: Array<{ arch: string; variant?: string }> = [{ arch: 'amd64' }, { arch: 'arm64', variant: 'v8' }]

/** Builds a `FROM scratch` image with one layer of random data per entry of `layers` and pushes it. */
export async function buildImage(opts: BuildImageOptions): Promise<PushedImage> {
  return withWorkDir(async (work) => {
    const ctx = join(work.dir, 'ctx')
    await mkdir(ctx)
    const lines = ['FROM scratch']
    for (const [i, size] of opts.layers.entries()) {
      await writeRandomFile(join(ctx, `layer-${i}.bin`), size)
      lines.push(`COPY layer-${i}.bin /layer-${i}.bin`)
    }
    await writeFile(join(ctx, 'Containerfile'), lines.join('\n') + '\n')
    // --layers: without it buildah squashes a stage into one layer. It costs about 0.5 s per layer,
    // so a single-layer image goes without.
    const layered = opts.layers.length > 1 ? ['--layers'] : []
    await work.buildah(['bud', '-q', '--isolation', 'chroot', ...layered, '--format', imageFormat(opts), '-t', `${LOCAL_NAME}:latest`, ctx])
    const ref = `${opts.registry.host}/${opts.repository}:${opts.tag}`
    const digestFile = join(work.dir, 'digest')
    await work.buildah([
      'push', '-q', '--retry', '0', '--digestfile', digestFile, '--format', pushFormat(opts),
      ...pushFlags(opts), `${LOCAL_NAME}:latest`, `docker://${ref}`
    ])
    return { ref, digest: (await readFile(digestFile, 'utf8')).trim() }
  })
}

/**
 * Builds a two-platform index (linux/amd64, linux/arm64/v8) from a Containerfile
 * with `ARG TARGETARCH` and pushes it with all its images. No RUN steps, so no
 * emulation is needed (§2.2).
 */
export async function buildIndex(opts: PushOptions): Promise<PushedIndex> {
  return withWorkDir(async (work) => {
    const ctx = join(work.dir, 'ctx')
    await mkdir(ctx)
    for (const arch of ['amd64', 'arm64']) await writeFile(join(ctx, `${arch}.txt`), `${arch} ${randomHex()}\n`)
    await writeFile(join(ctx, 'Containerfile'), 'FROM scratch\nARG TARGETARCH\nCOPY ${TARGETARCH}.txt /payload.txt\n')
    const list = `${LOCAL_NAME}-list:latest`
    await work.buildah(['manifest', 'create', list])
    // One build per platform, in order: `bud --platform a,b` builds concurrently, which leaves the
    // index order to chance and has been seen to put arm64's variant on the amd64 entry.
    for (const platform of PLATFORMS) {
      const image = `${LOCAL_NAME}:${platform.arch}`
      await work.buildah([
        'bud', '-q', '--isolation', 'chroot', '--format', imageFormat(opts), '--os', 'linux', '--arch', platform.arch,
        ...(platform.variant === undefined ? [] : ['--variant', platform.variant]), '-t', image, ctx
      ])
      await work.buildah(['manifest', 'add', list, image])
    }
    const ref = `${opts.registry.host}/${opts.repository}:${opts.tag}`
    const digestFile = join(work.dir, 'digest')
    await work.buildah([
      'manifest', 'push', '-q', '--all', '--digestfile', digestFile, '--format', pushFormat(opts),
      ...pushFlags(opts), list, `docker://${ref}`
    ])
    const digest = (await readFile(digestFile, 'utf8')).trim()
    // Children are read back from the registry: the push may convert their format, and so their digests.
    const raw = await skopeoRaw(ref, readTarget(opts))
    const actual = `sha256:${createHash('sha256').update(raw).digest('hex')}`
    if (actual !== digest) throw new Error(`buildah reported ${digest} for ${ref} but the registry serves ${actual}`)
    const index = JSON.parse(raw.toString('utf8')) as { manifests: Array<{ digest: string }> }
    return { ref, digest, children: index.manifests.map((m) => m.digest) }
  })
}

/** Removes build dirs of test processes that died mid-build; returns how many. */
export function removeLeftoverBuildDirs(): number {
  return removeOrphanedDirs(BUILD_DIR_PREFIX)
}

interface WorkDir {
  dir: string
  buildah(args: string[]): Promise<void>
}

/** Runs `fn` with a fresh temp dir and a buildah bound to vfs storage inside it; removes it afterwards. */
async function withWorkDir<T>(fn: (work: WorkDir) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), BUILD_DIR_PREFIX))
  markOwned(dir)
  const storage = ['--root', join(dir, 'root'), '--runroot', join(dir, 'runroot'), '--storage-driver', 'vfs']
  const env = { ...process.env, TMPDIR: dir, BUILDAH_ISOLATION: 'chroot' }
  const buildah = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      execFile('buildah', [...storage, ...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error === null) return resolve()
        reject(new Error(`buildah ${redact(args).join(' ')} failed: ${stderr.trim() || error.message}`))
      })
    })
  try {
    return await fn({ dir, buildah })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function pushFlags(opts: PushOptions): string[] {
  const flags: string[] = []
  const { registry } = opts
  if (opts.tlsVerify === false || registry.tls !== true) flags.push('--tls-verify=false')
  else if (registry.certDir !== undefined) flags.push('--cert-dir', registry.certDir)
  const creds = credsOf(opts)
  if (creds !== undefined) flags.push('--creds', creds)
  return flags
}

/** The registry as skopeo should read it back: same credentials and TLS handling as the push. */
function readTarget(opts: PushOptions): PushTarget {
  const { host, tls, certDir } = opts.registry
  const target: PushTarget = { host }
  if (opts.tlsVerify !== false && tls === true) {
    target.tls = true
    if (certDir !== undefined) target.certDir = certDir
  }
  const creds = credsOf(opts)
  if (creds !== undefined) {
    const colon = creds.indexOf(':')
    target.username = colon < 0 ? creds : creds.slice(0, colon)
    target.password = colon < 0 ? '' : creds.slice(colon + 1)
  }
  return target
}

function credsOf(opts: PushOptions): string | undefined {
  if (typeof opts.creds === 'string') return opts.creds
  if (opts.creds !== undefined) return `${opts.creds.username}:${opts.creds.password}`
  const { username, password } = opts.registry
  return username === undefined ? undefined : `${username}:${password ?? ''}`
}

function imageFormat(opts: PushOptions): string {
  return opts.format === 'docker' ? 'docker' : 'oci'
}

function pushFormat(opts: PushOptions): string {
  return opts.format === 'docker' ? 'v2s2' : 'oci'
}

/** Writes `size` random bytes in 1 MiB chunks, so a 1 GiB layer never sits in memory. */
async function writeRandomFile(path: string, size: number): Promise<void> {
  const file = await open(path, 'w')
  try {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 1)))
    for (let left = size; left > 0; left -= chunk.length) {
      const n = Math.min(left, chunk.length)
      randomFillSync(chunk, 0, n)
      await file.write(chunk, 0, n)
    }
  } finally {
    await file.close()
  }
}

function randomHex(): string {
  return randomFillSync(Buffer.alloc(16)).toString('hex')
}

/** Hides passwords in the command shown in error messages. */
function redact(args: string[]): string[] {
  return args.map((a, i) => (args[i - 1] === '--creds' ? a.replace(/:.*/, ':***') : a))
}
