// Promotion output and template variables, shared by `promote` and `build --config`.
import { execFile } from 'node:child_process'
import type { Config } from '../engine/config/types.js'
import { hasFailures, type PromotionPlan, type PromotionResult } from '../engine/promote/index.js'
import type { CommandContext } from './command.js'

/** Prints promotion results (unless --json printed them) and their one-line problems; returns the exit code. */
export function reportResults(ctx: CommandContext, results: PromotionResult[]): number {
  if (!ctx.global.json) for (const result of results) printResult(ctx, result)
  for (const r of results) {
    if (r.message !== undefined) process.stderr.write(`image-mirror promote: ${r.message}\n`)
  }
  return hasFailures(results) ? 1 : 0
}

function printResult(ctx: CommandContext, r: PromotionResult): void {
  const referrers = r.referrersCopied.length === 0 ? '' : ` (+${r.referrersCopied.length} referrer(s))`
  ctx.out(`${r.policy}: ${r.source} → ${r.destination}: ${r.status}${referrers}`)
  if (r.status === 'not-matched') for (const reason of r.reasons) ctx.out(`  ${reason}`)
}

/** Commit and branch for the tag templates, looked up only when a policy uses them. */
export async function gitVars(ctx: CommandContext, config: Config, values: Record<string, unknown>) {
  const used = new Set(config.promotions.flatMap((p) => p.to.flatMap((d) => d.placeholders)))
  const env = ctx.env
  const sha =
    (values.sha as string | undefined) ??
    (used.has('sha') || used.has('short_sha')
      ? nonEmpty(env.GITHUB_SHA) ??
        nonEmpty(env.CI_COMMIT_SHA) ??
        (await git(ctx.cwd, ['rev-parse', 'HEAD']))
      : undefined)
  const branch =
    (values.branch as string | undefined) ??
    (used.has('branch')
      ? nonEmpty(env.GITHUB_HEAD_REF) ??
        nonEmpty(env.GITHUB_REF_NAME) ??
        nonEmpty(env.CI_COMMIT_REF_NAME) ??
        (await git(ctx.cwd, ['symbolic-ref', '--short', '-q', 'HEAD']))
      : undefined)
  return { ...(sha === undefined ? {} : { sha }), ...(branch === undefined ? {} : { branch }) }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}

/** One line of git output, or undefined outside a repository; the template then says what is missing. */
function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('git', args, { cwd, timeout: 10_000 }, (error, stdout) => {
      done(error === null ? nonEmpty(stdout.trim()) : undefined)
    })
  })
}

/** The plan or result as printed by --json: everything but the parsed references. */
export function toJson(p: PromotionPlan | PromotionResult): Record<string, unknown> {
  const { from: _from, to: _to, ...rest } = p
  return rest
}
