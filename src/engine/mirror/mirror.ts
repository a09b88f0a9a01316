import { UserError, errorMessage } from '../../errors.js'
import { nullLogger, type Logger } from '../../logger.js'
import type { RegistryClient } from '../../oci/client.js'
import { copyImage } from '../../oci/copy.js'
import { formatReference } from '../../oci/reference.js'
import type { Reference } from '../../oci/types.js'
import { limiter } from '../../util/limit.js'
import type { Config, MirrorImage, MirrorSettings } from '../config/types.js'
import { isOnMirrorRegistry, mirrorTarget } from '../mirror-names.js'
import { mutableTagWarning } from './mutable-tags.js'

/**
 * - copied: the image was written to the mirror (first time, or the upstream tag moved);
 * - up-to-date: the mirror tag already holds the upstream digest (one HEAD per side);
 * - skipped-on-mirror: the source already lives on the mirror registry;
 * - would-copy: --dry-run, a copy is due;
 * - failed: see `error`; nothing was tagged on the mirror for this image.
 */
export type MirrorStatus = 'copied' | 'up-to-date' | 'skipped-on-mirror' | 'would-copy' | 'failed'

export interface MirrorResult {
  /** The source as written in the config. */
  source: string
  service?: string
  /** Where deploy steps pull it from: `registry/repository:tag` on the mirror registry. */
  mirror: string
  /** The image digest (upstream and mirror alike); absent when the image failed. */
  digest?: string
  status: MirrorStatus
  /** What the mirror tag held before the upstream tag moved. */
  previousDigest?: string
  /** The source is not pinned by digest. */
  warning?: string
  /** One line naming the source and what went wrong. */
  error?: string
}

export interface MirrorContext {
  client: RegistryClient
  logger?: Logger
  /** Look up both sides but write nothing. */
  dryRun?: boolean
  /** Images mirrored at once (default 4). */
  concurrency?: number
}

/**
 * Mirrors every `images:` entry into the mirror registry under the name its
 * mode gives (docs/promote-and-mirror.md). Digest-aware: the source and the
 * mirror tag are HEADed once each, and only a difference costs a copy, so an
 * upstream tag that moved is mirrored again and an unchanged one costs two
 * requests. A source pinned by digest copies exactly that digest. One image
 * failing does not stop the others; its result says why.
 */
export async function mirrorImages(config: Config, ctx: MirrorContext): Promise<MirrorResult[]> {
  if (config.images.length === 0) return []
  const settings = config.mirror
  if (settings === undefined) {
    throw new UserError(`${config.file}: images: needs a mirror: section naming the mirror registry`)
  }
  const limit = limiter(ctx.concurrency ?? 4)
  const logger = ctx.logger ?? nullLogger
  return Promise.all(config.images.map((image) => limit(() => mirrorOne(image, settings, ctx, logger))))
}

async function mirrorOne(
  image: MirrorImage,
  settings: MirrorSettings,
  ctx: MirrorContext,
  logger: Logger
): Promise<MirrorResult> {
  const base = { source: image.text, ...(image.service === undefined ? {} : { service: image.service }) }
  let mirror = formatReference(image.source)
  try {
    if (isOnMirrorRegistry(image.source, settings.registry)) {
      const head = await ctx.client.headManifest(image.source)
      if (head === undefined) throw new UserError('not found on the mirror registry')
      logger.info(`${image.text} already lives on the mirror registry; not copied`)
      return { ...base, mirror, digest: head.digest, status: 'skipped-on-mirror' }
    }
    const target = mirrorTarget(image.source, {
      mirrorRegistry: settings.registry,
      mode: settings.mode,
      service: image.service,
      prefix: settings.repository
    })
    const to: Reference = { registry: target.registry, repository: target.repository, tag: target.tag }
    mirror = formatReference(to)
    const upstream = await ctx.client.headManifest(image.source)
    if (upstream === undefined) throw new UserError('source image not found')
    const warning = mutableTagWarning(image.source, upstream.digest)
    if (warning !== undefined) logger.warning(warning)
    const result: MirrorResult = { ...base, mirror, digest: upstream.digest, status: 'up-to-date' }
    if (warning !== undefined) result.warning = warning
    const current = await ctx.client.headManifest(to)
    if (current?.digest === upstream.digest) {
      logger.debug(`${image.text} → ${mirror} is up to date (${upstream.digest})`)
      return result
    }
    if (current !== undefined) {
      result.previousDigest = current.digest
      logger.info(`${image.text} moved upstream from ${current.digest} to ${upstream.digest}; mirroring it again`)
    }
    if (ctx.dryRun) return { ...result, status: 'would-copy' }
    // Pinned to the digest just seen: a tag moving during the copy cannot mix two images.
    await copyImage(ctx.client, { ...image.source, digest: upstream.digest }, to, { logger })
    return { ...result, status: 'copied' }
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return { ...base, mirror, status: 'failed', error: `mirror of ${image.text}: ${errorMessage(error)}` }
  }
}
