import { formatReference } from '../../oci/reference.js'
import type { Reference } from '../../oci/types.js'

/** Tags upstreams re-point as a matter of course: named in the warning, since they move most. */
export const MOVING_TAGS: ReadonlySet<string> = new Set([
  'latest',
  'stable',
  'main',
  'master',
  'edge',
  'nightly',
  'dev',
  'develop',
  'beta',
  'alpha',
  'rc',
  'lts',
  'current',
  'mainline',
  'next',
  'canary',
  'testing',
  'unstable'
])

/**
 * The warning for a source that is not pinned by digest, or undefined when it
 * is. Every tag can move upstream (Docker Hub re-points `1.27` on each patch
 * release), so every unpinned source gets it; the well-known moving tags are
 * called out by name. `digest` is what the tag points at now, for a
 * copy-paste pin.
 */
export function mutableTagWarning(source: Reference, digest: string | undefined): string | undefined {
  if (source.digest !== undefined) return undefined
  const tag = source.tag ?? 'latest'
  const pinned = digest === undefined ? '' : ` as ${formatReference({ ...source, tag, digest })}`
  const lead = MOVING_TAGS.has(tag)
    ? `"${tag}" is a moving tag that upstream re-points regularly`
    : `tag "${tag}" is not pinned by digest and can move upstream`
  return `${formatReference({ ...source, tag })}: ${lead}; pin it by digest${pinned} so every run mirrors the same image`
}
