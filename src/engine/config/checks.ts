import { errorMessage } from '../../errors.js'
import { InvalidReferenceError, parseReference, parseRepository } from '../../oci/reference.js'
import { durationProblem } from '../duration.js'
import { tagPatternsProblem } from '../tag-patterns.js'
import { tagTemplateProblem } from '../tag-template.js'
import type { ConfigNode } from './nodes.js'
import type { Check } from './schema.js'

function text(node: ConfigNode): string | undefined {
  return node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined
}

/** What is wrong, without repeating the input (the message adds it as `got`). */
function reason(error: unknown): string {
  return error instanceof InvalidReferenceError ? error.reason : errorMessage(error)
}

/** True when the last path component carries a tag or the text a digest. */
function hasTagOrDigest(value: string): boolean {
  return value.includes('@') || (value.split('/').at(-1) ?? '').includes(':')
}

/**
 * The semantic checks named by `x-check` in the schema. Each runs after the
 * structural checks passed, so it may rely on the node's type.
 */
export const CHECKS: Record<string, Check> = {
  reference(node) {
    const value = text(node)
    if (value === undefined) return undefined
    try {
      const ref = parseReference(value)
      if (ref.repository === '') return 'is not an image reference'
      return undefined
    } catch (error) {
      return `is not an image reference: ${reason(error)}`
    }
  },
  repository(node) {
    const value = text(node)
    if (value === undefined) return undefined
    if (hasTagOrDigest(value)) return 'must be a repository without tag or digest'
    try {
      parseRepository(value)
      return undefined
    } catch (error) {
      return `is not a repository: ${reason(error)}`
    }
  },
  duration(node) {
    const value = text(node)
    return value === undefined ? undefined : durationProblem(value)
  },
  'tag-template'(node) {
    const value = text(node)
    return value === undefined ? undefined : tagTemplateProblem(value)
  },
  'tag-patterns'(node) {
    if (node.kind === 'seq') {
      const list = node.items.map(text)
      if (list.some((p) => p === undefined)) return undefined
      return tagPatternsProblem(list as string[])
    }
    const value = text(node)
    return value === undefined ? undefined : tagPatternsProblem(value)
  }
}
