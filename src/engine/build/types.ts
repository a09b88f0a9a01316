import type { Logger } from '../../logger.js'
import type { RegistryClient } from '../../oci/client.js'

export type BuilderName = 'auto' | 'buildah' | 'podman' | 'docker'

/** Everything the `build` command, the GitHub action and the GitLab component pass to the engine. */
export interface BuildOptions {
  /** Repository on the mirror registry, without tag: registry.example.com/team/app */
  image: string
  context: string
  dockerfile?: string
  buildArgs?: Record<string, string>
  target?: string
  platforms?: string[]
  /** Extra tags added to the image, on a hit by pushing its manifest under them (no blob traffic). */
  tags?: string[]
  builder?: BuilderName
  /** Build secrets: passed to the builder, never hashed into the tag, never logged. */
  secrets?: Array<{ id: string; src?: string; env?: string }>
  labels?: Record<string, string>
  tagPrefix?: string
  extraFiles?: string[]
  extraValues?: Record<string, string>
  includeCommit?: boolean
  /** org.opencontainers.image.revision / .source; the surfaces fill them from CI variables. */
  revision?: string
  source?: string
  insecure?: boolean
  /** Extra PEM roots for the registry, also handed to the builder. */
  caFile?: string
  /**
   * On a hit, read the reused image's recorded build time into `buildSeconds`
   * (time saved). Costs a manifest GET and a config blob GET, so it is off
   * unless a report shows it.
   */
  reportTimeSaved?: boolean
}

export interface BuildResult {
  /** Full reference: registry/repository:tag */
  image: string
  digest: string
  tag: string
  cacheHit: boolean
  /** Wall time of this build; on a hit, the recorded build time of the reused image (time saved). */
  buildSeconds?: number
  extraTags: string[]
  builder?: string
}

export interface BuildDeps {
  /** Its transport's credential chain (ECR logins included) also gives the builder its login. */
  client: RegistryClient
  logger: Logger
  env: NodeJS.ProcessEnv
  now: () => Date
}
