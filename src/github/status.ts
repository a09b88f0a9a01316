import type { BuildResult } from '../engine/build/types.js'
import { UserError, errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { ownerAndRepo, type RunContext } from './context.js'
import { USER_AGENT } from '../version.js'

/** GitHub rejects longer commit status descriptions with 422 (registry-protocol.md §8.1). */
export const MAX_DESCRIPTION = 140
const API_VERSION = '2022-11-28'
const TIMEOUT_MS = 30_000

export interface StatusReport {
  kind: 'status' | 'check'
  /** The repository input: names the status context, so that several images get one status each. */
  image: string
  result: BuildResult
  token: string
}

/**
 * Puts the build result on the commit as a commit status or a check run: the
 * line users see on pull requests ("reused <tag>" / "built <tag>").
 * A 403 (read-only token on fork pull requests, missing permission) is a
 * warning: the job summary still has the result (R-GHA-3).
 */
export async function reportStatus(
  report: StatusReport,
  ctx: RunContext,
  logger: Logger
): Promise<void> {
  const { owner, repo } = ownerAndRepo(ctx)
  if (!ctx.sha) throw new UserError('status-check needs GITHUB_SHA: the commit to report on')
  const name = `image-mirror/${report.image}`
  const title = truncate(
    `${report.result.cacheHit ? 'reused' : 'built'} ${report.result.tag}`,
    MAX_DESCRIPTION
  )
  const base = `${ctx.apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`
  const request =
    report.kind === 'status'
      ? {
          url: `${base}/statuses/${ctx.sha}`,
          body: {
            state: 'success',
            context: name,
            description: title,
            ...(ctx.runUrl ? { target_url: ctx.runUrl } : {})
          },
          permission: 'statuses: write'
        }
      : {
          url: `${base}/check-runs`,
          body: {
            name,
            head_sha: ctx.sha,
            status: 'completed',
            conclusion: 'success',
            ...(ctx.runUrl ? { details_url: ctx.runUrl } : {}),
            output: { title, summary: checkSummary(report.result) }
          },
          permission: 'checks: write'
        }

  const what = report.kind === 'status' ? 'commit status' : 'check run'
  let response: Response
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${report.token}`,
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'x-github-api-version': API_VERSION
      },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(TIMEOUT_MS)
    })
  } catch (error) {
    throw new UserError(
      `status-check: cannot reach ${ctx.apiUrl} to create the ${what}: ${errorMessage(error)}`
    )
  }
  if (response.ok) {
    logger.info(`${what} ${name}: ${title} on ${ctx.sha}`)
    return
  }
  const detail = await apiMessage(response)
  if (response.status === 403) {
    logger.warning(
      `status-check: GitHub refused the ${what} (403 ${detail}); the token is read-only on pull requests from forks, ` +
        `or the workflow lacks "permissions: ${request.permission}". The job summary has the result.`
    )
    return
  }
  throw new UserError(`status-check: creating the ${what} failed: ${response.status} ${detail}`)
}

function checkSummary(result: BuildResult): string {
  const outcome = result.cacheHit
    ? 'The registry already had this image: nothing was built.'
    : 'The image was built and pushed.'
  return [outcome, '', `- image: \`${result.image}\``, `- digest: \`${result.digest}\``].join('\n')
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max - 1) + '…'
}

/** GitHub's error message (`{"message": …}`), one line, without echoing anything we sent. */
async function apiMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      message?: unknown
      errors?: Array<{ message?: unknown }>
    }
    const parts = [body.message, ...(body.errors ?? []).map((e) => e.message)].filter(
      (m) => typeof m === 'string'
    )
    return parts.join(': ').replace(/\s+/g, ' ').slice(0, 300) || response.statusText
  } catch {
    return response.statusText
  }
}
