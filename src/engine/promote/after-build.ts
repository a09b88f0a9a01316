import type { Reference } from '../../oci/types.js'
import type { Config } from '../config/types.js'
import { applyPromotions } from './apply.js'
import { planPromotions, policiesFor } from './plan.js'
import type { PromoteContext, PromotionResult } from './types.js'

/**
 * Applies the promotion policies to an image `build` just pushed or reused
 * (a cache hit). `builtRef` carries the tag and, when known, the digest, so
 * the image promoted is exactly the one built. Costs nothing when no policy
 * watches the image's repository. Refusals and failures are in the results
 * (see hasFailures); a template that cannot give a valid tag throws before
 * anything is written.
 */
export async function promoteAfterBuild(
  config: Config,
  builtRef: Reference,
  ctx: PromoteContext
): Promise<PromotionResult[]> {
  if (policiesFor(config, builtRef).length === 0) return []
  const plans = await planPromotions(config, builtRef, ctx)
  return applyPromotions(plans, ctx)
}
