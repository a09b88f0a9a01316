import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'
import { parseShard } from '../engine/shard.js'
import { entryNotes, syncAll } from '../engine/sync/index.js'
import { UserError, errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { actionConfigClient, loadActionConfig, withoutInputs } from './config-client.js'
import type { RunContext } from './context.js'
import { INPUT, type Inputs } from './inputs.js'
import { writeSyncSummary } from './summary.js'

/**
 * The `sync` command: syncs every `sync:` entry of the config (this job's
 * shard of them with `shard`). Output `synced` is the JSON report; a failed
 * entry fails the step after the others are synced and reported (docs/sync.md).
 */
export async function runSyncCommand(
  inputs: Inputs,
  ctx: RunContext,
  logger: Logger,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const shard = inputs.shard === undefined ? undefined : shardOf(inputs.shard)
  const engineEnv = withoutInputs(env)
  const config = await loadActionConfig(inputs, engineEnv)
  if (config.sync.length === 0) logger.info(`${config.file} lists no sync: entries`)
  const loginHosts = [
    ...(config.mirror === undefined ? [] : [config.mirror.registry]),
    ...config.sync.map((r) => r.target.registry)
  ]
  const client = actionConfigClient(config, inputs, ctx, engineEnv, logger, loginHosts)
  const report = await syncAll(config, {
    client,
    logger,
    now: () => new Date(),
    runId: runId(env),
    force: inputs.force,
    dryRun: inputs.dryRun,
    ...(shard === undefined ? {} : { shard })
  })
  core.setOutput('synced', JSON.stringify(report))
  await writeSyncSummary(report)
  const failed = report.entries.filter((e) => e.status === 'failed')
  if (failed.length > 0) {
    const first = `${failed[0]!.name}: ${entryNotes(failed[0]!).replace(/\s*\n\s*/g, ' ')}`
    throw new UserError(
      failed.length === 1 ? `sync: ${first}` : `sync: ${failed.length} entries failed; first: ${first}`
    )
  }
}

function shardOf(value: string): ReturnType<typeof parseShard> {
  try {
    return parseShard(value)
  } catch (error) {
    throw new UserError(`input "${INPUT.shard}" is not a valid shard (got "${value}"): ${errorMessage(error)}`)
  }
}

/** The lease holder: this job of this workflow run, so a held lease names who holds it. */
function runId(env: NodeJS.ProcessEnv): string {
  const job = `github-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? ''}`
  return `${job}-${randomBytes(3).toString('hex')}`
}

