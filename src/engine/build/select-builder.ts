import { UserError } from '../../errors.js'
import type { Logger } from '../../logger.js'
import type { Builder } from './builder.js'
import { containersBuilder } from './builders/containers.js'
import { dockerBuilder } from './builders/docker.js'
import { answers } from './run-process.js'
import type { BuilderName } from './types.js'

const PROBE_TIMEOUT_MS = 3000

/**
 * Picks the builder. `auto`: docker buildx when a Docker daemon answers
 * (GitHub-hosted runners), else buildah, else podman (GitLab runners and
 * other places without a daemon). Called only on a cache miss, so a hit never
 * pays for the probes.
 */
export async function selectBuilder(name: BuilderName, env: NodeJS.ProcessEnv, logger: Logger): Promise<Builder> {
  if (name === 'docker') return dockerBuilder(env, logger)
  if (name === 'buildah' || name === 'podman') return containersBuilder(name, env, logger)
  if (await answers('docker', ['info'], env, PROBE_TIMEOUT_MS)) return dockerBuilder(env, logger)
  for (const candidate of ['buildah', 'podman'] as const) {
    if (await answers(candidate, ['--version'], env, PROBE_TIMEOUT_MS)) return containersBuilder(candidate, env, logger)
  }
  throw new UserError('no builder found: install docker (with a running daemon), buildah or podman, or set --builder')
}

/** Validates a builder name given by a user. */
export function parseBuilderName(value: string): BuilderName {
  if (value === 'auto' || value === 'buildah' || value === 'podman' || value === 'docker') return value
  throw new UserError(`invalid builder "${value}": expected auto, buildah, podman or docker`)
}
