// The unique stand-in image a tag is moved onto before its deletion by digest
// (registry-protocol §6.3, regclient TagDelete): a config whose labels name the
// tag and the time, so no other tag can ever share its digest.
import { UserError } from '../errors.js'
import type { RegistryClient } from './client.js'
import { digestOf } from './digest.js'
import {
  EMPTY_BLOB_DIGEST,
  MEDIATYPE_DOCKER_CONFIG,
  MEDIATYPE_DOCKER_MANIFEST,
  MEDIATYPE_OCI_CONFIG,
  MEDIATYPE_OCI_INDEX,
  MEDIATYPE_OCI_MANIFEST
} from './media-types.js'
import { formatReference } from './reference.js'
import type { Descriptor, ManifestHead, RawManifest, Reference } from './types.js'

export interface DummyImage {
  /** Blobs to upload before the manifest: the empty layer and the config. */
  blobs: Array<{ descriptor: Descriptor; bytes: Buffer }>
  manifest: RawManifest
}

const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar'
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar'

/** Builds the dummy in the same family (OCI or Docker) as the manifest the tag held. */
export function buildDummy(tag: string, originalMediaType: string, now: Date): DummyImage {
  const oci =
    originalMediaType === MEDIATYPE_OCI_MANIFEST || originalMediaType === MEDIATYPE_OCI_INDEX
  const created = now.toISOString()
  const configBytes = Buffer.from(
    JSON.stringify({
      created,
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'delete-tag': tag, 'delete-date': created } },
      rootfs: { type: 'layers', diff_ids: [EMPTY_BLOB_DIGEST] }
    })
  )
  const config: Descriptor = {
    mediaType: oci ? MEDIATYPE_OCI_CONFIG : MEDIATYPE_DOCKER_CONFIG,
    digest: digestOf(configBytes),
    size: configBytes.length
  }
  const layer: Descriptor = {
    mediaType: oci ? OCI_LAYER : DOCKER_LAYER,
    digest: EMPTY_BLOB_DIGEST,
    size: 0
  }
  const mediaType = oci ? MEDIATYPE_OCI_MANIFEST : MEDIATYPE_DOCKER_MANIFEST
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType, config, layers: [layer] })
  )
  return {
    blobs: [
      { descriptor: layer, bytes: Buffer.alloc(0) },
      { descriptor: config, bytes: configBytes }
    ],
    manifest: { bytes, mediaType, digest: digestOf(bytes) }
  }
}

/**
 * Moves `ref`'s tag onto a fresh dummy image (R-DEL-4) and returns the
 * dummy's digest: blobs first, then a re-HEAD so a tag another writer moved
 * is left alone, then the manifest PUT.
 */
export async function isolateTag(
  client: RegistryClient,
  ref: Reference,
  head: ManifestHead,
  now: Date
): Promise<string> {
  const dummy = buildDummy(ref.tag!, head.mediaType, now)
  for (const blob of dummy.blobs)
    await client.uploadBlob(ref.registry, ref.repository, blob.descriptor, blob.bytes)
  await assertUnchanged(client, ref, head)
  await client.putManifest(ref.registry, ref.repository, ref.tag!, dummy.manifest)
  return dummy.manifest.digest
}

/** Aborts when the tag moved since it was recorded (another writer pushed). */
export async function assertUnchanged(
  client: RegistryClient,
  ref: Reference,
  head: ManifestHead
): Promise<void> {
  const now = await client.headManifest(ref)
  if (now?.digest !== head.digest) {
    throw new UserError(
      `${formatReference(ref)} changed from ${head.digest} to ${now?.digest ?? 'nothing'} while deleting; nothing was changed`
    )
  }
}
