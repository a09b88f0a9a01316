import type { ParseArgsOptionsConfig } from 'node:util'
import type { Logger } from '../logger.js'
import type { TransportOptions } from '../oci/transport-types.js'

/** Options every command accepts, wherever they appear on the line. */
export interface GlobalOptions {
  insecure: boolean
  caFile?: string
  /** A 401 after a token counts as "absent" in existence checks (Docker Hub hides repositories so). */
  unauthorizedIsAbsent: boolean
  json: boolean
  verbose: boolean
}

export interface CommandContext {
  global: GlobalOptions
  logger: Logger
  /** Writes one line of the command's result to stdout. */
  out(line: string): void
  env: NodeJS.ProcessEnv
  cwd: string
  /** Scheme probes started before the command loaded (--insecure only). */
  schemeProbes?: TransportOptions['schemeProbes']
}

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>

/** A CLI command: its options are parsed strictly before `run` is called. */
export interface Command {
  usage: string
  description: string
  options: ParseArgsOptionsConfig
  /** Positional arguments: [min, max]. */
  positionals: [number, number]
  run(ctx: CommandContext, values: OptionValues, positionals: string[]): Promise<number | void>
}

export const GLOBAL_OPTIONS: ParseArgsOptionsConfig = {
  insecure: { type: 'boolean' },
  'ca-file': { type: 'string' },
  'unauthorized-is-absent': { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' }
}
