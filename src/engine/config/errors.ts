import { UserError } from '../../errors.js'
import type { ConfigNode, Pos } from './nodes.js'

/**
 * A problem in `.image-mirror.yml`, always one line:
 * `<file>:<line>:<col>: <path.to.key>: <what is wrong> (got <value>)`.
 */
export class ConfigError extends UserError {
  override name = 'ConfigError'
  readonly file: string
  readonly line: number
  readonly col: number
  readonly path: string

  constructor(file: string, pos: Pos, path: string, problem: string, got?: string) {
    const where = path === '' ? '' : `${path}: `
    super(
      `${file}:${pos.line}:${pos.col}: ${where}${problem}${got === undefined ? '' : ` (${got})`}`
    )
    this.file = file
    this.line = pos.line
    this.col = pos.col
    this.path = path
  }
}

const MAX_SHOWN = 60

/**
 * The `got …` part of a message. Values under keys that hold secrets are
 * never shown; interpolated values say which variable they came from.
 */
export function shown(node: ConfigNode): string {
  const from = node.vars.length === 0 ? '' : ` from ${node.vars.map((v) => `\${${v}}`).join(', ')}`
  if (node.secret) return node.vars.length === 0 ? 'value hidden' : `value${from} hidden`
  if (node.kind === 'map') return node.entries.length === 0 ? 'got {}' : 'got a mapping'
  if (node.kind === 'seq') return node.items.length === 0 ? 'got []' : 'got a list'
  const { value } = node
  if (typeof value !== 'string') return `got ${String(value)}${from}`
  const text = JSON.stringify(value)
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 4)}…"` : text
  return `got ${cut}${from}`
}

/** A ConfigError about a node's value, with its `got` part. */
export function valueError(file: string, node: ConfigNode, problem: string): ConfigError {
  return new ConfigError(file, node.pos, node.path, problem, shown(node))
}
