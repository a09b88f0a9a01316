// Global setup of the test run (node --test-global-setup): starts one
// registry per variant, in parallel, in the runner's main process, and hands
// their addresses to the test processes through IMAGE_MIRROR_TEST_ENV.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RegistryName, TestEnv } from './env.js'
import type { RegistryOptions, RunningRegistry } from './registry.js'

const VARIANTS: Record<RegistryName, Omit<RegistryOptions, 'name'>> = {
  plain: { auth: 'none', deleteEnabled: true },
  // A second plain registry stands for another host: copies between them cannot mount blobs.
  plain2: { auth: 'none', deleteEnabled: true },
  basic: { auth: 'basic' },
  token: { auth: 'token' },
  tls: { auth: 'none', tls: true },
  nodelete: { auth: 'none', deleteEnabled: false }
}

const ENV_DIR_PREFIX = 'image-mirror-test-env-'
let running: RunningRegistry[] = []
let envDir: string | undefined
let stopAllSync: (() => void) | undefined
const signals = ['SIGINT', 'SIGTERM'] as const

/**
 * The harness modules, loaded once tsx resolves `.js` specifiers to `.ts`
 * files: the runner's main process imports this module before `--import tsx`
 * applies to it, so static relative imports would not resolve.
 */
async function harness() {
  const { register } = await import('tsx/esm/api')
  register()
  const [registry, env, images] = await Promise.all([import('./registry.js'), import('./env.js'), import('./images.js')])
  return { ...registry, ...env, ...images }
}

/** Starts the shared registries and publishes them to test processes. */
export async function globalSetup(): Promise<void> {
  const h = await harness()
  stopAllSync = h.stopAllRegistriesSync
  h.killLeftoverRegistries()
  h.removeLeftoverBuildDirs()
  h.removeOrphanedDirs(ENV_DIR_PREFIX)
  installCleanupHooks()
  const started = await Promise.allSettled(h.REGISTRY_NAMES.map((name) => h.startRegistry({ name, ...VARIANTS[name] })))
  running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed !== undefined) {
    await stopAll()
    throw failed.reason
  }
  const registries = Object.fromEntries(running.map((r) => [r.name, h.registryInfo(r)])) as TestEnv['registries']
  envDir = mkdtempSync(join(tmpdir(), ENV_DIR_PREFIX))
  h.markOwned(envDir)
  const file = join(envDir, 'env.json')
  writeFileSync(file, JSON.stringify({ registries } satisfies TestEnv, null, 2))
  process.env[h.TEST_ENV_VAR] = file
}

/** Stops every registry by PID and removes the temp dirs. */
export async function globalTeardown(): Promise<void> {
  await stopAll()
  removeHooks()
}

async function stopAll(): Promise<void> {
  await Promise.all(running.map((r) => r.stop()))
  running = []
  if (envDir !== undefined) rmSync(envDir, { recursive: true, force: true })
  envDir = undefined
}

/** A crashed or interrupted run must not leave registries behind. */
function cleanupSync(): void {
  stopAllSync?.()
  if (envDir !== undefined) rmSync(envDir, { recursive: true, force: true })
}

function onSignal(signal: NodeJS.Signals): void {
  cleanupSync()
  process.removeListener(signal, onSignal)
  // Let whoever else listens (the test runner) handle the signal; otherwise die of it as usual.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

function installCleanupHooks(): void {
  process.on('exit', cleanupSync)
  for (const s of signals) process.on(s, onSignal)
}

function removeHooks(): void {
  process.removeListener('exit', cleanupSync)
  for (const s of signals) process.removeListener(s, onSignal)
}
