import { UserError } from '../../errors.js'
import type { RegistryClient } from '../../oci/client.js'
import { INDEX_MEDIATYPES } from '../../oci/media-types.js'
import { formatReference } from '../../oci/reference.js'
import type { Descriptor, ImageIndex, ImageManifest, Reference } from '../../oci/types.js'

/** Largest image config read to look at its labels. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024

/**
 * The labels of the image at `ref` (which carries the digest): the
 * `config.Labels` of its image config. For a multi-platform index the labels
 * of linux/amd64 (else the first platform that is not an attestation) count,
 * since builders stamp the same labels on every platform.
 */
export async function readImageLabels(
  client: RegistryClient,
  ref: Reference
): Promise<Record<string, string>> {
  const label = formatReference(ref)
  let raw = await client.getManifest(ref)
  if (INDEX_MEDIATYPES.has(raw.mediaType)) {
    const child = pickPlatform((parse(label, raw.bytes) as ImageIndex).manifests ?? [])
    if (child === undefined) throw new UserError(`${label}: the index lists no image to read labels from`)
    raw = await client.getManifest({ ...ref, tag: undefined, digest: child.digest })
  }
  const config = (parse(label, raw.bytes) as ImageManifest).config
  if (config === undefined) return {}
  if (config.size > MAX_CONFIG_BYTES) {
    throw new UserError(`${label}: image config is ${config.size} bytes, too large to read labels from`)
  }
  const stream = await client.getBlob(ref.registry, ref.repository, config)
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const body = parse(label, Buffer.concat(chunks)) as { config?: { Labels?: Record<string, string> | null } }
  return body.config?.Labels ?? {}
}

function pickPlatform(children: Descriptor[]): Descriptor | undefined {
  const images = children.filter((c) => c.platform?.os !== 'unknown')
  return images.find((c) => c.platform?.os === 'linux' && c.platform.architecture === 'amd64') ?? images[0]
}

function parse(label: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new UserError(`${label}: manifest or config is not valid JSON`)
  }
}
