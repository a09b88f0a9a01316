// Tag listing with Link pagination (registry-protocol §1.8) and referrers
// discovery with the tag-schema fallback (§1.9).
import { UserError } from '../errors.js'
import { referrersTagFor } from './digest.js'
import { isNotFound, RegistryError } from './errors.js'
import { CrossOriginLinkError, MalformedLinkError, nextPageUrl } from './link.js'
import { MEDIATYPE_OCI_INDEX } from './media-types.js'
import type { RawManifest, Reference, Descriptor, ImageIndex } from './types.js'
import type { RegistryResponse } from './response.js'
import type { RegistryRequest, Transport } from './transport.js'
import { repositoryScope } from './scope.js'

export interface ListTagsOptions {
  /** `n` sent on the first request; registries may clamp it. */
  pageSize?: number
  /** Give up after this many pages (R-TAG-3). Default 1000. */
  maxPages?: number
}

const PAGE_BYTES = 8 * 1024 * 1024

/**
 * Every tag of a repository, following `Link: rel="next"` against the URL
 * that answered (R-TAG-1), stopping without a Link (R-TAG-2), and failing on
 * a loop or past the page cap (R-TAG-3). The order is the registry's
 * (R-TAG-4). A repository the registry does not know (404 NAME_UNKNOWN)
 * has no tags.
 */
export async function listTags(
  transport: Transport,
  registry: string,
  repository: string,
  opts: ListTagsOptions = {}
): Promise<string[]> {
  const maxPages = opts.maxPages ?? 1000
  const query = opts.pageSize === undefined ? '' : `?n=${opts.pageSize}`
  const base: Omit<RegistryRequest, 'path' | 'url'> = {
    method: 'GET',
    registry,
    headers: { accept: 'application/json' },
    scopes: [repositoryScope(repository, ['pull'])],
    expect: [200]
  }
  const tags: string[] = []
  const seen = new Set<string>()
  let next: { path?: string; url?: URL } = { path: `/v2/${repository}/tags/list${query}` }
  for (let page = 1; ; page++) {
    let res
    try {
      res = await transport.request({ ...base, ...next })
    } catch (error) {
      if (
        page === 1 &&
        error instanceof RegistryError &&
        error.status === 404 &&
        error.hasCode('NAME_UNKNOWN')
      )
        return []
      throw error
    }
    const body = await res.json<{ tags?: unknown }>(PAGE_BYTES)
    // Some registries answer `"tags": null` for a repository without tags (AT-TAG-3).
    if (Array.isArray(body?.tags))
      tags.push(...body.tags.filter((t): t is string => typeof t === 'string'))
    const url = nextPage(res, `${registry}/${repository}`)
    if (url === undefined) return tags
    if (seen.has(url.href))
      throw new UserError(
        `${registry}/${repository}: tag list pagination loops back to a page already read`
      )
    if (page >= maxPages)
      throw new UserError(
        `${registry}/${repository}: tag list has more than ${maxPages} pages; giving up`
      )
    seen.add(url.href)
    next = { url }
  }
}

/** The next page's URL; a cross-origin or unreadable Link becomes a one-line UserError. */
function nextPage(res: RegistryResponse, label: string): URL | undefined {
  try {
    return nextPageUrl(res.headers.link, res.url)
  } catch (error) {
    if (error instanceof CrossOriginLinkError || error instanceof MalformedLinkError) {
      throw new UserError(`${label}: ${error.message}`)
    }
    throw error
  }
}

/** What referrer discovery needs from the client. */
export interface ReferrersHost {
  transport: Transport
  getManifest(ref: Reference): Promise<RawManifest>
}

/**
 * Manifests that name `digest` as their subject: the referrers API, and on a
 * 404 the `sha256-<hex>` fallback tag (R-REF-1). Results are re-filtered by
 * nothing: the caller selects by artifactType.
 */
export async function getReferrers(
  host: ReferrersHost,
  registry: string,
  repository: string,
  digest: string
): Promise<Descriptor[]> {
  const found: Descriptor[] = []
  const seen = new Set<string>()
  let next: { path?: string; url?: URL } = { path: `/v2/${repository}/referrers/${digest}` }
  for (let page = 1; page <= 1000; page++) {
    const res = await host.transport.request({
      method: 'GET',
      registry,
      ...next,
      headers: { accept: MEDIATYPE_OCI_INDEX },
      scopes: [repositoryScope(repository, ['pull'])],
      expect: [200, 404]
    })
    if (res.status === 404) {
      await res.dump()
      if (page > 1)
        throw new UserError(`${registry}/${repository}: referrers page vanished during pagination`)
      return fallbackReferrers(host, registry, repository, digest)
    }
    const index = await res.json<ImageIndex>(PAGE_BYTES)
    if (Array.isArray(index?.manifests)) found.push(...index.manifests)
    const url = nextPage(res, `${registry}/${repository}`)
    if (url === undefined || seen.has(url.href)) return found
    seen.add(url.href)
    next = { url }
  }
  return found
}

async function fallbackReferrers(
  host: ReferrersHost,
  registry: string,
  repository: string,
  digest: string
): Promise<Descriptor[]> {
  try {
    const raw = await host.getManifest({ registry, repository, tag: referrersTagFor(digest) })
    const index = JSON.parse(raw.bytes.toString('utf8')) as ImageIndex
    return Array.isArray(index.manifests) ? index.manifests : []
  } catch (error) {
    if (isNotFound(error)) return []
    throw error
  }
}
