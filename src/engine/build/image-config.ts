import type { Readable } from 'node:stream'
import { UserError } from '../../errors.js'
import { INDEX_MEDIATYPES } from '../../oci/media-types.js'
import { formatReference } from '../../oci/reference.js'
import type { Descriptor, ImageIndex, ImageManifest, RawManifest, Reference } from '../../oci/types.js'

/** The registry calls needed to read an image's config; RegistryClient implements them. */
export interface ConfigRegistry {
  getManifest(ref: Reference): Promise<RawManifest>
  getBlob(registry: string, repository: string, descriptor: Descriptor): Promise<Readable>
}

// Image configs are a few kilobytes; anything far larger is not a config.
const MAX_CONFIG_BYTES = 4 * 1024 * 1024

/**
 * Reads the labels of the image at `ref` (by tag or digest): manifest GET,
 * then the config blob. For an index, the first child stands for the image:
 * image-mirror puts the same labels on every platform of a build.
 */
export async function readImageLabels(registry: ConfigRegistry, ref: Reference): Promise<Record<string, string>> {
  let manifest = await registry.getManifest(ref)
  if (isIndex(manifest)) {
    const first = (JSON.parse(manifest.bytes.toString('utf8')) as ImageIndex).manifests[0]
    if (first === undefined) throw new UserError(`${formatReference(ref)} is an empty index`)
    manifest = await registry.getManifest({ registry: ref.registry, repository: ref.repository, digest: first.digest })
  }
  const config = (JSON.parse(manifest.bytes.toString('utf8')) as ImageManifest).config
  if (config === undefined) throw new UserError(`${formatReference(ref)} has no image config`)
  if (config.size > MAX_CONFIG_BYTES) throw new UserError(`${formatReference(ref)}: config of ${config.size} bytes is not an image config`)
  const stream = await registry.getBlob(ref.registry, ref.repository, config)
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { config?: { Labels?: Record<string, string> | null } }
  return parsed.config?.Labels ?? {}
}

function isIndex(manifest: RawManifest): boolean {
  if (INDEX_MEDIATYPES.has(manifest.mediaType)) return true
  // An OCI index may omit mediaType in the body; the Content-Type said so already, but be lenient.
  const body = JSON.parse(manifest.bytes.toString('utf8')) as { manifests?: unknown }
  return Array.isArray(body.manifests)
}
