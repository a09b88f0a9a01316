import * as core from '@actions/core'
import { UserError, errorMessage } from '../errors.js'
import { delayWasmTierUp, holdYoungGenerationSmall } from '../heap.js'
import { runBuildCommand } from './build.js'
import { runMirrorCommand } from './mirror.js'
import { runPromoteCommand } from './promote.js'
import { runSyncCommand } from './sync.js'
import { runContext } from './context.js'
import { getInputs, type CommandName, type Inputs } from './inputs.js'
import { actionsLogger } from './logger.js'
import type { RunContext } from './context.js'
import type { Logger } from '../logger.js'

type CommandRunner = (
  inputs: Inputs,
  ctx: RunContext,
  logger: Logger,
  env: NodeJS.ProcessEnv
) => Promise<void>

const RUNNERS: Record<CommandName, CommandRunner> = {
  build: runBuildCommand,
  promote: runPromoteCommand,
  mirror: runMirrorCommand,
  sync: runSyncCommand
}

/**
 * Runs the action. This is its only error boundary (style.md rule 10.1): any
 * failure becomes one `::error::` line and a failed step; nothing deeper
 * calls setFailed or exits.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = getInputs(env)
    // build streams no blobs itself (its builder pushes), and hashes contexts.
    if (inputs.command !== 'build') holdYoungGenerationSmall()
    delayWasmTierUp()
    await RUNNERS[inputs.command](inputs, runContext(env), actionsLogger(), env)
  } catch (error) {
    if (!(error instanceof UserError) && error instanceof Error && error.stack)
      core.debug(error.stack)
    core.setFailed(oneLine(errorMessage(error)))
  }
}

function oneLine(message: string): string {
  return message.split(/\r?\n/).filter((l) => l.trim() !== '')[0] ?? 'failed'
}
