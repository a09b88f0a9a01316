// The typed result of loading `.image-mirror.yml` (docs/config.md). Keys are
// camelCase here and kebab-case in the file; defaults are already applied.
import type { Reference } from '../../oci/types.js'
import type { When } from '../conditions.js'
import type { MirrorMode } from '../mirror-names.js'
import type { TagFilter } from '../tag-patterns.js'
import type { Placeholder } from '../tag-template.js'

/** A repository without tag or digest. */
export interface RepositoryRef {
  registry: string
  repository: string
}

export interface MirrorSettings {
  /** Host of the mirror registry. */
  registry: string
  mode: MirrorMode
  /** Path prefix on the mirror registry; `mirror` by default, '' for none. */
  repository: string
}

export interface RegistrySettings {
  host: string
  username?: string
  /** Secret: never log or print. */
  password?: string
  insecure: boolean
  /** PEM bundle, absolute; relative paths in the file are resolved against its directory. */
  caFile?: string
}

export interface MirrorImage {
  source: Reference
  /** The source as written in the file, after interpolation. */
  text: string
  /** Present in service mode (required there), absent in cluster mode. */
  service?: string
}

export interface SyncRule {
  /** Unique among sync entries; the given name or `<registry>/<repository>` of the source. */
  name: string
  source: RepositoryRef
  target: RepositoryRef
  tags: TagFilter
  platforms?: string[]
  /** Minimum time between syncs of this entry; absent means every run. */
  intervalMs?: number
  deleteUnmatched: boolean
  rollback: boolean
}

export interface PromotionDestination {
  repository: RepositoryRef
  /** Tag template, validated; render with renderTagTemplate. */
  tag: string
  /** Placeholders the template uses, so callers know which values they must supply. */
  placeholders: Placeholder[]
}

export interface PromotionRule {
  name: string
  from: RepositoryRef
  /** Absent: every tag of `from` qualifies. */
  when?: When
  to: PromotionDestination[]
  overwrite: boolean
  referrers: boolean
}

export interface Notifications {
  /** Secret (the URL carries the token): never log or print. */
  webhook?: string
}

export interface Config {
  /** The file the config was read from, as given. */
  file: string
  version: 1
  mirror?: MirrorSettings
  registries: RegistrySettings[]
  images: MirrorImage[]
  sync: SyncRule[]
  promotions: PromotionRule[]
  notifications: Notifications
}
