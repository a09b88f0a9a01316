// Third-party mirroring: copy the images services use into the mirror
// registry, digest-aware (docs/promote-and-mirror.md).
export { mirrorImages, type MirrorContext, type MirrorResult, type MirrorStatus } from './mirror.js'
export { MOVING_TAGS, mutableTagWarning } from './mutable-tags.js'
export { dotenvNames, mirrorDotenv, mirrorMap, type MirrorMapEntry } from './output.js'
