// Deleting one tag on GHCR (registry-protocol §3.6, §6.2). GHCR cannot untag:
// a package version is one digest with all its tags, and deleting the version
// removes every one of them. The caller first isolates the tag on a unique
// placeholder image, which becomes a version of its own; this module finds that
// version through the GitHub REST API and deletes it only when its one tag is
// the tag being deleted.
import { UserError } from '../../errors.js'
import { formatReference } from '../reference.js'
import type { Transport } from '../transport.js'
import type { Reference } from '../types.js'
import { apiError, callApi, jsonOf, type ApiAnswer } from './api.js'
import type { DeleteVendorOptions } from './strategy.js'

type GhcrOptions = NonNullable<DeleteVendorOptions['ghcr']>

const DEFAULT_API = 'https://api.github.com'
const API_VERSION = '2022-11-28'
const PER_PAGE = 100
/** The placeholder was pushed a moment ago: it is on the first page (newest first); stop well after. */
const MAX_PAGES = 10

interface PackageVersion {
  id: number
  name: string
  metadata?: { container?: { tags?: string[] } }
}

/** The default on GHCR: refuse, since the only delete there takes every tag of a digest. */
export function assertGhcrAllowed(ref: Reference, opts: DeleteVendorOptions['ghcr'] = {}): void {
  if (opts.allowVersionDelete !== true) {
    throw new UserError(
      `${formatReference(ref)}: refusing to delete a GHCR tag: GHCR deletes package versions, and a version holds every tag of its digest, so deleting it removes them all; allow GHCR version deletes to move the tag onto a unique placeholder image and delete that version only; nothing was changed`
    )
  }
}

/** Refuses unless version deletes are allowed, then requires a token; before anything changes. */
export function checkGhcr(ref: Reference, opts: DeleteVendorOptions['ghcr'] = {}): void {
  const label = formatReference(ref)
  assertGhcrAllowed(ref, opts)
  if (!opts.token) {
    throw new UserError(
      `${label}: the ghcr delete strategy needs GITHUB_TOKEN, a token allowed to delete packages (delete:packages, or admin on the package)`
    )
  }
}

/**
 * Deletes the package version of `digest` (the placeholder the tag was moved
 * to) after checking its only tag is `ref.tag`.
 */
export async function deleteGhcrVersion(
  transport: Transport,
  ref: Reference,
  digest: string,
  opts: GhcrOptions
): Promise<void> {
  checkGhcr(ref, opts)
  const label = formatReference(ref)
  const { base, version } = await findVersion(transport, ref, digest, opts)
  const tags = version.metadata?.container?.tags ?? []
  if (tags.length !== 1 || tags[0] !== ref.tag) {
    throw new UserError(
      `${label}: GHCR version ${version.id} of ${digest} has tags ${tags.join(', ') || '(none)'}, not ${ref.tag} alone; not deleted`
    )
  }
  const what = `${label}: GHCR package version delete`
  const answer = await callApi(transport, what, new URL(`${base}/${version.id}`), {
    method: 'DELETE',
    headers: headers(opts),
    retry: false
  })
  if (answer.status !== 204 && answer.status !== 200) throw apiError(what, answer, hint(answer))
}

/** Looks in the organisation's packages, then the user's (the owner may be either). */
async function findVersion(
  transport: Transport,
  ref: Reference,
  digest: string,
  opts: GhcrOptions
): Promise<{ base: string; version: PackageVersion }> {
  const label = formatReference(ref)
  const api = (opts.apiUrl ?? DEFAULT_API).replace(/\/+$/, '')
  const [owner, ...rest] = ref.repository.split('/')
  const pkg = encodeURIComponent(rest.join('/'))
  if (pkg === '') throw new UserError(`${label}: a GHCR image is <owner>/<package>`)
  const what = `${label}: GHCR package versions`
  for (const kind of ['orgs', 'users']) {
    const base = `${api}/${kind}/${encodeURIComponent(owner!)}/packages/container/${pkg}/versions`
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = new URL(`${base}?per_page=${PER_PAGE}&page=${page}`)
      const answer = await callApi(transport, what, url, { method: 'GET', headers: headers(opts) })
      if (answer.status === 404) break
      if (answer.status !== 200) throw apiError(what, answer, hint(answer))
      const versions = jsonOf<PackageVersion[]>(what, answer)
      const version = versions.find((v) => v.name === digest)
      if (version !== undefined) return { base, version }
      if (versions.length < PER_PAGE) break
    }
  }
  throw new UserError(`${label}: GHCR lists no package version ${digest} for ${owner}/${rest.join('/')}`)
}

function headers(opts: GhcrOptions): Record<string, string> {
  return {
    authorization: `Bearer ${opts.token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': API_VERSION
  }
}

function hint(answer: ApiAnswer): string | undefined {
  if (answer.status === 401) return 'GITHUB_TOKEN was refused'
  if (answer.status === 403) return 'the token needs delete:packages, or admin on the package'
  return undefined
}
