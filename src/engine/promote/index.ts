// Promotion policies: copy an image by digest to other repositories when its
// tag and labels meet a policy's conditions (docs/promote-and-mirror.md).
export { promoteAfterBuild } from './after-build.js'
export { applyPromotions, hasFailures, type ApplyContext } from './apply.js'
export { readImageLabels } from './labels.js'
export { planPromotions, policiesFor } from './plan.js'
export type { PromoteContext, PromotionAction, PromotionPlan, PromotionResult, PromotionStatus } from './types.js'
