// Copies an image's referrers (signatures, SBOMs, attestations: manifests whose
// `subject` is the image) along with it, registry-protocol §1.9 / R-REF-1.
import { nullLogger, type Logger } from '../logger.js'
import { scopeFor, type RegistryClient } from './client.js'
import { copyImage, type CopyResult } from './copy.js'
import { digestOf, referrersTagFor } from './digest.js'
import { MEDIATYPE_OCI_INDEX } from './media-types.js'
import type { Descriptor, ImageIndex, RawManifest } from './types.js'

/** A repository on a registry, without tag or digest. */
export interface RepositoryLocation {
  registry: string
  repository: string
}

export interface ReferrersCopyOptions {
  logger?: Logger
  /** How deep to follow referrers of referrers (a signature on an SBOM); default 3. */
  maxDepth?: number
}

export interface ReferrersCopyResult {
  /** Digests of referrer manifests written to the target. */
  copied: string[]
  /** Digests of referrers the target already held. */
  present: string[]
  /** Fallback tags written on the target because it has no referrers API. */
  fallbackTags: string[]
}

/** Statuses with which a registry without the referrers API answers its route. */
const NO_REFERRERS_API = new Set([400, 404, 405])

/**
 * Copies every referrer of `digest` from `source` to `target` by digest, and
 * their referrers in turn. The source is asked through the referrers API or
 * its fallback tag (the client does both). Referrers the target does not
 * index itself (it answers their PUT without `OCI-Subject`; distribution 2.8
 * never sends it) are listed in the fallback tag index `sha256-<hex>` there,
 * so that verifiers (cosign, notation, oras) find them.
 */
export async function copyReferrers(
  client: RegistryClient,
  source: RepositoryLocation,
  target: RepositoryLocation,
  digest: string,
  opts: ReferrersCopyOptions = {}
): Promise<ReferrersCopyResult> {
  const result: ReferrersCopyResult = { copied: [], present: [], fallbackTags: [] }
  const state = { targetHasApi: undefined as boolean | undefined, seen: new Set<string>() }
  // Only the repositories: a tag left on a reference would make copies write under it.
  const from = { registry: source.registry, repository: source.repository }
  const to = { registry: target.registry, repository: target.repository }
  await copyLevel(client, from, to, digest, opts.maxDepth ?? 3, opts.logger ?? nullLogger, result, state)
  return result
}

async function copyLevel(
  client: RegistryClient,
  source: RepositoryLocation,
  target: RepositoryLocation,
  subject: string,
  depth: number,
  logger: Logger,
  result: ReferrersCopyResult,
  state: { targetHasApi: boolean | undefined; seen: Set<string> }
): Promise<void> {
  if (depth <= 0 || state.seen.has(subject)) return
  state.seen.add(subject)
  const referrers = await client.getReferrers(source.registry, source.repository, subject)
  if (referrers.length === 0) return
  const unindexed: Descriptor[] = []
  for (const referrer of referrers) {
    const copy = await copyImage(
      client,
      { ...source, digest: referrer.digest },
      { ...target, digest: referrer.digest },
      { logger }
    )
    if (copy.status === 'copied') result.copied.push(referrer.digest)
    else result.present.push(referrer.digest)
    if (!(await indexedByTarget(client, target, subject, copy, state))) unindexed.push(referrer)
  }
  if (unindexed.length > 0) {
    const tag = await updateFallbackTag(client, source, target, subject, unindexed, logger)
    if (tag !== undefined) result.fallbackTags.push(tag)
  }
  for (const referrer of referrers) {
    await copyLevel(client, source, target, referrer.digest, depth - 1, logger, result, state)
  }
}

/**
 * Whether the target lists a referrer under `subject` by itself. A PUT
 * answered with `OCI-Subject` was indexed by the registry; one answered
 * without it must go into the fallback tag, written by the client (§1.7).
 * A referrer that was already there was not PUT: the referrers API decides.
 */
async function indexedByTarget(
  client: RegistryClient,
  target: RepositoryLocation,
  subject: string,
  copy: CopyResult,
  state: { targetHasApi: boolean | undefined }
): Promise<boolean> {
  if (copy.status === 'copied') return copy.ociSubject === subject
  state.targetHasApi ??= await hasReferrersApi(client, target, subject)
  return state.targetHasApi
}

/**
 * Whether the target indexes `subject` on its own. A registry with the API
 * answers 200 (an empty index at worst) and never 404 (§1.9).
 */
async function hasReferrersApi(
  client: RegistryClient,
  where: RepositoryLocation,
  subject: string
): Promise<boolean> {
  const res = await client.transport.request({
    method: 'GET',
    registry: where.registry,
    path: `/v2/${where.repository}/referrers/${subject}`,
    headers: { accept: MEDIATYPE_OCI_INDEX },
    scopes: [scopeFor(where.repository, 'pull')],
    expect: [200, ...NO_REFERRERS_API]
  })
  await res.dump()
  return res.status === 200
}

/**
 * Adds the referrers to the target's fallback index for `subject`, keeping
 * what is already listed there; writes nothing when every one is listed.
 * Returns the tag when it was written.
 */
async function updateFallbackTag(
  client: RegistryClient,
  source: RepositoryLocation,
  target: RepositoryLocation,
  subject: string,
  referrers: Descriptor[],
  logger: Logger
): Promise<string | undefined> {
  const tag = referrersTagFor(subject)
  const ref = { ...target, tag }
  const head = await client.headManifest(ref)
  let existing: ImageIndex = { schemaVersion: 2, mediaType: MEDIATYPE_OCI_INDEX, manifests: [] }
  if (head !== undefined) {
    const raw = await client.getManifest({ ...target, digest: head.digest })
    existing = JSON.parse(raw.bytes.toString('utf8')) as ImageIndex
  }
  const listed = new Set((existing.manifests ?? []).map((m) => m.digest))
  const missing = referrers.filter((r) => !listed.has(r.digest))
  if (missing.length === 0) return undefined
  const added = await Promise.all(missing.map((r) => fallbackDescriptor(client, source, r)))
  const index: ImageIndex = { ...existing, manifests: [...(existing.manifests ?? []), ...added] }
  const bytes = Buffer.from(JSON.stringify(index))
  const manifest: RawManifest = { bytes, mediaType: MEDIATYPE_OCI_INDEX, digest: digestOf(bytes) }
  await client.putManifest(target.registry, target.repository, tag, manifest)
  const where = `${target.registry}/${target.repository}:${tag}`
  logger.info(`${where} lists ${index.manifests.length} referrer(s) of ${subject}`)
  return tag
}

/**
 * The descriptor the fallback index lists: mediaType, digest, size,
 * artifactType (the manifest's, else its config's media type) and
 * annotations, as the spec asks of clients that maintain the tag.
 */
async function fallbackDescriptor(
  client: RegistryClient,
  source: RepositoryLocation,
  r: Descriptor
): Promise<Descriptor> {
  let artifactType = r.artifactType
  let annotations = r.annotations
  if (artifactType === undefined) {
    const raw = await client.getManifest({ ...source, digest: r.digest })
    const body = JSON.parse(raw.bytes.toString('utf8')) as {
      artifactType?: string
      config?: { mediaType?: string }
      annotations?: Record<string, string>
    }
    artifactType = body.artifactType ?? body.config?.mediaType
    annotations ??= body.annotations
  }
  return {
    mediaType: r.mediaType,
    digest: r.digest,
    size: r.size,
    ...(artifactType === undefined ? {} : { artifactType }),
    ...(annotations === undefined ? {} : { annotations })
  }
}
