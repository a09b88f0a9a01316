import type { MirrorResult } from './mirror.js'

/** One entry of the `--output` map: what a deploy step pulls instead of the source. */
export interface MirrorMapEntry {
  /** `registry/repository:tag` on the mirror registry. */
  mirror: string
  digest: string
  /** `mirror@digest`: the immutable reference to deploy. */
  reference: string
  service?: string
}

/**
 * The `--output` JSON: an object keyed by each source exactly as written in
 * the config, so a deploy step looks up the image it already names. Failed
 * images are left out (the run exits non-zero anyway).
 */
export function mirrorMap(results: MirrorResult[]): Record<string, MirrorMapEntry> {
  const map: Record<string, MirrorMapEntry> = {}
  for (const r of results) {
    if (r.digest === undefined || r.status === 'failed') continue
    map[r.source] = {
      mirror: r.mirror,
      digest: r.digest,
      reference: pinned(r.mirror, r.digest),
      ...(r.service === undefined ? {} : { service: r.service })
    }
  }
  return map
}

/**
 * The `--dotenv` file: one `NAME=<mirror>@<digest>` line per image, for GitLab
 * `artifacts:reports:dotenv` and `source`-ing in shell steps. NAME is
 * `MIRROR_<SERVICE>_<IMAGE>` in service mode and `MIRROR_<IMAGE>` in cluster
 * mode, where IMAGE is the last path component of the source repository;
 * upper case, every run of other characters as `_`. Images that would share a
 * name get `_<TAG>` (or the first 12 hex of the digest) appended, and if that
 * still collides, `_<position in images:>` (1-based).
 */
export function mirrorDotenv(results: MirrorResult[]): string {
  const names = dotenvNames(results)
  return results
    .flatMap((r, n) => (r.digest === undefined || r.status === 'failed' ? [] : [`${names[n]}=${pinned(r.mirror, r.digest)}\n`]))
    .join('')
}

/** Variable names for each result, in order; see mirrorDotenv. */
export function dotenvNames(results: MirrorResult[]): string[] {
  const base = results.map((r) => envName(['MIRROR', r.service ?? '', lastComponent(r.source)]))
  const withVersion = base.map((name, n) =>
    count(base, name) > 1 ? envName([name, versionOf((results[n] as MirrorResult).source)]) : name
  )
  return withVersion.map((name, n) => (count(withVersion, name) > 1 ? `${name}_${n + 1}` : name))
}

function count(list: string[], value: string): number {
  return list.filter((x) => x === value).length
}

function envName(parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** `docker.io/library/nginx:1.27@sha256:…` → `nginx`. */
function lastComponent(source: string): string {
  const path = source.split('@')[0] as string
  const slash = path.lastIndexOf('/')
  const name = path.slice(slash + 1)
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(0, colon)
}

/** The tag of a source as written, else the start of its digest, else `latest`. */
function versionOf(source: string): string {
  const [path, digest] = source.split('@') as [string, string | undefined]
  const name = path.slice(path.lastIndexOf('/') + 1)
  const colon = name.indexOf(':')
  if (colon >= 0) return name.slice(colon + 1)
  if (digest !== undefined) return digest.slice(digest.indexOf(':') + 1, digest.indexOf(':') + 13)
  return 'latest'
}

function pinned(mirror: string, digest: string): string {
  return `${mirror.split('@')[0]}@${digest}`
}
