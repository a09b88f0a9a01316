// Data model of the registry client. Descriptor, manifest and index follow
// image-spec descriptor.md, manifest.md and image-index.md.

/** A parsed image reference (distribution/reference grammar, normalised). */
export interface Reference {
  /** Registry host as written in references: `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  registry: string
  /** Repository path without the registry: `library/nginx`. */
  repository: string
  tag?: string
  digest?: string
}

export interface Platform {
  architecture: string
  os: string
  variant?: string
  'os.version'?: string
  'os.features'?: string[]
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  urls?: string[]
  annotations?: Record<string, string>
  platform?: Platform
  artifactType?: string
  data?: string
}

/** An OCI image manifest or Docker schema2 manifest. */
export interface ImageManifest {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

/** An OCI image index or Docker manifest list. */
export interface ImageIndex {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  manifests: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

/** A manifest as fetched: the exact bytes, never re-serialised (R-MAN-3). */
export interface RawManifest {
  bytes: Buffer
  mediaType: string
  digest: string
}

/** What a manifest HEAD tells: enough to compare digests without a GET. */
export interface ManifestHead {
  digest: string
  mediaType: string
  size: number
}
