import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { UserError, errorMessage } from '../../errors.js'
import { runBuild } from '../../engine/build/index.js'
import { parseKeyValues, parseSecret } from '../../engine/build/key-values.js'
import { parseBuilderName } from '../../engine/build/select-builder.js'
import type { BuildOptions, BuildResult } from '../../engine/build/types.js'
import { registryClient } from '../client.js'
import type { Command, CommandContext, OptionValues } from '../command.js'
import { loadConfig } from '../../engine/config/load.js'
import { promoteAfterBuild } from '../../engine/promote/index.js'
import { parseReference } from '../../oci/reference.js'
import { configRegistryClient } from '../config-client.js'
import { gitVars, reportResults, toJson } from '../promotions.js'
import { CONTENT_OPTIONS, splitPlatforms } from './tag.js'

export const command: Command = {
  usage:
    'build --image REPO --context DIR [--dockerfile PATH] [--build-arg K=V]... [--target T] [--platform P]... ' +
    '[--tag T]... [--builder auto|buildah|podman|docker] [--secret id=X,src=F|env=V]... [--label K=V]... ' +
    '[--prefix P] [--include-commit] [--dotenv FILE] [--time-saved] [--config FILE] [--json]',
  description: [
    'Builds and pushes REPO:<content tag> unless the registry already has it. The content tag is',
    'computed as `image-mirror tag` does; one manifest HEAD tells whether the image exists. On a hit',
    'nothing is built; --tag adds tags to the existing image by pushing its manifest under them.',
    'On a miss the builder (auto: docker buildx with a running daemon, else buildah, else podman)',
    'builds and pushes, and the pushed digest is checked against the registry.',
    '',
    'Results: image, digest, tag, cache-hit (--json: one object). --dotenv FILE writes IMAGE, DIGEST,',
    'TAG and CACHE_HIT for later CI jobs. --time-saved reads the reused image\'s recorded build time',
    'on a hit (two more requests). Secrets reach the builder only; they never enter the tag or logs.',
    'Revision and source labels come from GITHUB_SHA/GITHUB_REPOSITORY, CI_COMMIT_SHA/CI_PROJECT_URL',
    'or the git checkout of the context.',
    '',
    '--config FILE applies the promotion policies of that image-mirror config to the image after the',
    'push or the hit, as `image-mirror promote` does; a refused or failed promotion exits 1.'
  ].join('\n'),
  options: {
    ...CONTENT_OPTIONS,
    image: { type: 'string' },
    tag: { type: 'string', multiple: true },
    builder: { type: 'string' },
    secret: { type: 'string', multiple: true },
    label: { type: 'string', multiple: true },
    dotenv: { type: 'string' },
    'time-saved': { type: 'boolean' },
    config: { type: 'string' }
  },
  positionals: [0, 0],
  async run(ctx, values) {
    const image = values.image as string | undefined
    if (!image) throw new UserError('--image is required (the repository to push to, e.g. registry.example.com/team/app)')
    const context = (values.context as string | undefined) ?? '.'
    const options: BuildOptions = {
      image,
      context,
      dockerfile: values.dockerfile as string | undefined,
      buildArgs: parseKeyValues('--build-arg', values['build-arg'] as string[] | undefined),
      target: values.target as string | undefined,
      platforms: splitPlatforms(values.platform as string[] | undefined),
      tags: values.tag as string[] | undefined,
      builder: parseBuilderName((values.builder as string | undefined) ?? 'auto'),
      secrets: ((values.secret as string[] | undefined) ?? []).map(parseSecret),
      labels: parseKeyValues('--label', values.label as string[] | undefined),
      tagPrefix: values.prefix as string | undefined,
      extraFiles: values['extra-file'] as string[] | undefined,
      extraValues: parseKeyValues('--extra-value', values['extra-value'] as string[] | undefined),
      includeCommit: values['include-commit'] === true,
      ...revisionAndSource(ctx.env, resolve(ctx.cwd, context)),
      insecure: ctx.global.insecure,
      caFile: ctx.global.caFile,
      reportTimeSaved: values['time-saved'] === true
    }
    const result = await runBuild(options, {
      client: registryClient(ctx),
      logger: ctx.logger,
      env: ctx.env,
      now: () => new Date()
    })
    if (values.dotenv !== undefined) writeDotenv(values.dotenv as string, result)
    if (ctx.global.json) ctx.out(JSON.stringify(result))
    else for (const line of describe(result)) ctx.out(line)
    if (values.config !== undefined) return promoteBuilt(ctx, values, result)
  }
}

/** Applies the config's promotion policies to the image just pushed or reused. */
async function promoteBuilt(ctx: CommandContext, values: OptionValues, result: BuildResult): Promise<number> {
  const config = await loadConfig(resolve(ctx.cwd, values.config as string), ctx.env)
  const built = { ...parseReference(result.image), digest: result.digest }
  const results = await promoteAfterBuild(config, built, {
    client: configRegistryClient(ctx, config),
    now: new Date(),
    vars: await gitVars(ctx, config, values),
    logger: ctx.logger
  })
  if (ctx.global.json && results.length > 0) ctx.out(JSON.stringify({ promotions: results.map(toJson) }))
  return reportResults(ctx, results)
}

/**
 * org.opencontainers.image.revision and .source: from the CI's variables
 * (GitHub Actions, GitLab CI), else the commit checked out in the context.
 */
export function revisionAndSource(env: NodeJS.ProcessEnv, context: string): { revision?: string; source?: string } {
  if (env.GITHUB_SHA) {
    const source = env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}` : undefined
    return { revision: env.GITHUB_SHA, source }
  }
  if (env.CI_COMMIT_SHA) return { revision: env.CI_COMMIT_SHA, source: env.CI_PROJECT_URL || undefined }
  try {
    const revision = execFileSync('git', ['-C', context, 'rev-parse', '--verify', '-q', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000
    }).trim()
    return /^[0-9a-f]{40,64}$/.test(revision) ? { revision } : {}
  } catch {
    return {}
  }
}

function describe(r: BuildResult): string[] {
  const lines = [`image: ${r.image}`, `digest: ${r.digest}`, `tag: ${r.tag}`, `cache-hit: ${r.cacheHit}`]
  if (r.buildSeconds !== undefined) lines.push(`${r.cacheHit ? 'build-seconds-saved' : 'build-seconds'}: ${r.buildSeconds}`)
  if (r.extraTags.length > 0) lines.push(`extra-tags: ${r.extraTags.join(' ')}`)
  return lines
}

/** The dotenv report later GitLab jobs read (artifacts:reports:dotenv). */
function writeDotenv(path: string, r: BuildResult): void {
  const body = `IMAGE=${r.image}\nDIGEST=${r.digest}\nTAG=${r.tag}\nCACHE_HIT=${r.cacheHit}\n`
  try {
    writeFileSync(path, body)
  } catch (error) {
    throw new UserError(`cannot write --dotenv ${path}: ${errorMessage(error)}`)
  }
}
