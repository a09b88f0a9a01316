import { UserError, errorMessage } from '../../errors.js'
import { formatReference } from '../../oci/reference.js'
import type { Reference } from '../../oci/types.js'
import { evaluateWhen, needsLabels, type Decision } from '../conditions.js'
import type { Config, PromotionDestination, PromotionRule } from '../config/types.js'
import { canonicalRegistry } from '../mirror-names.js'
import { renderTagTemplate } from '../tag-template.js'
import { readImageLabels } from './labels.js'
import type { PromoteContext, PromotionPlan } from './types.js'

/** The policies whose `from` is the repository of `ref` (same registry, same path). */
export function policiesFor(config: Config, ref: Reference): PromotionRule[] {
  const registry = canonicalRegistry(ref.registry)
  return config.promotions.filter(
    (p) => canonicalRegistry(p.from.registry) === registry && p.from.repository === ref.repository
  )
}

/**
 * Decides what every policy watching REF's repository would do, without
 * writing anything: the image digest is resolved once (so a tag that moves
 * during the run cannot be promoted), `when:` is checked against the tag and,
 * only when a policy looks at labels, against the image config labels (read
 * once), and each destination tag is rendered and looked up. A template that
 * cannot give a valid tag throws before any destination is touched.
 */
export async function planPromotions(
  config: Config,
  ref: Reference,
  ctx: PromoteContext
): Promise<PromotionPlan[]> {
  const policies = policiesFor(config, ref)
  if (policies.length === 0) return []
  const tag = ref.tag
  if (tag === undefined) {
    throw new UserError(
      `${formatReference(ref)}: give the image's tag (conditions and tag templates use it), e.g. repo:tag@digest`
    )
  }
  const head = await ctx.client.headManifest(ref)
  if (head === undefined) throw new UserError(`${formatReference(ref)}: image not found`)
  const from: Reference = { registry: ref.registry, repository: ref.repository, tag, digest: head.digest }
  const source = formatReference(from)
  let labels: Promise<Record<string, string>> | undefined
  const labelsOnce = () => (labels ??= readImageLabels(ctx.client, from))

  // First decide and render everything, so template errors stop the run before any lookup.
  const decided = []
  for (const policy of policies) {
    const decision = await decide(policy, tag, labelsOnce)
    const tags = policy.to.map((dest) =>
      decision.matched ? render(policy, dest, tag, head.digest, ctx) : undefined
    )
    decided.push({ policy, decision, tags })
  }

  const plans: PromotionPlan[] = []
  for (const { policy, decision, tags } of decided) {
    for (const [n, dest] of policy.to.entries()) {
      const base = { policy: policy.name, source, digest: head.digest, referrers: policy.referrers, from }
      const to: Reference = { registry: dest.repository.registry, repository: dest.repository.repository }
      const renderedTag = tags[n]
      if (renderedTag === undefined) {
        const destination = `${to.registry}/${to.repository}:${dest.tag}`
        plans.push({ ...base, destination, to, action: 'skip-no-match', reasons: decision.reasons })
        continue
      }
      to.tag = renderedTag
      const found = await destinationAction(ctx, policy, to, head.digest)
      const reasons = [...decision.reasons, describeDestination(policy, found)]
      plans.push({ ...base, destination: formatReference(to), to, ...found, reasons })
    }
  }
  return plans
}

async function decide(
  policy: PromotionRule,
  tag: string,
  labels: () => Promise<Record<string, string>>
): Promise<Decision> {
  if (policy.when === undefined) return { matched: true, reasons: ['no conditions: every tag is promoted'] }
  const image = needsLabels(policy.when) ? { tag, labels: await labels() } : { tag }
  return evaluateWhen(policy.when, image)
}

function render(
  policy: PromotionRule,
  dest: PromotionDestination,
  tag: string,
  digest: string,
  ctx: PromoteContext
): string {
  const { sha, branch } = ctx.vars
  try {
    return renderTagTemplate(dest.tag, { tag, digest, sha, branch, now: ctx.now })
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    const where = `${dest.repository.registry}/${dest.repository.repository}`
    throw new UserError(`promotion "${policy.name}" → ${where}: ${errorMessage(error)}; nothing was promoted`)
  }
}

async function destinationAction(
  ctx: PromoteContext,
  policy: PromotionRule,
  to: Reference,
  digest: string
): Promise<Pick<PromotionPlan, 'action' | 'existingDigest'>> {
  const existing = await ctx.client.headManifest(to)
  if (existing === undefined) return { action: 'copy' }
  if (existing.digest === digest) return { action: 'skip-same-digest', existingDigest: existing.digest }
  return { action: policy.overwrite ? 'overwrite' : 'refuse-moved-tag', existingDigest: existing.digest }
}

function describeDestination(
  policy: PromotionRule,
  found: Pick<PromotionPlan, 'action' | 'existingDigest'>
): string {
  switch (found.action) {
    case 'copy':
      return 'destination tag does not exist yet'
    case 'skip-same-digest':
      return 'destination tag already points at this image'
    case 'overwrite':
      return `destination tag points at ${found.existingDigest}; overwrite: true moves it`
    default:
      return (
        `destination tag points at ${found.existingDigest}; ` +
        `promotion "${policy.name}" does not set overwrite: true`
      )
  }
}
