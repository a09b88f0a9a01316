import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { UserError } from '../../errors.js'
import type { Logger } from '../../logger.js'

/** How a builder subprocess is started. */
export interface ProcessSpec {
  /** Name used in messages: buildah, podman, docker. */
  name: string
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  cwd?: string
}

// Builders print Go struct dumps after their errors; the user needs the sentence before them.
const GO_DUMP = / &[a-z]+\.[A-Z]\w*\{.*$/

/**
 * Runs a builder with an argument array (never a shell), streaming its output
 * line by line to the logger. A non-zero exit becomes one UserError line with
 * the builder's last error line, which is where buildah, podman and docker
 * put the cause.
 */
export async function runBuilderProcess(spec: ProcessSpec, logger: Logger): Promise<void> {
  logger.debug(`run: ${spec.command} ${spec.args.join(' ')}`)
  const child = spawn(spec.command, spec.args, { env: spec.env, cwd: spec.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const errors: string[] = []
  const stdout = createInterface({ input: child.stdout })
  const stderr = createInterface({ input: child.stderr })
  stdout.on('line', (line) => logger.info(line))
  stderr.on('line', (line) => {
    logger.info(line)
    if (line.trim() !== '') errors.push(line.trim())
    if (errors.length > 50) errors.shift()
  })
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>(
    (resolve) => {
      child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, signal: null, error }))
      child.once('close', (code, signal) => resolve({ code, signal }))
    }
  )
  if (outcome.error?.code === 'ENOENT') throw new UserError(`build failed: ${spec.name} not found (${spec.command} is not on PATH)`)
  if (outcome.error) throw new UserError(`build failed: cannot start ${spec.name}: ${outcome.error.message}`)
  if (outcome.code === 0) return
  const status = outcome.code === null ? `signal ${outcome.signal}` : String(outcome.code)
  const cause = lastErrorLine(errors)
  throw new UserError(`build failed: ${spec.name} exited with ${status}${cause ? `: ${cause}` : ''}`)
}

/** The line that names the cause: the last `Error:`/`ERROR:` line, else the last line. */
export function lastErrorLine(lines: string[]): string | undefined {
  const found = [...lines].reverse().find((l) => /^(error|ERROR)\b:?/i.test(l)) ?? lines.at(-1)
  if (found === undefined) return undefined
  const trimmed = found.replace(GO_DUMP, '').replace(/^(Error|ERROR):\s*/, '')
  return trimmed.length > 400 ? `${trimmed.slice(0, 400)}…` : trimmed
}

/** True when `command args` exits 0 within `timeoutMs`: how `auto` probes builders. */
export async function answers(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: 'ignore', timeout: timeoutMs })
    child.once('error', () => resolve(false))
    child.once('close', (code) => resolve(code === 0))
  })
}
