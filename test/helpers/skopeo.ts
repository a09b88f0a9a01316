// skopeo as the independent peer in end-to-end tests: what image-mirror
// writes, skopeo must read with the same digest, and the other way round
// (test-harness.md §2.3). Flags for each registry variant come from its
// RunningRegistryInfo: plain HTTP, credentials, or a cert dir for TLS.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import type { RunningRegistryInfo } from './registry.js'

/** What skopeo needs to know about a registry; a RunningRegistryInfo fits. */
export type SkopeoRegistry = Pick<RunningRegistryInfo, 'host'> &
  Partial<Pick<RunningRegistryInfo, 'tls' | 'certDir' | 'username' | 'password'>>

/** Options for skopeoCopy. */
export interface SkopeoCopyOptions {
  /** Copy every image of an index (default true, so an index arrives byte for byte). */
  all?: boolean
  /** Extra `skopeo copy` arguments, e.g. `['--format', 'v2s2']`. */
  extraArgs?: string[]
}

const TRANSPORT = /^(docker|dir|oci|oci-archive|docker-archive|docker-daemon|containers-storage):/

/**
 * skopeo flags that reach `registry`: `side` '' for single-image commands
 * (inspect, list-tags, delete), 'src' / 'dest' for copy.
 */
export function skopeoFlags(registry: SkopeoRegistry | undefined, side: '' | 'src' | 'dest' = ''): string[] {
  if (registry === undefined) return []
  const p = side === '' ? '--' : `--${side}-`
  const flags: string[] = []
  if (registry.certDir !== undefined) flags.push(`${p}cert-dir`, registry.certDir)
  else if (registry.tls !== true) flags.push(`${p}tls-verify=false`)
  if (registry.username !== undefined) flags.push(`${p}creds`, `${registry.username}:${registry.password ?? ''}`)
  return flags
}

/** Exact manifest bytes at `ref` (`skopeo inspect --raw`). */
export async function skopeoRaw(ref: string, registry?: SkopeoRegistry): Promise<Buffer> {
  return skopeo(['inspect', '--raw', ...skopeoFlags(registry), transportRef(ref)])
}

/** `sha256:…` of the manifest bytes at `ref`: the digest a registry serves it under. */
export async function skopeoDigest(ref: string, registry?: SkopeoRegistry): Promise<string> {
  return `sha256:${createHash('sha256').update(await skopeoRaw(ref, registry)).digest('hex')}`
}

/** `skopeo inspect` (the image config summary: Architecture, Os, Layers, Labels…). */
export async function skopeoInspect(ref: string, registry?: SkopeoRegistry): Promise<Record<string, unknown>> {
  return JSON.parse((await skopeo(['inspect', ...skopeoFlags(registry), transportRef(ref)])).toString('utf8'))
}

/** Tags of `repository` (`host/path`), as the registry lists them. */
export async function skopeoListTags(repository: string, registry?: SkopeoRegistry): Promise<string[]> {
  const out = await skopeo(['list-tags', ...skopeoFlags(registry), transportRef(repository)])
  return (JSON.parse(out.toString('utf8')) as { Tags: string[] | null }).Tags ?? []
}

/** Deletes the manifest `ref` points at (skopeo resolves a tag and deletes by digest, §1.1). */
export async function skopeoDelete(ref: string, registry?: SkopeoRegistry): Promise<void> {
  await skopeo(['delete', ...skopeoFlags(registry), transportRef(ref)])
}

/**
 * Copies `src` to `dst` with `skopeo copy`. Refs without a transport are
 * `docker://`; each one gets the flags of the registry whose host it names,
 * so pass the registries involved in any order, plus options if needed.
 */
export async function skopeoCopy(
  src: string,
  dst: string,
  ...rest: Array<SkopeoRegistry | SkopeoCopyOptions>
): Promise<void> {
  const registries = rest.filter((r): r is SkopeoRegistry => 'host' in r)
  const options = rest.find((r): r is SkopeoCopyOptions => !('host' in r)) ?? {}
  const args = ['copy', '-q']
  if (options.all !== false) args.push('--all')
  args.push(...skopeoFlags(registryFor(src, registries), 'src'))
  args.push(...skopeoFlags(registryFor(dst, registries), 'dest'))
  args.push(...(options.extraArgs ?? []), transportRef(src), transportRef(dst))
  await skopeo(args)
}

/** Runs skopeo with `args` and returns stdout; the error names the command and carries stderr. */
export function skopeo(args: string[]): Promise<Buffer> {
  // --insecure-policy: tests must not depend on the host's /etc/containers/policy.json.
  const full = ['--insecure-policy', ...args]
  return new Promise((resolve, reject) => {
    execFile('skopeo', full, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout)
      reject(new Error(`skopeo ${redact(full).join(' ')} failed: ${stderr.toString('utf8').trim() || error.message}`))
    })
  })
}

function transportRef(ref: string): string {
  return TRANSPORT.test(ref) ? ref : `docker://${ref}`
}

function registryFor(ref: string, registries: SkopeoRegistry[]): SkopeoRegistry | undefined {
  const bare = ref.replace(/^docker:\/\//, '')
  if (TRANSPORT.test(bare)) return undefined
  return registries.find((r) => bare.startsWith(`${r.host}/`))
}

/** Hides passwords in the command shown in error messages. */
function redact(args: string[]): string[] {
  return args.map((a, i) => (/creds$/.test(args[i - 1] ?? '') ? a.replace(/:.*/, ':***') : a))
}
