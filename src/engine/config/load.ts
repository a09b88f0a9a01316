import { readFile } from 'node:fs/promises'
import { LineCounter, parseDocument } from 'yaml'
import { UserError } from '../../errors.js'
import schemaJson from '../../../schema/image-mirror.schema.json' with { type: 'json' }
import { CHECKS } from './checks.js'
import { ConfigError } from './errors.js'
import { buildNodes, type MapNode } from './nodes.js'
import { validateNode, type Schema, type ValidationContext } from './schema.js'
import type { Config } from './types.js'
import { toConfig } from './validate.js'

/** The JSON Schema of the file, the single source of the keys the loader accepts. */
export const CONFIG_SCHEMA = schemaJson as unknown as ValidationContext['root']

// The library's words where they speak of its API rather than of the file.
const SYNTAX_WORDS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  MULTIPLE_DOCS: 'the file holds more than one YAML document (---); keep one'
}

/** The file name image-mirror looks for when none is given. */
export const DEFAULT_CONFIG_FILE = '.image-mirror.yml'

/**
 * Parses and validates the text of an `.image-mirror.yml`. `file` is used in
 * messages and to resolve relative paths; `env` feeds `${VAR}` interpolation.
 * Throws a ConfigError (`file:line:col: path: problem (got value)`) at the
 * first problem, never showing values of secret keys.
 */
export function parseConfig(text: string, file: string, env: NodeJS.ProcessEnv): Config {
  const lines = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: lines,
    merge: true,
    prettyErrors: false,
    uniqueKeys: true
  })
  const syntax = doc.errors[0]
  if (syntax !== undefined) {
    const { line, col } = lines.linePos(syntax.pos[0])
    const first = syntax.message.split('\n')[0] as string
    const what = SYNTAX_WORDS[syntax.code] ?? first
    throw new ConfigError(file, { line, col }, '', `YAML: ${what}`)
  }
  const root = buildNodes(doc, lines, file, env)
  if (root.kind === 'scalar' && root.value === null) {
    throw new ConfigError(file, root.pos, '', 'the file is empty; it needs at least "version: 1"')
  }
  const ctx: ValidationContext = { file, root: CONFIG_SCHEMA, checks: CHECKS }
  validateNode(root, CONFIG_SCHEMA as Schema, ctx)
  return toConfig(root as MapNode, file)
}

/** Reads and parses a config file; a missing or unreadable file is a UserError naming it. */
export async function loadConfig(path: string, env: NodeJS.ProcessEnv): Promise<Config> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code)
    throw new UserError(`config file ${path}: cannot read it (${why})`, { cause: error })
  }
  return parseConfig(text, path, env)
}
