import { UserError, errorMessage } from '../../errors.js'
import { nullLogger, type Logger } from '../../logger.js'
import type { RegistryClient } from '../../oci/client.js'
import { copyImage } from '../../oci/copy.js'
import { copyReferrers } from '../../oci/referrers-copy.js'
import type { PromotionPlan, PromotionResult } from './types.js'

export interface ApplyContext {
  client: RegistryClient
  logger?: Logger
}

/**
 * Carries out promotion plans in order. Every copy is by digest: the source
 * is the digest resolved when planning, never its tag again. A destination
 * whose tag points at another image is refused unless its policy allows
 * overwriting, and that refusal does not stop the other destinations: each
 * one is an environment of its own, and holding back the rest would only
 * spread the problem. The same goes for a destination that fails (an
 * unreachable registry, refused credentials). Refusals and failures are not
 * logged here: their results carry a one-line `message` the caller reports,
 * and the caller exits non-zero (see hasFailures).
 */
export async function applyPromotions(plans: PromotionPlan[], ctx: ApplyContext): Promise<PromotionResult[]> {
  const results: PromotionResult[] = []
  for (const plan of plans) results.push(await applyOne(plan, ctx.client, ctx.logger ?? nullLogger))
  return results
}

/** True when a destination was refused or failed: the run did not do everything its policies ask. */
export function hasFailures(results: PromotionResult[]): boolean {
  return results.some((r) => r.status === 'refused' || r.status === 'failed')
}

async function applyOne(
  plan: PromotionPlan,
  client: RegistryClient,
  logger: Logger
): Promise<PromotionResult> {
  const result: PromotionResult = { ...plan, status: 'not-matched', referrersCopied: [] }
  if (plan.action === 'skip-no-match') return result
  if (plan.action === 'refuse-moved-tag') return refuse(result, plan.existingDigest as string)
  try {
    if (plan.action === 'skip-same-digest') {
      result.status = 'up-to-date'
    } else {
      // Look again right before writing: another run may have taken the tag since planning.
      const now = await client.headManifest(plan.to)
      if (now !== undefined && now.digest !== plan.digest && plan.action !== 'overwrite') {
        return refuse(result, now.digest)
      }
      const copy = await copyImage(client, plan.from, plan.to, { logger })
      if (copy.status === 'skipped') result.status = 'up-to-date'
      else result.status = plan.action === 'overwrite' ? 'overwritten' : 'copied'
    }
    if (plan.referrers) {
      // Also when the image was already there: signatures and SBOMs are often added after the push.
      const refs = await copyReferrers(client, plan.from, plan.to, plan.digest, { logger })
      result.referrersCopied = refs.copied
    }
    return result
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    result.status = 'failed'
    result.message = `promotion "${plan.policy}" → ${plan.destination}: ${errorMessage(error)}`
    return result
  }
}

function refuse(result: PromotionResult, existing: string): PromotionResult {
  result.status = 'refused'
  result.existingDigest = existing
  result.message =
    `promotion "${result.policy}": ${result.destination} points at ${existing}, not ${result.digest}; ` +
    'left as it is (set overwrite: true on the policy to move it)'
  return result
}
