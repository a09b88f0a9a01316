import type { CredentialSource } from '../../oci/credentials.js'

/** A registry credential as the CredentialSource returns it. */
export type Credential = NonNullable<Awaited<ReturnType<CredentialSource['get']>>>

/** A build secret: `src` names a file, `env` an environment variable; never hashed, never logged. */
export interface BuildSecret {
  id: string
  src?: string
  env?: string
}

/** Everything a builder needs for one build, already validated and resolved to absolute paths. */
export interface BuildSpec {
  context: string
  dockerfile: string
  buildArgs: Record<string, string>
  target?: string
  platforms: string[]
  secrets: BuildSecret[]
  /** Labels in the order they are applied; the build-seconds label comes last. */
  labels: Record<string, string>
  /** Where the image is pushed: registry/repository:tag */
  ref: string
  registry: string
  insecure: boolean
  caFile?: string
  /** Credential for the mirror registry, written to a temporary auth file for the builder. */
  credential?: Credential
  /** A private scratch directory (0700) removed after the build. */
  workDir: string
}

/**
 * A builder runs in two steps so that the image can carry its own build time
 * (docs/build.md): `build` does the work and fills the builder's layer cache;
 * `push` builds again, which the cache answers in well under a second, with
 * the build-seconds label added as the last step, and pushes. It returns the
 * digest the builder reports for what it pushed.
 */
export interface Builder {
  name: 'buildah' | 'podman' | 'docker'
  build(spec: BuildSpec): Promise<void>
  push(spec: BuildSpec): Promise<string>
}
