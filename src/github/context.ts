import { readFileSync } from 'node:fs'
import { UserError } from '../errors.js'

/** What the runner tells a step about its workflow run (default environment variables). */
export interface RunContext {
  /** R-GHA-4: never hard-code api.github.com; GHES and data residency use other hosts. */
  apiUrl: string
  serverUrl: string
  /** `owner/repo` */
  repository?: string
  /** The commit users look at: the pull request head on pull_request events, else GITHUB_SHA. */
  sha?: string
  actor?: string
  /** Link to this workflow run, for status target URLs. */
  runUrl?: string
}

/** Reads the run context from the runner's environment variables and event payload. */
export function runContext(env: NodeJS.ProcessEnv): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const repository = env.GITHUB_REPOSITORY || undefined
  const runUrl =
    repository && env.GITHUB_RUN_ID
      ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  return {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    repository,
    sha: pullRequestHead(env.GITHUB_EVENT_PATH) ?? (env.GITHUB_SHA || undefined),
    actor: env.GITHUB_ACTOR || undefined,
    runUrl
  }
}

// On pull_request events GITHUB_SHA is the test merge commit, which the pull
// request page does not show; statuses belong on the head commit.
function pullRequestHead(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined
  let event: unknown
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8'))
  } catch {
    return undefined
  }
  const sha = (event as { pull_request?: { head?: { sha?: unknown } } })?.pull_request?.head?.sha
  return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined
}

/** The owner and name of the repository, or a one-line error saying what is missing. */
export function ownerAndRepo(ctx: RunContext): { owner: string; repo: string } {
  const [owner, repo, ...rest] = (ctx.repository ?? '').split('/')
  if (!owner || !repo || rest.length > 0) {
    throw new UserError(
      `status-check needs GITHUB_REPOSITORY as owner/repo (got "${ctx.repository ?? ''}")`
    )
  }
  return { owner, repo }
}
