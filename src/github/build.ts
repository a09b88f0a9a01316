import * as core from '@actions/core'
import { runBuild } from '../engine/build/index.js'
import type { BuildOptions, BuildResult } from '../engine/build/types.js'
import { UserError } from '../errors.js'
import type { Logger } from '../logger.js'
import { RegistryClient } from '../oci/client.js'
import { Transport } from '../oci/transport.js'
import { ownerAndRepo, type RunContext } from './context.js'
import { actionCredentials, actionEcrAuth } from './credentials.js'
import { INPUT, type Inputs } from './inputs.js'
import { reportStatus } from './status.js'
import { writeBuildSummary } from './summary.js'

/** The `build` command: content tag, registry lookup, build on a miss, outputs, summary, status. */
export async function runBuildCommand(
  inputs: Inputs,
  ctx: RunContext,
  logger: Logger,
  env: NodeJS.ProcessEnv
): Promise<void> {
  // Check the status-check prerequisites before building, not after minutes of work.
  if (inputs.statusCheck !== 'none') {
    if (!inputs.githubToken)
      throw new UserError(
        `input "${INPUT.githubToken}" is empty but "${INPUT.statusCheck}" is "${inputs.statusCheck}"`
      )
    ownerAndRepo(ctx)
    if (!ctx.sha)
      throw new UserError(
        `"${INPUT.statusCheck}" is "${inputs.statusCheck}" but GITHUB_SHA is not set`
      )
  }
  if (inputs.config !== undefined)
    logger.warning(`input "${INPUT.config}" is not used by the build command`)

  const engineEnv = withoutInputs(env)
  const credentials = actionCredentials(inputs, ctx, engineEnv, logger)
  const transport = new Transport({ credentials, ecr: actionEcrAuth(engineEnv), insecure: inputs.insecure, logger })
  const client = new RegistryClient(transport, { logger })
  const result = await runBuild(buildOptions(inputs, ctx), {
    client,
    logger,
    env: engineEnv,
    now: () => new Date()
  })

  setOutputs(result)
  await writeBuildSummary(result)
  if (inputs.statusCheck !== 'none' && inputs.githubToken) {
    await reportStatus(
      { kind: inputs.statusCheck, image: inputs.image, result, token: inputs.githubToken },
      ctx,
      logger
    )
  }
}

/** Maps the action's inputs and the run context to the engine's options. */
export function buildOptions(inputs: Inputs, ctx: RunContext): BuildOptions {
  return {
    image: inputs.image,
    context: inputs.context,
    dockerfile: inputs.dockerfile,
    buildArgs: inputs.buildArgs,
    target: inputs.target,
    platforms: inputs.platforms,
    tags: inputs.tags,
    builder: inputs.builder,
    secrets: inputs.secrets,
    labels: inputs.labels,
    tagPrefix: inputs.tagPrefix,
    includeCommit: inputs.includeCommit,
    revision: ctx.sha,
    source: ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : undefined,
    insecure: inputs.insecure,
    // The summary's "build time saved" on a hit: two more small requests.
    reportTimeSaved: true
  }
}

function setOutputs(result: BuildResult): void {
  core.setOutput('image', result.image)
  core.setOutput('digest', result.digest)
  core.setOutput('tag', result.tag)
  core.setOutput('cache-hit', String(result.cacheHit))
}

// The builder runs as a child process with this environment: the action's
// INPUT_* variables (tokens and passwords among them) have no business there.
function withoutInputs(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('INPUT_')))
}
