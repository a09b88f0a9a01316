import type { ConfigNode, MapNode } from './nodes.js'
import { ConfigError, valueError } from './errors.js'

/**
 * The subset of JSON Schema that schema/image-mirror.schema.json uses and
 * this validator interprets. The validator reads the schema file itself, so
 * the keys, types, enums and patterns editors complete are exactly the ones
 * the loader accepts. A test fails when the schema uses a keyword missing here.
 */
export interface Schema {
  $ref?: string
  type?: JsonType | JsonType[]
  properties?: Record<string, Schema>
  patternProperties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  required?: string[]
  minProperties?: number
  items?: Schema
  minItems?: number
  uniqueItems?: boolean
  enum?: Array<string | number | boolean>
  const?: string | number | boolean
  pattern?: string
  minLength?: number
  /** image-mirror extension: a semantic check run after the structural ones (see checks.ts). */
  'x-check'?: string
  /** image-mirror extension: words for a pattern, used in messages instead of the regex. */
  'x-pattern-hint'?: string
}
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null'

/** Keywords the validator applies; annotations are ignored, anything else is a schema bug. */
export const VALIDATION_KEYWORDS = [
  '$ref',
  'type',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'minProperties',
  'items',
  'minItems',
  'uniqueItems',
  'enum',
  'const',
  'pattern',
  'minLength',
  'x-check',
  'x-pattern-hint'
]
export const ANNOTATION_KEYWORDS = [
  '$schema',
  '$id',
  '$defs',
  '$comment',
  'title',
  'description',
  'markdownDescription',
  'default',
  'examples'
]

/** A semantic check: returns what is wrong with the node's value, or undefined. */
export type Check = (node: ConfigNode) => string | undefined

export interface ValidationContext {
  file: string
  root: Schema & { $defs?: Record<string, Schema> }
  checks: Record<string, Check>
}

const TYPE_WORDS: Record<JsonType, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty'
}

function typeOf(node: ConfigNode): JsonType {
  if (node.kind === 'map') return 'object'
  if (node.kind === 'seq') return 'array'
  const { value } = node
  if (value === null) return 'null'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value as 'string' | 'boolean'
}

function resolve(schema: Schema, ctx: ValidationContext): Schema {
  if (schema.$ref === undefined) return schema
  const name = schema.$ref.replace(/^#\/\$defs\//, '')
  const target = ctx.root.$defs?.[name]
  if (target === undefined) throw new Error(`schema: unresolved $ref ${schema.$ref}`)
  const { $ref: _ref, ...rest } = schema
  return { ...resolve(target, ctx), ...rest }
}

/** Validates a node against a schema, throwing a ConfigError at the first problem in file order. */
export function validateNode(node: ConfigNode, schemaIn: Schema, ctx: ValidationContext): void {
  const schema = resolve(schemaIn, ctx)
  const actual = typeOf(node)
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type]
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'))
    if (!ok) {
      const words = allowed.map((t) => TYPE_WORDS[t]).join(' or ')
      throw valueError(ctx.file, node, `expected ${words}${typeHint(node, allowed)}`)
    }
  }
  if (node.kind === 'scalar') validateScalar(node, schema, ctx)
  if (node.kind === 'seq') {
    if (schema.minItems !== undefined && node.items.length < schema.minItems) {
      throw valueError(
        ctx.file,
        node,
        schema.minItems === 1 ? 'must not be empty' : `needs at least ${schema.minItems} items`
      )
    }
    const seen = new Map<unknown, number>()
    node.items.forEach((item, n) => {
      if (schema.items !== undefined) validateNode(item, schema.items, ctx)
      if (schema.uniqueItems === true && item.kind === 'scalar') {
        const first = seen.get(item.value)
        if (first !== undefined)
          throw valueError(ctx.file, item, `repeats item ${first + 1} of the list`)
        seen.set(item.value, n)
      }
    })
  }
  if (node.kind === 'map') validateMap(node, schema, ctx)
  const check = schema['x-check']
  if (check !== undefined) {
    const run = ctx.checks[check]
    if (run === undefined) throw new Error(`schema: unknown x-check ${check}`)
    const problem = run(node)
    if (problem !== undefined) throw valueError(ctx.file, node, problem)
  }
}

/** A hint for the two classic YAML surprises: unquoted numbers and unquoted `{tag}` templates. */
function typeHint(node: ConfigNode, allowed: JsonType[]): string {
  if (!allowed.includes('string')) return ''
  if (node.kind === 'scalar' && ['number', 'boolean'].includes(typeof node.value))
    return '; put the value in quotes'
  const braces =
    node.kind === 'map' &&
    node.entries.every((e) => e.node.kind === 'scalar' && e.node.value === null)
  return braces ? '; put templates in quotes ("{tag}"), YAML reads {tag} as a mapping' : ''
}

function validateScalar(
  node: ConfigNode & { kind: 'scalar' },
  schema: Schema,
  ctx: ValidationContext
): void {
  const { value } = node
  if (schema.const !== undefined && value !== schema.const) {
    throw valueError(ctx.file, node, `must be ${JSON.stringify(schema.const)}`)
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) {
    throw valueError(ctx.file, node, `must be one of ${schema.enum.join(', ')}`)
  }
  if (typeof value !== 'string') return
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    throw valueError(ctx.file, node, 'must not be empty')
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    const hint = schema['x-pattern-hint']
    throw valueError(
      ctx.file,
      node,
      hint === undefined ? `must match ${schema.pattern}` : `must be ${hint}`
    )
  }
}

function validateMap(node: MapNode, schema: Schema, ctx: ValidationContext): void {
  for (const entry of node.entries) {
    const child = propertySchema(schema, entry.key)
    if (child === undefined) {
      const known = Object.keys(schema.properties ?? {})
      const guess = closest(entry.key, known)
      const hint =
        guess === undefined ? `; known keys: ${known.join(', ')}` : ` (did you mean ${guess}?)`
      throw new ConfigError(ctx.file, entry.keyPos, entry.node.path, `unknown key${hint}`)
    }
    validateNode(entry.node, child, ctx)
  }
  if (schema.minProperties !== undefined && node.entries.length < schema.minProperties) {
    throw valueError(ctx.file, node, 'must not be empty')
  }
  for (const key of schema.required ?? []) {
    if (!node.entries.some((e) => e.key === key)) {
      const path = node.path === '' ? key : `${node.path}.${key}`
      throw new ConfigError(ctx.file, node.pos, path, 'required key is missing')
    }
  }
}

function propertySchema(schema: Schema, key: string): Schema | undefined {
  const named = schema.properties?.[key]
  if (named !== undefined) return named
  for (const [pattern, child] of Object.entries(schema.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(key)) return child
  }
  if (schema.additionalProperties === false) return undefined
  if (typeof schema.additionalProperties === 'object') return schema.additionalProperties
  return {}
}

/** The known key within edit distance 2 of a misspelt one, if exactly one is that close. */
function closest(key: string, known: string[]): string | undefined {
  const near = known.filter((k) => distance(key, k) <= 2)
  return near.length === 1 ? near[0] : undefined
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, n) => n)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      next.push(
        Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost)
      )
    }
    row = next
  }
  return row[b.length] as number
}
