// Memory of long blob transfers. Every socket read allocates a buffer that V8
// frees only when it collects the young generation, which by default grows to
// 16 MB semi-spaces: a long transfer then carries tens of MB of dead buffers
// between collections. Holding the young generation at its initial size
// collects them sooner (bench/copy.ts: a 1 GiB copy peaks at about 114 MB
// instead of 166 MB). Computing a content tag keeps the default: it builds
// many long-lived objects, which a small young generation copies over and over.
import { setFlagsFromString } from 'node:v8'

/**
 * Keeps the young generation from growing. V8 reads this flag whenever it
 * considers growing the new space, so setting it at run time takes effect
 * from the next collection; it changes memory use, never results.
 */
export function holdYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
}
