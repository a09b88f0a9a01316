import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../../../errors.js'
import type { Logger } from '../../../logger.js'
import { writeDockerConfig } from '../auth-files.js'
import type { Builder, BuildSpec } from '../builder.js'
import { runBuilderProcess } from '../run-process.js'
import { specFlags } from './containers.js'

/**
 * docker buildx (GitHub-hosted runners): pushes straight from BuildKit and
 * reports the pushed digest in `--metadata-file` (containerimage.digest).
 * Credentials reach it through a temporary DOCKER_CONFIG.
 */
export function dockerBuilder(env: NodeJS.ProcessEnv, logger: Logger): Builder {
  const configs = new Map<string, NodeJS.ProcessEnv>()
  const envFor = (spec: BuildSpec): NodeJS.ProcessEnv => {
    if (!spec.credential) return env
    if (!configs.has(spec.workDir)) {
      configs.set(spec.workDir, { ...env, DOCKER_CONFIG: writeDockerConfig(spec.workDir, spec.registry, spec.credential, env) })
    }
    return configs.get(spec.workDir) as NodeJS.ProcessEnv
  }
  const run = (args: string[], spec: BuildSpec) =>
    runBuilderProcess({ name: 'docker', command: 'docker', args, env: envFor(spec), cwd: spec.context }, logger)

  return {
    name: 'docker',
    async build(spec) {
      if (spec.caFile) {
        logger.warning('docker buildx takes registry CAs from its BuildKit configuration, not from --ca-file')
      }
      await run([...buildArgs(spec), spec.context], spec)
    },
    async push(spec) {
      const metadataFile = join(spec.workDir, 'metadata.json')
      // registry.insecure lets BuildKit push over plain HTTP or unverified TLS.
      const output = spec.insecure ? ['--output', `type=image,name=${spec.ref},push=true,registry.insecure=true`] : ['--push']
      await run([...buildArgs(spec), '-t', spec.ref, ...output, '--metadata-file', metadataFile, spec.context], spec)
      const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, unknown>
      const digest = metadata['containerimage.digest']
      if (typeof digest !== 'string') throw new UserError('build failed: docker reported no containerimage.digest for the pushed image')
      return digest
    }
  }
}

function buildArgs(spec: BuildSpec): string[] {
  return ['buildx', 'build', '-f', spec.dockerfile, ...specFlags(spec)]
}
