// Runs the committed action bundle the way the GitHub runner does
// (test-harness.md §4.3): action.yml defaults applied, INPUT_* variables,
// file-command files, a clean environment, and the result parsed back.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** The repository root: action.yml and the committed dist/ live here. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node')

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** Variables the step exported through GITHUB_ENV. */
  env: Record<string, string>
  state: Record<string, string>
  summary: string
  annotations: Annotation[]
  /** Values registered with `::add-mask::`, in order. */
  masks: string[]
}

export interface RunActionOptions {
  /** Input values by their action.yml names; missing inputs get their defaults. */
  inputs?: Record<string, string>
  /** Extra environment (GITHUB_* context, PATH override, registries' auth). */
  env?: Record<string, string | undefined>
  /** Working directory of the step: the workspace. */
  cwd?: string
  timeoutMs?: number
}

interface ActionYaml {
  inputs?: Record<string, { default?: unknown }>
  runs: { using: string; main: string; post?: string }
}

/** Reads and parses the repository's action.yml. */
export function readActionYaml(): ActionYaml {
  return parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml
}

/** The INPUT_* variable the runner sets for an input: spaces become `_`, uppercased, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Runs the action's main (and post, when declared) and returns what a workflow would see. */
export async function runAction(options: RunActionOptions = {}): Promise<ActionRun> {
  const action = readActionYaml()
  const extra = options.env ?? {}
  const dir = mkdtempSync(join(tmpdir(), 'im-runner-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')

  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    if (spec.default !== undefined) inputs[name] = evaluateDefault(String(spec.default), extra)
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in (action.inputs ?? {})))
      throw new Error(`runner: action.yml declares no input "${name}"`)
    inputs[name] = value
  }

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: mkdtempSync(join(dir, 'temp-')),
    GITHUB_WORKSPACE: options.cwd ?? process.cwd(),
    ...files
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value

  const main = await spawnNode(join(REPO_ROOT, action.runs.main), env, options)
  let { stdout, stderr, exitCode } = main
  const state = parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))
  if (action.runs.post) {
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
    const post = await spawnNode(
      join(REPO_ROOT, action.runs.post),
      { ...env, ...stateEnv },
      options
    )
    stdout += post.stdout
    stderr += post.stderr
    if (exitCode === 0) exitCode = post.exitCode
  }

  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    state,
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: parseAnnotations(stdout),
    masks: parseMasks(stdout)
  }
}

// The runner evaluates expressions in defaults; actions here only use the token.
function evaluateDefault(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.token') return env.GITHUB_TOKEN ?? ''
    throw new Error(`runner: unsupported expression in an input default: \${{ ${expr} }}`)
  })
}

function spawnNode(script: string, env: Record<string, string>, options: RunActionOptions) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string }>(
    (resolvePromise, reject) => {
      const child = spawn(NODE, [script], {
        cwd: options.cwd ?? process.cwd(),
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000)
      child.on('error', reject)
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        resolvePromise({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr })
      })
    }
  )
}

/**
 * Parses key/value file commands (file-command.ts): `name<<DELIMITER` heredoc
 * blocks as @actions/core writes them, and plain `name=value` lines.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string)
      if (i >= lines.length) throw new Error(`runner: unterminated file command for "${name}"`)
      result[name] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return result
}

/** `::error::…`, `::warning file=…::…` and `::notice::…` workflow commands on stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: [^:]*)?::(.*)$/.exec(line)
    if (m)
      annotations.push({
        level: m[1] as Annotation['level'],
        message: unescapeData(m[2] as string)
      })
  }
  return annotations
}

function parseMasks(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => unescapeData(l.slice('::add-mask::'.length)))
}

// command.ts escapeData: % → %25, \r → %0D, \n → %0A
function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
