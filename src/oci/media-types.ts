// Media types from image-spec media-types.md and distribution manifest-v2-2.md.
export const MEDIATYPE_OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const MEDIATYPE_OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const MEDIATYPE_DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
export const MEDIATYPE_DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
export const MEDIATYPE_DOCKER_SCHEMA1 = 'application/vnd.docker.distribution.manifest.v1+json'
export const MEDIATYPE_DOCKER_SCHEMA1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws'
export const MEDIATYPE_OCI_EMPTY = 'application/vnd.oci.empty.v1+json'
export const MEDIATYPE_OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const MEDIATYPE_DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json'

/** Sent on every manifest HEAD and GET (R-MAN-1): without the OCI types,
 * distribution answers 404 for OCI content, and without the list type it
 * silently returns the linux/amd64 child of a manifest list. */
export const MANIFEST_ACCEPT = [
  MEDIATYPE_OCI_INDEX,
  MEDIATYPE_OCI_MANIFEST,
  MEDIATYPE_DOCKER_LIST,
  MEDIATYPE_DOCKER_MANIFEST
].join(', ')

export const INDEX_MEDIATYPES: ReadonlySet<string> = new Set([MEDIATYPE_OCI_INDEX, MEDIATYPE_DOCKER_LIST])
export const IMAGE_MEDIATYPES: ReadonlySet<string> = new Set([MEDIATYPE_OCI_MANIFEST, MEDIATYPE_DOCKER_MANIFEST])
export const SCHEMA1_MEDIATYPES: ReadonlySet<string> = new Set([
  MEDIATYPE_DOCKER_SCHEMA1,
  MEDIATYPE_DOCKER_SCHEMA1_SIGNED
])

/** The sha256 of zero bytes: the empty blob every registry must accept. */
export const EMPTY_BLOB_DIGEST = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
