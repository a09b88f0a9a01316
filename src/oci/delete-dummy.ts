// The unique stand-in image a tag is moved onto before its deletion by digest
// (registry-protocol §6.3, regclient TagDelete): a config whose labels name the
// tag and the time, so no other tag can ever share its digest.
import { digestOf } from './digest.js'
import {
  EMPTY_BLOB_DIGEST,
  MEDIATYPE_DOCKER_CONFIG,
  MEDIATYPE_DOCKER_MANIFEST,
  MEDIATYPE_OCI_CONFIG,
  MEDIATYPE_OCI_INDEX,
  MEDIATYPE_OCI_MANIFEST
} from './media-types.js'
import type { Descriptor, RawManifest } from './types.js'

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
