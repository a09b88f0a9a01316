import type { Readable } from 'node:stream'
import { UserError } from '../errors.js'
import { nullLogger, type Logger } from '../logger.js'
import { limiter } from '../util/limit.js'
import type { PutManifestOptions } from './client.js'
import { digestOf } from './digest.js'
import { INDEX_MEDIATYPES, IMAGE_MEDIATYPES } from './media-types.js'
import { formatPlatform, platformMatches, type PlatformFilter } from './platform.js'
import { formatReference } from './reference.js'
import type { Descriptor, ImageIndex, ImageManifest, ManifestHead, RawManifest, Reference } from './types.js'

/** What the copy engine needs from a registry client; RegistryClient implements it. */
export interface CopyRegistry {
  headManifest(ref: Reference): Promise<ManifestHead | undefined>
  getManifest(ref: Reference): Promise<RawManifest>
  putManifest(
    registry: string,
    repository: string,
    reference: string,
    manifest: RawManifest,
    opts?: PutManifestOptions
  ): Promise<string>
  headBlob(registry: string, repository: string, digest: string): Promise<number | undefined>
  getBlob(registry: string, repository: string, descriptor: Descriptor): Promise<Readable>
  uploadBlob(
    registry: string,
    repository: string,
    descriptor: Descriptor,
    source: { open(): Promise<Readable> },
    opts?: { mountFrom?: string }
  ): Promise<'exists' | 'mounted' | 'uploaded'>
}

export interface CopyOptions {
  /** Copy only these platforms of an index; this writes a new index, so its digest changes. */
  platforms?: PlatformFilter[]
  /** Parallel blob transfers (R-RETRY-6). */
  concurrency?: number
  logger?: Logger
}

export interface CopyResult {
  source: string
  target: string
  digest: string
  mediaType: string
  status: 'copied' | 'skipped'
  manifests: { copied: number; skipped: number }
  blobs: { uploaded: number; mounted: number; skipped: number; bytes: number }
  platforms?: string[]
  /** Digests of layers with foreign `urls`, left where they are: the target manifest still names them. */
  foreignLayers?: string[]
  /** The subject the target said it indexed this manifest under (`OCI-Subject`, referrers API). */
  ociSubject?: string
}

interface Job {
  registry: CopyRegistry
  src: Reference
  dst: Reference
  logger: Logger
  blobLimit: <T>(fn: () => Promise<T>) => Promise<T>
  blobs: Map<string, Promise<void>>
  result: CopyResult
}

/**
 * Copies the image at `src` to `dst` by digest: HEAD both sides and stop when
 * they already match; otherwise blobs first, then child manifests by digest,
 * then the top manifest under the tag, so a tag never points at an
 * incomplete image (registry-protocol §1.7).
 */
export async function copyImage(registry: CopyRegistry, src: Reference, dst: Reference, opts: CopyOptions = {}) {
  const target = dst.tag === undefined && dst.digest === undefined && src.tag !== undefined ? { ...dst, tag: src.tag } : dst
  // Both sides at once: on an up-to-date target the two round trips (and, for
  // insecure registries, the two TLS probes) are most of a repeat copy.
  const early = opts.platforms === undefined ? registry.headManifest(target) : undefined
  // Awaited below, unless the source's HEAD fails first: then its own failure
  // must not surface as an unhandled rejection.
  early?.catch(() => {})
  const srcHead = await registry.headManifest(src)
  if (srcHead === undefined) throw new UserError(`source image ${formatReference(src)} not found`)
  const job: Job = {
    registry,
    src,
    dst: target,
    logger: opts.logger ?? nullLogger,
    blobLimit: limiter(opts.concurrency ?? 4),
    blobs: new Map(),
    result: {
      source: formatReference(src),
      target: formatReference(target),
      digest: srcHead.digest,
      mediaType: srcHead.mediaType,
      status: 'copied',
      manifests: { copied: 0, skipped: 0 },
      blobs: { uploaded: 0, mounted: 0, skipped: 0, bytes: 0 }
    }
  }
  if (opts.platforms === undefined || !INDEX_MEDIATYPES.has(srcHead.mediaType)) {
    const dstHead = await (early ?? registry.headManifest(target))
    if (dstHead?.digest === srcHead.digest) {
      job.logger.info(`${job.result.target} is up to date (${srcHead.digest})`)
      job.result.status = 'skipped'
      job.result.manifests.skipped = 1
      return job.result
    }
  }
  const top = await registry.getManifest({ ...src, digest: srcHead.digest })
  const manifest = opts.platforms && INDEX_MEDIATYPES.has(top.mediaType) ? filterIndex(job, top, opts.platforms) : top
  if (manifest !== top && (await registry.headManifest(target))?.digest === manifest.digest) {
    job.result.status = 'skipped'
    job.result.manifests.skipped = 1
    return job.result
  }
  await copyChildren(job, manifest)
  const reference = target.tag ?? target.digest ?? manifest.digest
  await putVerified(job, reference, manifest, (subject) => (job.result.ociSubject = subject))
  job.result.digest = manifest.digest
  job.logger.info(`copied ${job.result.source} → ${job.result.target} (${manifest.digest})`)
  return job.result
}

/** Copies everything a manifest references (blobs, or child manifests of an index). */
async function copyChildren(job: Job, manifest: RawManifest): Promise<void> {
  const body = parseManifest(job, manifest)
  if (isIndex(manifest.mediaType, body)) {
    const children = (body as ImageIndex).manifests
    await Promise.all(children.map((child) => copyChildManifest(job, child)))
    return
  }
  const image = body as ImageManifest
  const descriptors = [image.config, ...(image.layers ?? [])].filter((d) => d !== undefined)
  // Largest first: the largest blob ends a copy last, and registries answer
  // the upload POSTs one after another (each syncs a file to disk), so the
  // blob whose POST goes first starts first.
  descriptors.sort((a, b) => b.size - a.size)
  await Promise.all(descriptors.map((d) => copyBlobOnce(job, d)))
}

async function copyChildManifest(job: Job, child: Descriptor): Promise<void> {
  const existing = await job.registry.headManifest({ ...job.dst, tag: undefined, digest: child.digest })
  if (existing !== undefined) {
    job.result.manifests.skipped++
    return
  }
  const raw = await job.registry.getManifest({ ...job.src, tag: undefined, digest: child.digest })
  await copyChildren(job, raw)
  await putVerified(job, child.digest, raw)
}

async function putVerified(
  job: Job,
  reference: string,
  manifest: RawManifest,
  onSubject?: (subject: string) => void
): Promise<void> {
  const { registry, repository } = job.dst
  const digest = await job.registry.putManifest(registry, repository, reference, manifest, { onSubject })
  if (digest !== manifest.digest) {
    throw new UserError(`${job.result.target}: registry stored ${digest} for manifest ${manifest.digest}`)
  }
  job.result.manifests.copied++
}

/** Blobs shared by several platforms are transferred once per copy. */
function copyBlobOnce(job: Job, descriptor: Descriptor): Promise<void> {
  let pending = job.blobs.get(descriptor.digest)
  if (pending === undefined) {
    pending = job.blobLimit(() => copyBlob(job, descriptor))
    job.blobs.set(descriptor.digest, pending)
  }
  return pending
}

async function copyBlob(job: Job, descriptor: Descriptor): Promise<void> {
  if (descriptor.urls !== undefined && descriptor.urls.length > 0) {
    // Non-distributable layers live at foreign URLs; fetching them would send
    // requests (and possibly credentials) elsewhere (R-PUT-4, CVE-2020-15157).
    job.logger.info(`not copying foreign layer ${descriptor.digest} (it has urls; the copy still names it)`)
    job.result.blobs.skipped++
    job.result.foreignLayers = [...(job.result.foreignLayers ?? []), descriptor.digest]
    return
  }
  const { src, dst, registry } = job
  const sameRegistry = src.registry === dst.registry && src.repository !== dst.repository
  const outcome = await registry.uploadBlob(
    dst.registry,
    dst.repository,
    descriptor,
    { open: () => registry.getBlob(src.registry, src.repository, descriptor) },
    sameRegistry ? { mountFrom: src.repository } : {}
  )
  if (outcome === 'exists') job.result.blobs.skipped++
  else if (outcome === 'mounted') job.result.blobs.mounted++
  else {
    job.result.blobs.uploaded++
    job.result.blobs.bytes += descriptor.size
  }
}

/** Writes a new index holding only the selected platforms (its digest differs from the source's). */
function filterIndex(job: Job, index: RawManifest, platforms: PlatformFilter[]): RawManifest {
  const body = parseManifest(job, index) as ImageIndex
  const kept = body.manifests.filter((m) => platforms.some((p) => platformMatches(p, m.platform)))
  if (kept.length === 0) {
    const available = body.manifests.map((m) => (m.platform ? formatPlatform(m.platform) : m.digest)).join(', ')
    throw new UserError(`${job.result.source} has none of the requested platforms (it has ${available})`)
  }
  job.result.platforms = kept.map((m) => formatPlatform(m.platform!))
  const bytes = Buffer.from(JSON.stringify({ ...body, manifests: kept }))
  return { bytes, mediaType: index.mediaType, digest: digestOf(bytes) }
}

function parseManifest(job: Job, manifest: RawManifest): ImageManifest | ImageIndex {
  try {
    return JSON.parse(manifest.bytes.toString('utf8'))
  } catch {
    throw new UserError(`${job.result.source}: manifest ${manifest.digest} is not valid JSON`)
  }
}

/** Unknown manifest media types are treated by shape, so artifacts copy byte for byte (R-PUT-3). */
function isIndex(mediaType: string, body: ImageManifest | ImageIndex): boolean {
  if (INDEX_MEDIATYPES.has(mediaType)) return true
  if (IMAGE_MEDIATYPES.has(mediaType)) return false
  return Array.isArray((body as ImageIndex).manifests)
}
