import { createHash } from 'node:crypto'
import { UserError } from '../errors.js'
import type { Reference } from '../oci/types.js'
import { MAX_TAG_LENGTH } from './tag-template.js'

export type MirrorMode = 'service' | 'cluster'

export interface MirrorNameOptions {
  mirrorRegistry: string
  mode: MirrorMode
  /** Required in service mode: each service gets its own repository. */
  service?: string
  /** Path prefix on the mirror registry; `mirror` when not given, none when ''. */
  prefix?: string
}

export interface MirrorTarget {
  registry: string
  repository: string
  tag: string
}

/** Default path prefix for mirrored third-party images. */
export const DEFAULT_MIRROR_PREFIX = 'mirror'
/** Repository name under the prefix in cluster mode. */
export const CLUSTER_REPOSITORY = 'cluster'
/** Hex characters of the source hash at the end of every mirror tag. */
export const MIRROR_HASH_LENGTH = 12

// One path component of a repository name (distribution/reference grammar).
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const DOCKER_HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com'
])

/** Registry host in a comparable form: lower case, Docker Hub aliases folded to docker.io. */
export function canonicalRegistry(host: string): string {
  const lower = host.toLowerCase()
  return DOCKER_HUB_ALIASES.has(lower) ? 'docker.io' : lower
}

/** True when the image is already on the mirror registry: mirroring would copy it onto itself. */
export function isOnMirrorRegistry(source: Reference, mirrorRegistry: string): boolean {
  return canonicalRegistry(source.registry) === canonicalRegistry(mirrorRegistry)
}

/** The full source reference the mirror tag's hash covers; no tag and no digest mean `latest`. */
export function canonicalSource(source: Reference): string {
  const tag = source.tag ?? (source.digest === undefined ? 'latest' : undefined)
  return (
    `${canonicalRegistry(source.registry)}/${source.repository}` +
    (tag === undefined ? '' : `:${tag}`) +
    (source.digest === undefined ? '' : `@${source.digest}`)
  )
}

/** Explains what is wrong with a service name (a repository path component), or undefined. */
export function serviceNameProblem(service: string): string | undefined {
  if (service.length > 128) return 'is longer than 128 characters'
  if (!COMPONENT.test(service)) {
    return 'must be lower-case letters and digits, separated by single ".", "_", "__" or "-" runs'
  }
  return undefined
}

/**
 * Where a third-party image is mirrored. Service mode: one repository per
 * service, `<prefix>/<service>`; cluster mode: one shared repository,
 * `<prefix>/cluster`. The tag is a readable form of the source
 * (`<path with / as .>.<tag>`, `library/` dropped for Docker Hub, a digest as
 * `sha256-<12 hex>`) cut to fit, then `-` and the first 12 hex of the SHA-256 of
 * the full source reference. The hash is always there, so two different
 * sources (`a/b:c`, `a-b:c`, `a.b:c`, the same path on two registries, the same
 * tag pinned to two digests) never share a target tag.
 */
export function mirrorTarget(source: Reference, opts: MirrorNameOptions): MirrorTarget {
  const prefix = (opts.prefix ?? DEFAULT_MIRROR_PREFIX).replace(/^\/+|\/+$/g, '')
  let leaf: string
  if (opts.mode === 'service') {
    if (opts.service === undefined) {
      throw new UserError(`mirror of ${canonicalSource(source)}: service mode needs a service name`)
    }
    const problem = serviceNameProblem(opts.service)
    if (problem !== undefined) throw new UserError(`service name "${opts.service}" ${problem}`)
    leaf = opts.service
  } else {
    leaf = CLUSTER_REPOSITORY
  }
  return {
    registry: opts.mirrorRegistry,
    repository: prefix === '' ? leaf : `${prefix}/${leaf}`,
    tag: mirrorTag(source)
  }
}

/** The mirror tag of a source image; see mirrorTarget. */
export function mirrorTag(source: Reference): string {
  const full = canonicalSource(source)
  const hash = createHash('sha256').update(full, 'utf8').digest('hex').slice(0, MIRROR_HASH_LENGTH)
  const path =
    canonicalRegistry(source.registry) === 'docker.io'
      ? source.repository.replace(/^library\//, '')
      : source.repository
  const version =
    source.tag ??
    (source.digest === undefined
      ? 'latest'
      : source.digest.replace(':', '-').slice(0, 'sha256-'.length + 12))
  const readable = `${path}.${version}`
    .replaceAll('/', '.')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
  const room = MAX_TAG_LENGTH - MIRROR_HASH_LENGTH - 1
  return `${readable.slice(0, room).replace(/[.-]+$/, '') || 'image'}-${hash}`
}
