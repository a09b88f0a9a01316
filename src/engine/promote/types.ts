import type { Logger } from '../../logger.js'
import type { RegistryClient } from '../../oci/client.js'
import type { Reference } from '../../oci/types.js'

/**
 * What a promotion does at one destination:
 * - copy: the destination tag does not exist yet;
 * - skip-same-digest: it already points at the image;
 * - refuse-moved-tag: it points at another image and the policy does not allow overwriting;
 * - overwrite: it points at another image and the policy says `overwrite: true`;
 * - skip-no-match: the policy's `when:` conditions do not hold for this image.
 */
export type PromotionAction = 'copy' | 'skip-same-digest' | 'refuse-moved-tag' | 'overwrite' | 'skip-no-match'

/** One source → destination pair of one policy, decided before anything is written. */
export interface PromotionPlan {
  /** Name of the promotion policy. */
  policy: string
  /** The image as given: `registry/repository:tag@digest`. */
  source: string
  /** `registry/repository:tag`; for skip-no-match the tag is the unrendered template. */
  destination: string
  /** The image digest, resolved once when planning: what gets promoted. */
  digest: string
  action: PromotionAction
  /** Why: the conditions checked, then what the destination holds. */
  reasons: string[]
  /** What the destination tag points at now, when it exists. */
  existingDigest?: string
  /** Whether the policy takes signatures, SBOMs and attestations along. */
  referrers: boolean
  /** The source pinned to `digest` (the tag moving meanwhile changes nothing). */
  from: Reference
  /** Destination repository and rendered tag (no tag for skip-no-match). */
  to: Reference
}

/** Values and services promotion needs. */
export interface PromoteContext {
  client: RegistryClient
  /** The time `{timestamp}` and `{date:…}` render, fixed once per run. */
  now: Date
  /** Git commit and branch for `{sha}`, `{short_sha}` and `{branch}`. */
  vars: { sha?: string; branch?: string }
  logger?: Logger
}

/** What happened at one destination. */
export type PromotionStatus = 'copied' | 'up-to-date' | 'overwritten' | 'refused' | 'not-matched' | 'failed'

export interface PromotionResult extends PromotionPlan {
  status: PromotionStatus
  /** Digests of referrers written to the destination repository. */
  referrersCopied: string[]
  /** For refused and failed: one line saying what is wrong. */
  message?: string
}
