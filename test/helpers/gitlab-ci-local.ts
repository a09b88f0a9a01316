// Runs a pipeline with gitlab-ci-local (a pinned dev dependency; it needs
// Node >= 22, so it runs on the pinned Node 24) on its shell executor.
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './run-cli.js'

const NODE_BIN = join(REPO_ROOT, 'node_modules', '.bin')
const NODE = join(NODE_BIN, 'node')
const GITLAB_CI_LOCAL = join(REPO_ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js')

export interface PipelineRun {
  code: number
  output: string
}

/**
 * Runs the pipeline of the git repository `dir` with `bin` first on PATH (the
 * image-mirror CLI or a recorder), jobs in the host shell, and `variables` as
 * CI/CD variables. Exit code 1 means a job failed.
 */
export function runPipeline(dir: string, bin: string, variables: Record<string, string> = {}): Promise<PipelineRun> {
  const args = [GITLAB_CI_LOCAL, '--force-shell-executor', '--shell-executor-no-image']
  for (const [k, v] of Object.entries(variables)) args.push('--variable', `${k}=${v}`)
  return new Promise((resolve) => {
    execFile(
      NODE,
      args,
      {
        cwd: dir,
        env: {
          ...process.env,
          PATH: `${bin}:${NODE_BIN}:${process.env.PATH}`,
          // An empty home: no docker or containers auth files of the machine running the tests.
          HOME: mkdtempSync(join(tmpdir(), 'im-gitlab-home-')),
          GCL_IGNORE_PREDEFINED_VARS: 'CI_REGISTRY,CI_REGISTRY_USER,CI_REGISTRY_PASSWORD'
        },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 300_000
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr })
    )
  })
}
