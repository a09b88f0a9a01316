// Runs the image-mirror CLI as users do: the pinned Node on bin/image-mirror.js,
// a separate process with its own exit code, stdout and stderr.
import { spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is test/helpers/run-cli.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Options for one CLI run. */
export interface RunCliOptions {
  /** Added to (and overriding) the inherited environment. */
  env?: Record<string, string>
  /** Working directory (default: the repository root). */
  cwd?: string
  /** Written to stdin; without it stdin is /dev/null, as in CI. */
  input?: string
  /** Kills the CLI after this many ms (default 120 000) so a hang fails the test instead of the run. */
  timeoutMs?: number
  /** Runs src/cli/index.ts through tsx instead of the dist bundle: the CLI as the working tree has it. */
  fromSource?: boolean
}

/** What a CLI run produced. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Variables of the test process that would change what the CLI does: the test
 * runner's own context, the CI surfaces (so a run on CI behaves like a local
 * one) and the caller's registry credentials. Tests that need any of them pass
 * them in `env`.
 */
const DROPPED_ENV =
  /^(NODE_TEST_CONTEXT|NODE_OPTIONS|CI|CI_\w+|GITLAB_CI|GITHUB_\w+|INPUT_\w+|RUNNER_\w+|ACTIONS_\w+|DOCKER_CONFIG|DOCKER_AUTH_CONFIG|REGISTRY_AUTH_FILE)$/

/** Runs `image-mirror <args>` and resolves with its exit code and output (never rejects on a non-zero exit). */
export function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliResult> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !DROPPED_ENV.test(k)) env[k] = v
  Object.assign(env, opts.env)
  const entry = opts.fromSource
    ? ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'index.ts')]
    : [join(REPO_ROOT, 'bin', 'image-mirror.js')]
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'node'), [...entry, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
  })
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout?.on('data', (c: Buffer) => stdout.push(c))
  child.stderr?.on('data', (c: Buffer) => stderr.push(c))
  if (opts.input !== undefined) child.stdin?.end(opts.input)
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000)
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        code: code ?? (signal === null ? 1 : 128 + signalNumber(signal)),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
  })
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 0
}
