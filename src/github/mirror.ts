import * as core from '@actions/core'
import { mirrorImages, mirrorMap } from '../engine/mirror/index.js'
import { UserError } from '../errors.js'
import type { Logger } from '../logger.js'
import { actionConfigClient, loadActionConfig, withoutInputs } from './config-client.js'
import type { RunContext } from './context.js'
import type { Inputs } from './inputs.js'
import { writeMirrorSummary } from './summary.js'

/**
 * The `mirror` command: copies every `images:` entry of the config into the
 * mirror registry. Output `images` maps each source, as written in the
 * config, to `mirror@digest`: what deploy steps pull instead. A failed image
 * fails the step after the others are mirrored and reported.
 */
export async function runMirrorCommand(
  inputs: Inputs,
  ctx: RunContext,
  logger: Logger,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const engineEnv = withoutInputs(env)
  const config = await loadActionConfig(inputs, engineEnv)
  if (config.images.length === 0) logger.info(`${config.file} lists no images: to mirror`)
  const loginHosts = config.mirror === undefined ? [] : [config.mirror.registry]
  const client = actionConfigClient(config, inputs, ctx, engineEnv, logger, loginHosts)
  const results = await mirrorImages(config, { client, logger, dryRun: inputs.dryRun })

  const images = Object.fromEntries(
    Object.entries(mirrorMap(results)).map(([source, entry]) => [source, entry.reference])
  )
  core.setOutput('images', JSON.stringify(images))
  await writeMirrorSummary(results, inputs.dryRun)

  const failed = results.filter((r) => r.status === 'failed')
  if (failed.length > 0) {
    const first = failed[0]!.error ?? `${failed[0]!.source}: failed`
    throw new UserError(
      failed.length === 1 ? `mirror: ${first}` : `mirror: ${failed.length} images failed; first: ${first}`
    )
  }
}
