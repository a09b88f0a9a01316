import { parseArgs } from 'node:util'
import { UserError, errorMessage } from '../errors.js'
import { stderrLogger } from '../logger.js'
import { GLOBAL_OPTIONS, type Command, type CommandContext, type GlobalOptions, type OptionValues } from './command.js'
import { COMMANDS } from './commands.js'
import { VERSION } from '../version.js'
import { delayWasmTierUp, holdYoungGenerationSmall } from '../heap.js'
import { startSchemeProbes } from './scheme-probes.js'

const USAGE_EXIT = 2
const INTERNAL_EXIT = 70

/**
 * Runs one CLI invocation and returns its exit code. This is the CLI's only
 * error boundary: user errors become one line on stderr, never a stack.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const nameIndex = commandIndex(argv)
  const name = nameIndex < 0 ? undefined : argv[nameIndex]
  const verbose = argv.includes('--verbose') || argv.includes('-v') || env.IMAGE_MIRROR_DEBUG === '1'
  if (name === 'version' || (name === undefined && argv.includes('--version'))) {
    process.stdout.write(`image-mirror ${VERSION}\n`)
    return 0
  }
  if (name === undefined || name === 'help') {
    process.stdout.write(helpText())
    return name === undefined && !argv.includes('--help') && !argv.includes('-h') ? USAGE_EXIT : 0
  }
  const entry = COMMANDS[name]
  if (entry === undefined) {
    process.stderr.write(`image-mirror: unknown command "${name}" (run image-mirror help)\n`)
    return USAGE_EXIT
  }
  const rest = argv.filter((_, i) => i !== nameIndex)
  const probes = entry.usesRegistries && rest.includes('--insecure') ? startSchemeProbes(rest) : undefined
  if (entry.streamsBlobs) holdYoungGenerationSmall()
  if (entry.usesRegistries) delayWasmTierUp()
  try {
    const command = await entry.load()
    return (await runCommand(command, rest, env, probes?.probes)) ?? 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`image-mirror ${name}: ${error.message} (usage: image-mirror ${error.usage})\n`)
      return USAGE_EXIT
    }
    if (error instanceof UserError) {
      process.stderr.write(`image-mirror ${name}: ${error.message}\n`)
      return error.exitCode
    }
    process.stderr.write(`image-mirror ${name}: internal error: ${errorMessage(error)}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n')
    return INTERNAL_EXIT
  } finally {
    probes?.stop()
  }
}

class UsageError extends Error {
  override name = 'UsageError'
  usage: string
  constructor(message: string, usage: string) {
    super(message)
    this.usage = usage
  }
}

/** Index of the command name: the first word that is not an option or an option's value. */
function commandIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--ca-file') i++
    else if (!arg.startsWith('-')) return i
  }
  return -1
}

async function runCommand(
  command: Command,
  argv: string[],
  env: NodeJS.ProcessEnv,
  schemeProbes: CommandContext['schemeProbes']
) {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(lowerFirst(errorMessage(error).split('\n')[0] ?? ''), command.usage)
  }
  const { values, positionals } = parsed
  if (values.help) {
    process.stdout.write(`usage: image-mirror ${command.usage}\n\n${command.description}\n`)
    return 0
  }
  const [min, max] = command.positionals
  if (positionals.length < min) throw new UsageError('missing argument', command.usage)
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`, command.usage)
  const global: GlobalOptions = {
    insecure: values.insecure === true,
    caFile: typeof values['ca-file'] === 'string' ? values['ca-file'] : undefined,
    unauthorizedIsAbsent: values['unauthorized-is-absent'] === true,
    json: values.json === true,
    verbose: values.verbose === true || env.IMAGE_MIRROR_DEBUG === '1'
  }
  const ctx: CommandContext = {
    global,
    logger: stderrLogger(global.verbose),
    out: (line) => process.stdout.write(line + '\n'),
    env,
    cwd: process.cwd(),
    schemeProbes
  }
  return command.run(ctx, values as OptionValues, positionals)
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length))
  const lines = Object.entries(COMMANDS).map(([n, e]) => `  ${n.padEnd(width)}  ${e.summary}`)
  return [
    'usage: image-mirror <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'global options:',
    '  --insecure       allow plain HTTP and unverified TLS for this invocation',
    '  --ca-file PATH   trust this PEM bundle in addition to the system roots',
    '  --unauthorized-is-absent',
    '                   count a 401 after a token as "image absent" (Docker Hub hides missing repositories so)',
    '  --json           print results as JSON on stdout',
    '  -v, --verbose    debug logging on stderr',
    '  --version        print the version (also: image-mirror version)',
    '',
    'run image-mirror <command> --help for the options of a command',
    ''
  ].join('\n')
}
