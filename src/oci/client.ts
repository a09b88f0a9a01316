// Registry operations on top of the transport: manifests and blobs here,
// uploads, tags, referrers and deletion in their own modules.
import type { Readable } from 'node:stream'
import { UserError } from '../errors.js'
import { nullLogger, type Logger } from '../logger.js'
import { EarlySessions, uploadBlob, type BlobSource, type UploadOptions } from './blob-upload.js'
import { deleteManifest, deleteTag, type DeleteTagOptions, type DeleteTagResult } from './delete.js'
import type { DeleteVendorOptions } from './delete/strategy.js'
import { VerifiedBlobStream } from './digest.js'
import { isNotFound, RegistryError } from './errors.js'
import { bareMediaType, checkManifest, isGenericType } from './manifest-check.js'
import { MANIFEST_ACCEPT, SCHEMA1_MEDIATYPES } from './media-types.js'
import { formatReference } from './reference.js'
import { header, type ResponseHeaders } from './response.js'
import { getReferrers, listTags, type ListTagsOptions } from './tags.js'
import type { Transport } from './transport.js'
import type { Descriptor, ManifestHead, RawManifest, Reference } from './types.js'
import { repositoryScope } from './scope.js'

/** Docker Hub pull quota as reported on manifest responses (R-RETRY-5). */
export interface RateLimit {
  limit: number
  remaining: number
  windowSeconds?: number
}

export interface ClientOptions {
  logger?: Logger
  /** Largest manifest read into memory (R-MAN-7). Default 4 MiB. */
  maxManifestBytes?: number
  /**
   * Registries whose 401 after a token counts as "absent" in existence checks:
   * Docker Hub answers so for a repository that does not exist, so that
   * private ones cannot be probed. Default false: such an answer is an error,
   * never "absent", since it may as well hide an image that exists (R-MAN-5, AT-MAN-6).
   */
  unauthorizedIsAbsent?: boolean | ((registry: string) => boolean)
  /** Vendor API settings every deleteTag uses unless it is given its own. */
  deleteVendors?: DeleteVendorOptions
}

const DEFAULT_MAX_MANIFEST = 4 * 1024 * 1024

export interface PutManifestOptions {
  /**
   * Called with the `OCI-Subject` answer header: a registry with the
   * referrers API names the subject it indexed the manifest under, and then
   * the client must not maintain the fallback tag itself (§1.7, §1.9).
   */
  onSubject?: (subject: string) => void
}

/** `repository:<name>:<actions>` token scope. */
export function scopeFor(repository: string, ...actions: string[]): string {
  return repositoryScope(repository, actions)
}

/** The path segment a reference addresses: digest (R-REF-PARSE-3), else tag, else `latest`. */
export function referenceOf(ref: Reference): string {
  return ref.digest ?? ref.tag ?? 'latest'
}

/** Reads and writes manifests, blobs and tags on any OCI registry. */
export class RegistryClient {
  readonly transport: Transport
  readonly logger: Logger
  readonly maxManifestBytes: number
  readonly #unauthorizedIsAbsent: ClientOptions['unauthorizedIsAbsent']
  readonly deleteVendors?: DeleteVendorOptions
  /** The last Docker Hub rate-limit headers seen, if any. */
  lastRateLimit?: RateLimit
  /** Upload sessions opened with the blob's HEAD, per target repository (blob-upload.ts). */
  readonly earlySessions = new EarlySessions()

  constructor(transport: Transport, opts: ClientOptions = {}) {
    this.transport = transport
    this.logger = opts.logger ?? nullLogger
    this.maxManifestBytes = opts.maxManifestBytes ?? DEFAULT_MAX_MANIFEST
    this.#unauthorizedIsAbsent = opts.unauthorizedIsAbsent
    this.deleteVendors = opts.deleteVendors
  }

  /**
   * HEADs a manifest with every current manifest type accepted (R-MAN-1).
   * Undefined means absent (404, or a 401 after a token where the
   * unauthorizedIsAbsent option says so); any other failure throws, so
   * "absent" is never reported for a 5xx, a refusal or a timeout (R-MAN-5).
   */
  async headManifest(ref: Reference): Promise<ManifestHead | undefined> {
    try {
      return await this.#headManifest(ref)
    } catch (error) {
      if (!this.#hiddenMeansAbsent(ref.registry, error)) throw error
      this.logger.debug(`${formatReference(ref)}: 401 after a token, counted as absent`)
      return undefined
    }
  }

  /** True for a 401 after a token on a registry configured to hide missing repositories so. */
  #hiddenMeansAbsent(registry: string, error: unknown): boolean {
    if (!(error instanceof RegistryError) || !error.afterToken) return false
    const option = this.#unauthorizedIsAbsent
    return typeof option === 'function' ? option(registry) : option === true
  }

  async #headManifest(ref: Reference): Promise<ManifestHead | undefined> {
    const res = await this.transport.request({
      method: 'HEAD',
      registry: ref.registry,
      path: `/v2/${ref.repository}/manifests/${referenceOf(ref)}`,
      headers: { accept: MANIFEST_ACCEPT },
      scopes: [scopeFor(ref.repository, 'pull')],
      expect: [200, 404]
    })
    await res.dump()
    if (res.status === 404) return undefined
    this.#readRateLimit(res.headers)
    const digest = header(res.headers, 'docker-content-digest')
    const mediaType = bareMediaType(header(res.headers, 'content-type'))
    const size = Number(header(res.headers, 'content-length'))
    if (SCHEMA1_MEDIATYPES.has(mediaType)) return this.#headByGet(ref)
    // Older registries omit the digest or the type on HEAD: GET and compute (R-MAN-6).
    if (
      digest === undefined ||
      !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest) ||
      isGenericType(mediaType) ||
      !Number.isInteger(size)
    ) {
      return this.#headByGet(ref)
    }
    if (ref.digest !== undefined && digest !== ref.digest) {
      throw new UserError(`${formatReference(ref)}: the registry answered with digest ${digest}`)
    }
    return { digest, mediaType, size }
  }

  async #headByGet(ref: Reference): Promise<ManifestHead | undefined> {
    try {
      const m = await this.getManifest(ref)
      return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  /** GETs a manifest's exact bytes and checks them (R-MAN-2..4, R-MAN-7). */
  async getManifest(ref: Reference): Promise<RawManifest> {
    const label = formatReference(ref)
    const res = await this.transport.request({
      method: 'GET',
      registry: ref.registry,
      path: `/v2/${ref.repository}/manifests/${referenceOf(ref)}`,
      headers: { accept: MANIFEST_ACCEPT },
      scopes: [scopeFor(ref.repository, 'pull')],
      expect: [200]
    })
    this.#readRateLimit(res.headers)
    const declared = Number(header(res.headers, 'content-length'))
    if (declared > this.maxManifestBytes) {
      await res.dump()
      throw new UserError(
        `${label}: the manifest is ${declared} bytes, more than the ${this.maxManifestBytes}-byte limit`
      )
    }
    const bytes = await res.bytes(this.maxManifestBytes)
    return checkManifest(
      label,
      bytes,
      header(res.headers, 'content-type'),
      header(res.headers, 'docker-content-digest'),
      ref.digest
    )
  }

  /** PUTs the exact manifest bytes under a tag or digest; returns the confirmed digest (R-PUT-1). */
  async putManifest(
    registry: string,
    repository: string,
    reference: string,
    manifest: RawManifest,
    opts: PutManifestOptions = {}
  ): Promise<string> {
    const label = `${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference}`
    if (SCHEMA1_MEDIATYPES.has(manifest.mediaType))
      throw new UserError(`${label}: refusing to push a schema 1 manifest`)
    if (reference.includes(':') && reference !== manifest.digest) {
      throw new UserError(`${label}: manifest digest is ${manifest.digest}`)
    }
    const res = await this.transport.request({
      method: 'PUT',
      registry,
      path: `/v2/${repository}/manifests/${reference}`,
      headers: { 'content-type': manifest.mediaType },
      body: manifest.bytes,
      scopes: [scopeFor(repository, 'pull', 'push')],
      // 201 per spec; some registries answer 200 to the same successful PUT.
      expect: [200, 201]
    })
    await res.dump()
    const stored = header(res.headers, 'docker-content-digest')
    if (stored !== undefined && stored !== manifest.digest) {
      throw new UserError(
        `${label}: the registry stored digest ${stored} for manifest ${manifest.digest}`
      )
    }
    const subject = header(res.headers, 'oci-subject')
    if (subject !== undefined) opts.onSubject?.(subject)
    return manifest.digest
  }

  /** HEADs a blob: its size (-1 when the registry does not say), or undefined when absent. */
  async headBlob(
    registry: string,
    repository: string,
    digest: string
  ): Promise<number | undefined> {
    const res = await this.transport.request({
      method: 'HEAD',
      registry,
      path: `/v2/${repository}/blobs/${digest}`,
      scopes: [scopeFor(repository, 'pull')],
      expect: [200, 404]
    })
    await res.dump()
    if (res.status === 404) return undefined
    const size = Number(header(res.headers, 'content-length'))
    return Number.isInteger(size) ? size : -1
  }

  /** Streams a blob, verified against the descriptor's digest and size as it flows (R-BLOB-1). */
  async getBlob(registry: string, repository: string, descriptor: Descriptor): Promise<Readable> {
    const label = `${registry}/${repository}@${descriptor.digest}`
    const res = await this.transport.request({
      method: 'GET',
      registry,
      path: `/v2/${repository}/blobs/${descriptor.digest}`,
      scopes: [scopeFor(repository, 'pull')],
      expect: [200]
    })
    const length = header(res.headers, 'content-length')
    if (length !== undefined && Number(length) !== descriptor.size) {
      await res.dump()
      throw new UserError(
        `${label}: the registry sent ${length} bytes, the descriptor says ${descriptor.size}`
      )
    }
    return new VerifiedBlobStream(res.body, { digest: descriptor.digest, size: descriptor.size }, label)
  }

  /** Uploads a blob unless present; mounts it from `mountFrom` (same registry) when possible. */
  uploadBlob(
    registry: string,
    repository: string,
    descriptor: Descriptor,
    source: BlobSource,
    opts: UploadOptions = {}
  ) {
    return uploadBlob(this, registry, repository, descriptor, source, opts)
  }

  /** Every tag of a repository, following pagination; [] when the repository does not exist. */
  listTags(registry: string, repository: string, opts: ListTagsOptions = {}): Promise<string[]> {
    return listTags(this.transport, registry, repository, opts)
  }

  /** Manifests whose subject is `digest` (referrers API, else the fallback tag). */
  getReferrers(registry: string, repository: string, digest: string): Promise<Descriptor[]> {
    return getReferrers(this, registry, repository, digest)
  }

  /** Deletes a manifest by digest: every tag pointing at it goes too (§6.1). */
  deleteManifest(registry: string, repository: string, digest: string): Promise<void> {
    return deleteManifest(this.transport, registry, repository, digest)
  }

  /** Removes one tag without touching other tags that share its image (R-DEL-1..4). */
  deleteTag(ref: Reference, opts: DeleteTagOptions = {}): Promise<DeleteTagResult> {
    return deleteTag(this, ref, { ...opts, vendors: opts.vendors ?? this.deleteVendors })
  }

  #readRateLimit(headers: ResponseHeaders): void {
    const limit = parseQuota(header(headers, 'ratelimit-limit'))
    const remaining = parseQuota(header(headers, 'ratelimit-remaining'))
    if (limit === undefined || remaining === undefined) return
    this.lastRateLimit = {
      limit: limit.value,
      remaining: remaining.value,
      windowSeconds: limit.window ?? remaining.window
    }
  }
}

/** `100;w=21600` → { value: 100, window: 21600 } (Docker Hub usage/pulls.md). */
function parseQuota(value: string | undefined): { value: number; window?: number } | undefined {
  const m = /^\s*(\d+)(?:\s*;\s*w=(\d+))?/.exec(value ?? '')
  if (!m) return undefined
  return { value: Number(m[1]), window: m[2] === undefined ? undefined : Number(m[2]) }
}
