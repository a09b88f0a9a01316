// The content tag engine: a deterministic image tag computed from everything a
// build reads (docs/content-tag.md). The `tag` command and the build engine use it.
export { computeContentTag, checkTagFormat, DEFAULT_HEX_LENGTH, DEFAULT_PREFIX } from './tag.js'
export { explainJson, explainLines, type ContentTagExplanation } from './explain.js'
export { diffInputs, summarizeInputs } from './summary.js'
export type { ContentTagInputs, ContentTagOptions, ContentTagResult, FileInput } from './types.js'
