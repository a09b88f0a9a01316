import { UserError } from '../../errors.js'
import type { BuildSecret } from './builder.js'

/** Parses repeated `KEY=VALUE` options (build args, labels, extra values); the error names the option. */
export function parseKeyValues(option: string, values: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const value of values ?? []) {
    const eq = value.indexOf('=')
    if (eq <= 0) throw new UserError(`${option} "${value}" is not KEY=VALUE`)
    out[value.slice(0, eq)] = value.slice(eq + 1)
  }
  return out
}

/**
 * Parses a build secret as docker and buildah write it: `id=X,src=FILE` or
 * `id=X,env=VAR` (`source=`, `type=file|env` accepted). Only names and paths
 * are parsed; the secret's value is read by the builder.
 */
export function parseSecret(value: string): BuildSecret {
  const fields: Record<string, string> = {}
  for (const part of value.split(',')) {
    const eq = part.indexOf('=')
    if (eq <= 0) throw new UserError(`--secret "${value}" is not id=ID,src=FILE or id=ID,env=VARIABLE`)
    fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  const { id, type } = fields
  const src = fields.src ?? fields.source
  const env = fields.env
  if (!id) throw new UserError(`--secret "${value}" has no id=`)
  if (type !== undefined && type !== 'file' && type !== 'env') throw new UserError(`--secret ${id}: type must be file or env`)
  // type=env,src=VAR is docker's long form of env=VAR.
  if (type === 'env' && src !== undefined && env === undefined) return { id, env: src }
  if ((src === undefined) === (env === undefined)) throw new UserError(`--secret ${id}: give exactly one of src=FILE or env=VARIABLE`)
  return src !== undefined ? { id, src } : { id, env }
}
