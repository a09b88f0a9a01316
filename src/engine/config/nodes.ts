import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'
import { ConfigError } from './errors.js'
import { interpolate, InterpolationError } from './interpolate.js'

/** 1-based line and column in the config file. */
export interface Pos {
  line: number
  col: number
}

interface NodeBase {
  pos: Pos
  /** Where the node is, as users write it in messages: `promotions[0].to[1].tag`. */
  path: string
  /** Under a key that holds a secret (password, token, secret, webhook): never shown. */
  secret: boolean
  /** Environment variables the value was interpolated from. */
  vars: string[]
}
export interface ScalarNode extends NodeBase {
  kind: 'scalar'
  value: string | number | boolean | null
}
export interface MapEntry {
  key: string
  keyPos: Pos
  node: ConfigNode
}
export interface MapNode extends NodeBase {
  kind: 'map'
  entries: MapEntry[]
}
export interface SeqNode extends NodeBase {
  kind: 'seq'
  items: ConfigNode[]
}
/** A YAML node after aliases, merge keys and `${VAR}` interpolation, with its position. */
export type ConfigNode = ScalarNode | MapNode | SeqNode

const SECRET_KEY = /password|token|secret|webhook/i
// A config has hundreds of values; this bounds alias expansion ("billion laughs").
const MAX_NODES = 10_000

/** Path of a child: `a.b`, `a[0]`, or `a["org.opencontainers.image.licenses"]` for dotted keys. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return `${parent}[${JSON.stringify(key)}]`
  return parent === '' ? key : `${parent}.${key}`
}

interface Context {
  doc: Document
  lines: LineCounter
  file: string
  env: NodeJS.ProcessEnv
  count: number
}

/**
 * Converts the parsed YAML document into ConfigNodes: resolves aliases and
 * `<<` merge keys (explicit keys win, then earlier merge sources), and
 * interpolates `${VAR}` in string scalars except under `x-` keys, which are
 * free for YAML anchors and are neither interpolated nor validated.
 */
export function buildNodes(
  doc: Document,
  lines: LineCounter,
  file: string,
  env: NodeJS.ProcessEnv
): ConfigNode {
  const ctx: Context = { doc, lines, file, env, count: 0 }
  const root = doc.contents
  if (root === null)
    return {
      kind: 'scalar',
      value: null,
      pos: { line: 1, col: 1 },
      path: '',
      secret: false,
      vars: []
    }
  return build(ctx, root as Node, '', false, false)
}

function position(ctx: Context, node: { range?: [number, number, number] | null }): Pos {
  const { line, col } = ctx.lines.linePos(node.range?.[0] ?? 0)
  return { line, col }
}

function build(ctx: Context, node: Node, path: string, secret: boolean, raw: boolean): ConfigNode {
  if (++ctx.count > MAX_NODES) {
    throw new ConfigError(
      ctx.file,
      position(ctx, node),
      path,
      `more than ${MAX_NODES} values after expanding aliases`
    )
  }
  const pos = position(ctx, node)
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc)
    if (target === undefined)
      throw new ConfigError(ctx.file, pos, path, `unknown alias *${node.source}`)
    return { ...build(ctx, target as Node, path, secret, raw), pos }
  }
  if (isScalar(node)) {
    const value = node.value
    if (typeof value === 'string' && !raw) {
      try {
        const result = interpolate(value, ctx.env)
        return { kind: 'scalar', value: result.value, pos, path, secret, vars: result.vars }
      } catch (error) {
        if (error instanceof InterpolationError)
          throw new ConfigError(ctx.file, pos, path, error.message)
        throw error
      }
    }
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      return { kind: 'scalar', value: value as ScalarNode['value'], pos, path, secret, vars: [] }
    }
    throw new ConfigError(ctx.file, pos, path, `unsupported YAML value of type ${typeof value}`)
  }
  if (isSeq(node)) {
    const items = node.items.map((item, n) =>
      build(ctx, item as Node, childPath(path, n), secret, raw)
    )
    return { kind: 'seq', items, pos, path, secret, vars: [] }
  }
  if (isMap(node)) return buildMap(ctx, node, pos, path, secret, raw)
  throw new ConfigError(ctx.file, pos, path, 'unsupported YAML node')
}

function buildMap(
  ctx: Context,
  node: Node & { items: Array<{ key: unknown; value: unknown }> },
  pos: Pos,
  path: string,
  secret: boolean,
  raw: boolean
): MapNode {
  const entries: MapEntry[] = []
  const merges: MapEntry[][] = []
  for (const pair of node.items) {
    const key = pair.key as Node | null
    if (isScalar(key) && typeof key.value === 'symbol') {
      merges.push(mergeSources(ctx, pair.value as Node, path, secret, raw))
      continue
    }
    const keyPos = key === null ? pos : position(ctx, key)
    if (!isScalar(key) || typeof key.value !== 'string') {
      throw new ConfigError(ctx.file, keyPos, path, 'keys must be plain strings')
    }
    const name = key.value
    const childRaw = raw || name.startsWith('x-')
    const childSecret = secret || SECRET_KEY.test(name)
    const childAt = childPath(path, name)
    const child: ConfigNode =
      pair.value === null
        ? { kind: 'scalar', value: null, pos: keyPos, path: childAt, secret: childSecret, vars: [] }
        : build(ctx, pair.value as Node, childAt, childSecret, childRaw)
    entries.push({ key: name, keyPos, node: child })
  }
  for (const source of merges) {
    for (const entry of source) {
      if (!entries.some((e) => e.key === entry.key)) entries.push(entry)
    }
  }
  return { kind: 'map', entries, pos, path, secret, vars: [] }
}

/** The entries a `<<` merge key brings in (one mapping or a list of them), built at this path. */
function mergeSources(
  ctx: Context,
  value: Node,
  path: string,
  secret: boolean,
  raw: boolean
): MapEntry[] {
  const sources = isSeq(value) ? (value.items as Node[]) : [value]
  const merged: MapEntry[] = []
  for (const source of sources) {
    const built = build(ctx, source, path, secret, raw)
    if (built.kind !== 'map') {
      throw new ConfigError(
        ctx.file,
        built.pos,
        path,
        'a << merge key needs a mapping or a list of mappings'
      )
    }
    for (const entry of built.entries) {
      if (!merged.some((e) => e.key === entry.key)) merged.push(entry)
    }
  }
  return merged
}
