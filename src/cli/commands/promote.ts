import { resolve } from 'node:path'
import { loadConfig, DEFAULT_CONFIG_FILE } from '../../engine/config/load.js'
import { applyPromotions, planPromotions, policiesFor } from '../../engine/promote/index.js'
import type { PromotionAction, PromotionPlan } from '../../engine/promote/index.js'
import { gitVars, reportResults, toJson } from '../promotions.js'
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
