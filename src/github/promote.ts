import * as core from '@actions/core'
import type { Config } from '../engine/config/types.js'
import {
  applyPromotions,
  hasFailures,
  planPromotions,
  policiesFor,
  type PromotionPlan,
  type PromotionResult
} from '../engine/promote/index.js'
import { UserError, errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { parseReference } from '../oci/reference.js'
import type { Reference } from '../oci/types.js'
import { actionConfigClient, loadActionConfig, withoutInputs } from './config-client.js'
import type { RunContext } from './context.js'
import { INPUT, type Inputs } from './inputs.js'
import { writePromoteSummary, type PromotedRow } from './summary.js'

/**
 * The `promote` command: applies every promotion policy of the config whose
 * `from` is the repository of the `reference` input. Output `promoted` lists
 * each destination; a refused or failed destination fails the step after the
 * others are written and reported (docs/promote-and-mirror.md).
 */
export async function runPromoteCommand(
  inputs: Inputs,
  ctx: RunContext,
  logger: Logger,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const ref = reference(inputs.reference)
  const engineEnv = withoutInputs(env)
  const config = await loadActionConfig(inputs, engineEnv)
  if (policiesFor(config, ref).length === 0) {
    logger.info(`no promotion policy in ${config.file} watches ${ref.registry}/${ref.repository}`)
    core.setOutput('promoted', '[]')
    await writePromoteSummary([], inputs.dryRun)
    return
  }
  const client = actionConfigClient(config, inputs, ctx, engineEnv, logger, destinationHosts(config, ref))
  const plans = await planPromotions(config, ref, {
    client,
    now: new Date(),
    vars: gitVars(ctx, engineEnv),
    logger
  })
  if (inputs.dryRun) {
    const rows = plans.map(plannedRow)
    core.setOutput('promoted', JSON.stringify(rows))
    await writePromoteSummary(rows, true)
    const refused = plans.filter((p) => p.action === 'refuse-moved-tag')
    if (refused.length > 0)
      throw new UserError(
        `promote would refuse ${refused.length} destination(s): ${refused[0]!.destination} points at another image`
      )
    return
  }
  const results = await applyPromotions(plans, { client, logger })
  const rows = results.map(resultRow)
  core.setOutput('promoted', JSON.stringify(rows))
  await writePromoteSummary(rows, false)
  if (hasFailures(results)) throw new UserError(failureLine(results))
}

function reference(value: string | undefined): Reference {
  try {
    return parseReference(value ?? '')
  } catch (error) {
    throw new UserError(`input "${INPUT.reference}" is not a valid image reference (got "${value}"): ${errorMessage(error)}`)
  }
}

/** Registries the promotion writes to: where registry-username/password apply. */
function destinationHosts(config: Config, ref: Reference): string[] {
  return policiesFor(config, ref).flatMap((p) => p.to.map((d) => d.repository.registry))
}

/** Commit and branch for `{sha}` and `{branch}`: the runner always sets them. */
function gitVars(ctx: RunContext, env: NodeJS.ProcessEnv): { sha?: string; branch?: string } {
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || undefined
  return {
    ...(ctx.sha === undefined ? {} : { sha: ctx.sha }),
    ...(branch === undefined ? {} : { branch })
  }
}

function plannedRow(p: PromotionPlan): PromotedRow {
  return { source: p.source, destination: p.destination, digest: p.digest, status: `would-${p.action}`, policy: p.policy }
}

function resultRow(r: PromotionResult): PromotedRow {
  return {
    source: r.source,
    destination: r.destination,
    digest: r.digest,
    status: r.status,
    policy: r.policy,
    ...(r.message === undefined ? {} : { message: r.message })
  }
}

/** One line for the failed step: how many destinations went wrong and the first reason. */
function failureLine(results: PromotionResult[]): string {
  const bad = results.filter((r) => r.status === 'refused' || r.status === 'failed')
  const first = bad[0]
  const why = first?.message ?? `${first?.destination}: ${first?.status}`
  return bad.length === 1 ? `promote: ${why}` : `promote: ${bad.length} destinations not promoted; first: ${why}`
}
