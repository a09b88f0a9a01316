// Real registries for end-to-end tests: the `docker-registry` binary
// (distribution 2.8.2) on 127.0.0.1 with an ephemeral port and filesystem
// storage in a temp dir (test-harness.md §1). Variants: plain, htpasswd Basic,
// Bearer token auth (token-server.ts) and TLS with a fresh CA.
import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateTokenKey, startTokenServerFromFiles } from './token-server.js'
import type { TokenServer, TokenServerOptions } from './token-server.js'

const run = promisify(execFile)

/** Temp dirs of registries start with this, so a later run can find leftovers. */
const DIR_PREFIX = 'image-mirror-registry-'
const PIDFILE = 'registry.pid'
const SERVICE = 'registry.test'
const ISSUER = 'test-issuer'
const START_TIMEOUT_MS = 10_000

export type RegistryAuth = 'none' | 'basic' | 'token'

/** How to start a registry. */
export interface RegistryOptions {
  /** Label used in temp dir names and messages. */
  name: string
  auth?: RegistryAuth
  tls?: boolean
  /** Whether manifest and blob DELETE work (default true); false answers 405 UNSUPPORTED. */
  deleteEnabled?: boolean
  /** Patterns of layer `urls` a manifest may carry (`validation.manifests.urls.allow`); 2.8 refuses any by default. */
  manifestUrlsAllow?: string[]
  /** The one user of `auth: 'basic'` or `'token'` (default alice with a random password). */
  user?: { username: string; password: string }
  /** Token server behaviour for `auth: 'token'` (negative-test switches, response shapes). */
  token?: Omit<TokenServerOptions, 'keyPem' | 'certPem' | 'users' | 'issuer'>
}

/** A running registry as plain data: what tests and child processes need to reach it. */
export interface RunningRegistryInfo {
  name: string
  /** `127.0.0.1:PORT`, the registry part of image references. */
  host: string
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`. */
  url: string
  pid: number
  /** Temp dir holding config, storage, certificates and the log. */
  dir: string
  auth: RegistryAuth
  tls: boolean
  deleteEnabled: boolean
  /** CA certificate (PEM) that signed the TLS server certificate. */
  caFile?: string
  /** Directory holding `ca.crt`, for skopeo/buildah `--cert-dir`. */
  certDir?: string
  username?: string
  password?: string
  /** Base URL of the token server (`auth: 'token'`); GET `<url>/requests` lists token requests. */
  tokenServerUrl?: string
  /** Token `service` and `realm` the registry advertises (`auth: 'token'`). */
  service?: string
  realm?: string
  /** The registry's log file (stderr), useful when a test fails. */
  logFile: string
}

/** A registry this process started. */
export interface RunningRegistry extends RunningRegistryInfo {
  /** The token server, in the process that started it (`auth: 'token'`). */
  tokenServer?: TokenServer
  /** Stops the registry (SIGTERM, then SIGKILL), closes its token server and removes its temp dir. */
  stop(): Promise<void>
}

/** Registries started by this process, so an exiting process never leaves one behind. */
const live = new Map<number, { dir: string; tokenServer?: TokenServer }>()
let exitHookInstalled = false

/** Starts a `docker-registry` and resolves once it answers `GET /v2/`. */
export async function startRegistry(opts: RegistryOptions): Promise<RunningRegistry> {
  const auth = opts.auth ?? 'none'
  const tls = opts.tls ?? false
  const deleteEnabled = opts.deleteEnabled ?? true
  const dir = await mkdtemp(join(tmpdir(), `${DIR_PREFIX}${safeName(opts.name)}-`))
  let tokenServer: TokenServer | undefined
  try {
    const username = auth === 'none' ? undefined : (opts.user?.username ?? 'alice')
    const password = auth === 'none' ? undefined : (opts.user?.password ?? randomBytes(12).toString('hex'))
    const [tlsFiles, htpasswdFile, tokenFiles] = await Promise.all([
      tls ? generateTlsFiles(dir) : undefined,
      auth === 'basic' ? writeHtpasswd(dir, username as string, password as string) : undefined,
      auth === 'token' ? generateTokenKey(dir) : undefined
    ])
    if (tokenFiles !== undefined) {
      tokenServer = await startTokenServerFromFiles(tokenFiles, {
        ...opts.token,
        users: { [username as string]: password as string },
        issuer: ISSUER
      })
    }

    const config = {
      version: '0.1',
      log: { level: 'info', accesslog: { disabled: true }, fields: { service: 'registry', instance: opts.name } },
      storage: {
        filesystem: { rootdirectory: join(dir, 'data') },
        delete: { enabled: deleteEnabled },
        cache: { blobdescriptor: 'inmemory' },
        maintenance: { uploadpurging: { enabled: false } }
      },
      http: {
        addr: '127.0.0.1:0',
        secret: randomBytes(16).toString('hex'),
        headers: { 'X-Content-Type-Options': ['nosniff'] },
        ...(tlsFiles === undefined ? {} : { tls: { certificate: tlsFiles.certFile, key: tlsFiles.keyFile } })
      },
      ...(opts.manifestUrlsAllow === undefined
        ? {}
        : { validation: { manifests: { urls: { allow: opts.manifestUrlsAllow } } } }),
      ...(htpasswdFile === undefined ? {} : { auth: { htpasswd: { realm: 'basic-realm', path: htpasswdFile } } }),
      ...(tokenServer === undefined || tokenFiles === undefined
        ? {}
        : {
            auth: {
              token: { realm: tokenServer.realm, service: SERVICE, issuer: ISSUER, rootcertbundle: tokenFiles.certFile }
            }
          })
    }
    // YAML is a superset of JSON, so the registry reads this as is.
    const configFile = join(dir, 'config.yml')
    await writeFile(configFile, JSON.stringify(config, null, 2))

    const logFile = join(dir, 'registry.log')
    const { pid, port } = await spawnRegistry(configFile, logFile, dir, opts.name)
    live.set(pid, { dir, ...(tokenServer === undefined ? {} : { tokenServer }) })
    installExitHook()

    const host = `127.0.0.1:${port}`
    const url = `${tls ? 'https' : 'http'}://${host}`
    await waitForV2(url, tlsFiles?.caPem, opts.name, logFile)

    const info: RunningRegistryInfo = {
      name: opts.name,
      host,
      url,
      pid,
      dir,
      auth,
      tls,
      deleteEnabled,
      logFile,
      ...(tlsFiles === undefined ? {} : { caFile: tlsFiles.caFile, certDir: tlsFiles.certDir }),
      ...(username === undefined ? {} : { username, password: password as string }),
      ...(tokenServer === undefined ? {} : { tokenServerUrl: tokenServer.url, service: SERVICE, realm: tokenServer.realm })
    }
    const stop = () => stopRegistry(pid)
    return { ...info, ...(tokenServer === undefined ? {} : { tokenServer }), stop }
  } catch (error) {
    await tokenServer?.close()
    for (const [pid, entry] of live) {
      if (entry.dir !== dir) continue
      killNow(pid)
      live.delete(pid)
    }
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

/** The plain-data part of a running registry (what global setup hands to test processes). */
export function registryInfo(registry: RunningRegistry): RunningRegistryInfo {
  const { stop: _stop, tokenServer: _tokenServer, ...info } = registry
  return info
}

/**
 * Kills registries left behind by runs whose process is gone (a crash or
 * SIGKILL skips every cleanup hook) and removes their temp dirs. Registries
 * of processes still running, e.g. a parallel test run, are left alone.
 * Returns how many registry processes were killed.
 */
export function killLeftoverRegistries(): number {
  let killed = 0
  let entries: string[]
  try {
    entries = readdirSync(tmpdir()).filter((e) => e.startsWith(DIR_PREFIX))
  } catch {
    return 0
  }
  for (const entry of entries) {
    const dir = join(tmpdir(), entry)
    let record: { pid?: number; owner?: number } = {}
    try {
      record = JSON.parse(readFileSync(join(dir, PIDFILE), 'utf8')) as typeof record
    } catch {
      // No pidfile: a registry that never started, or a dir being set up right now.
      if (!isOldEnough(dir)) continue
    }
    if (record.owner !== undefined && isAlive(record.owner)) continue
    if (record.pid !== undefined && isAlive(record.pid) && isRegistryProcess(record.pid)) {
      killNow(record.pid)
      killed++
    }
    rmSync(dir, { recursive: true, force: true })
  }
  return killed
}

const OWNER_FILE = 'owner.pid'

/** Marks a temp dir as this process's, so removeOrphanedDirs can tell a leftover from a dir in use. */
export function markOwned(dir: string): void {
  writeFileSync(join(dir, OWNER_FILE), String(process.pid))
}

/**
 * Removes temp dirs named `<prefix>…` whose owning process (see markOwned) is
 * gone, e.g. build dirs of a test process killed mid-build. Returns how many.
 */
export function removeOrphanedDirs(prefix: string): number {
  let removed = 0
  let entries: string[]
  try {
    entries = readdirSync(tmpdir()).filter((e) => e.startsWith(prefix))
  } catch {
    return 0
  }
  for (const entry of entries) {
    const dir = join(tmpdir(), entry)
    let owner: number | undefined
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'))
    } catch {
      if (!isOldEnough(dir)) continue
    }
    if (owner !== undefined && isAlive(owner)) continue
    rmSync(dir, { recursive: true, force: true })
    removed++
  }
  return removed
}

/** Stops every registry this process started, synchronously (for exit and signal handlers). */
export function stopAllRegistriesSync(): void {
  for (const [pid, entry] of live) {
    killNow(pid)
    rmSync(entry.dir, { recursive: true, force: true })
  }
  live.clear()
}

async function spawnRegistry(
  configFile: string,
  logFile: string,
  dir: string,
  name: string
): Promise<{ pid: number; port: number }> {
  // The log goes to a file, not a pipe: the registry must never block on a full pipe,
  // and no pipe handle keeps the test process alive.
  const fd = openSync(logFile, 'a')
  const child = spawn('docker-registry', ['serve', configFile], {
    stdio: ['ignore', fd, fd],
    detached: false,
    // Only PATH: REGISTRY_* variables from the caller's environment would override the config.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }
  })
  closeSync(fd)
  const spawned = await new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid as number))
    child.once('error', (error) =>
      reject(new Error(`cannot start docker-registry for "${name}": ${error.message} (run scripts/install-deps.sh)`))
    )
  })
  child.unref()
  await writeFile(join(dir, PIDFILE), JSON.stringify({ pid: spawned, owner: process.pid }))
  let exited: string | undefined
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`
  })
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    const log = await readFile(logFile, 'utf8')
    const match = /listening on (?:\[[^\]]*\]|[^\s:",]+):(\d+)/.exec(log)
    if (match !== null) return { pid: spawned, port: Number(match[1]) }
    if (exited !== undefined || Date.now() > deadline) {
      killNow(spawned)
      throw new Error(`docker-registry "${name}" ${exited ?? 'did not report its port'}; log:\n${log.trim()}`)
    }
    await sleep(5)
  }
}

async function waitForV2(url: string, caPem: string | undefined, name: string, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while ((await probe(`${url}/v2/`, caPem)) === undefined) {
    if (Date.now() > deadline) {
      throw new Error(`registry "${name}" at ${url} never answered /v2/; log:\n${readFileSync(logFile, 'utf8')}`)
    }
    await sleep(10)
  }
}

/** Any HTTP status from GET `url`, or undefined when nothing answered. */
function probe(url: string, caPem: string | undefined): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest
    const req = request(url, { method: 'GET', agent: false, timeout: 1000, ...(caPem ? { ca: caPem } : {}) }, (res) => {
      res.resume()
      resolve(res.statusCode)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(undefined))
    req.end()
  })
}

async function stopRegistry(pid: number): Promise<void> {
  const entry = live.get(pid)
  live.delete(pid)
  if (isAlive(pid)) {
    process.kill(pid, 'SIGTERM')
    const deadline = Date.now() + 2000
    while (isAlive(pid) && Date.now() < deadline) await sleep(5)
    if (isAlive(pid)) killNow(pid)
  }
  await entry?.tokenServer?.close()
  if (entry !== undefined) await rm(entry.dir, { recursive: true, force: true })
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', stopAllRegistriesSync)
}

/** A CA and a server certificate it signed, for 127.0.0.1 and localhost (§1.4). */
async function generateTlsFiles(
  dir: string
): Promise<{ caFile: string; caPem: string; certDir: string; certFile: string; keyFile: string }> {
  const certDir = join(dir, 'certs')
  await mkdir(certDir)
  const caFile = join(certDir, 'ca.crt')
  const caKey = join(dir, 'ca.key')
  const keyFile = join(dir, 'server.key')
  const certFile = join(dir, 'server.crt')
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2']
  await run('openssl', ['req', '-x509', ...ec, '-keyout', caKey, '-out', caFile, '-subj', '/CN=image-mirror test CA'])
  // OpenSSL 3 `req -x509 -CA` creates the server key and signs its certificate in one step.
  await run('openssl', [
    'req', '-x509', '-CA', caFile, '-CAkey', caKey, ...ec, '-keyout', keyFile, '-out', certFile, '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-addext', 'basicConstraints=CA:FALSE',
    '-addext', 'extendedKeyUsage=serverAuth'
  ])
  return { caFile, caPem: await readFile(caFile, 'utf8'), certDir, certFile, keyFile }
}

/** An htpasswd file with one bcrypt entry; the registry ignores anything but bcrypt (§1.2). */
async function writeHtpasswd(dir: string, user: string, password: string): Promise<string> {
  const file = join(dir, 'htpasswd')
  const { stdout } = await run('htpasswd', ['-Bbn', user, password])
  await writeFile(file, stdout.trim() + '\n')
  return file
}

/** Whether `pid` runs; a zombie (killed, not yet reaped by its new parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true
  }
}

function isRegistryProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('docker-registry')
  } catch {
    return !existsSync('/proc/self')
  }
}

function killNow(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/**
 * A dir without an owner record is only taken for stale after an hour: it may
 * come from a harness version that wrote none, or be a few milliseconds old.
 */
function isOldEnough(dir: string): boolean {
  try {
    return Date.now() - statSync(dir).mtimeMs > 3_600_000
  } catch {
    return false
  }
}

function safeName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_.-]/g, '_').slice(0, 40)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
