import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../engine/config/load.js'
import type { Config } from '../../engine/config/types.js'
import { applyPromotions, hasFailures, planPromotions, policiesFor } from '../../engine/promote/index.js'
import type { PromotionAction, PromotionPlan, PromotionResult } from '../../engine/promote/index.js'
import { parseReference } from '../../oci/reference.js'
import type { Command, CommandContext } from '../command.js'
import { configRegistryClient } from '../config-client.js'

export const command: Command = {
  usage: 'promote REF [--config FILE] [--dry-run] [--sha SHA] [--branch BRANCH] [--json]',
  description: [
    'Applies every promotion policy whose `from` is the repository of REF (registry/repository:tag,',
    'optionally @digest to pin the image). Each destination gets the image by digest under the',
    "policy's tag template, with its signatures, SBOMs and attestations unless `referrers: false`.",
    '',
    'A destination tag that points at another image is left alone unless the policy sets',
    '`overwrite: true`: the other destinations still proceed, and the command exits 1 at the end.',
    '--dry-run prints what would go where and why, and writes nothing (exit 1 when a real run',
    'would refuse a destination).',
    '',
    '{sha} and {branch} come from --sha/--branch, else GITHUB_SHA / CI_COMMIT_SHA and',
    'GITHUB_HEAD_REF / GITHUB_REF_NAME / CI_COMMIT_REF_NAME, else git in the working directory.'
  ].join('\n'),
  options: {
    config: { type: 'string', short: 'c' },
    'dry-run': { type: 'boolean' },
    sha: { type: 'string' },
    branch: { type: 'string' }
  },
  positionals: [1, 1],
  async run(ctx, values, [input]) {
    const ref = parseReference(input!)
    const file = (values.config as string | undefined) ?? DEFAULT_CONFIG_FILE
    const config = await loadConfig(resolve(ctx.cwd, file), ctx.env)
    if (policiesFor(config, ref).length === 0) {
      ctx.logger.info(`no promotion policy in ${config.file} watches ${ref.registry}/${ref.repository}`)
      if (ctx.global.json) ctx.out('[]')
      return 0
    }
    const client = configRegistryClient(ctx, config)
    const vars = await gitVars(ctx, config, values)
    const plans = await planPromotions(config, ref, { client, now: new Date(), vars, logger: ctx.logger })
    if (values['dry-run'] === true) {
      if (ctx.global.json) ctx.out(JSON.stringify(plans.map(toJson)))
      else for (const plan of plans) printPlan(ctx, plan)
      return plans.some((p) => p.action === 'refuse-moved-tag') ? 1 : 0
    }
    const results = await applyPromotions(plans, { client, logger: ctx.logger })
    if (ctx.global.json) ctx.out(JSON.stringify(results.map(toJson)))
    return reportResults(ctx, results)
  }
}

/** Prints promotion results (unless --json printed them) and their one-line problems; returns the exit code. */
export function reportResults(ctx: CommandContext, results: PromotionResult[]): number {
  if (!ctx.global.json) for (const result of results) printResult(ctx, result)
  for (const r of results) {
    if (r.message !== undefined) process.stderr.write(`image-mirror promote: ${r.message}\n`)
  }
  return hasFailures(results) ? 1 : 0
}

const PLANNED: Record<PromotionAction, string> = {
  copy: 'would copy',
  'skip-same-digest': 'up to date',
  'refuse-moved-tag': 'would refuse: the tag points at another image',
  overwrite: 'would overwrite',
  'skip-no-match': 'not promoted: conditions not met'
}

function printPlan(ctx: CommandContext, plan: PromotionPlan): void {
  ctx.out(`${plan.policy}: ${plan.source} → ${plan.destination}: ${PLANNED[plan.action]}`)
  for (const reason of plan.reasons) ctx.out(`  ${reason}`)
}

function printResult(ctx: CommandContext, r: PromotionResult): void {
  const referrers = r.referrersCopied.length === 0 ? '' : ` (+${r.referrersCopied.length} referrer(s))`
  ctx.out(`${r.policy}: ${r.source} → ${r.destination}: ${r.status}${referrers}`)
  if (r.status === 'not-matched') for (const reason of r.reasons) ctx.out(`  ${reason}`)
}

/** The plan or result as printed by --json: everything but the parsed references. */
function toJson(p: PromotionPlan | PromotionResult): Record<string, unknown> {
  const { from: _from, to: _to, ...rest } = p
  return rest
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
