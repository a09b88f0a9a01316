// Runs `image-mirror build` the way the builder tests need it: a spy for the
// builder first on PATH, the builder's storage in the test's temp dir, and a
// request trace read back after the run.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { REPO_ROOT, runCli, type CliResult } from './run-cli.js'

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'apps')

/** One HTTP request of the CLI (IMAGE_MIRROR_TRACE). */
export interface Trace {
  method: string
  url: string
  status: number
}

export interface BuildRun extends CliResult {
  /** stdout parsed, when the run asked for --json and succeeded. */
  json: any
  trace: Trace[]
}

export interface BuildSetup {
  builder: string
  /** The directory holding the spy named after the builder (command-spy.ts). */
  spyBin: string
  /** The test file's temp dir: builder storage and traces go below it. */
  work: string
}

/** Runs `image-mirror build --builder <builder> <args>` with the spy and a request trace. */
export async function runBuild(setup: BuildSetup, args: string[], env: Record<string, string> = {}): Promise<BuildRun> {
  const trace = join(setup.work, `trace-${Math.random().toString(36).slice(2)}.jsonl`)
  const run = await runCli(['build', '--builder', setup.builder, ...args], {
    env: {
      PATH: `${setup.spyBin}${delimiter}${process.env.PATH}`,
      IMAGE_MIRROR_BUILDAH_ROOT: join(setup.work, setup.builder),
      STORAGE_DRIVER: 'vfs',
      IMAGE_MIRROR_TRACE: trace,
      ...env
    }
  })
  const requests = existsSync(trace)
    ? readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Trace)
    : []
  const json = args.includes('--json') && run.code === 0 ? JSON.parse(run.stdout) : undefined
  return { ...run, json, trace: requests }
}

/** A fresh copy of a fixture app under `work`: tests edit files. */
export function copyApp(work: string, name: string): string {
  const dir = mkdtempSync(join(work, `${name}-`))
  cpSync(join(FIXTURES, name), dir, { recursive: true })
  return dir
}
