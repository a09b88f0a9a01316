import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UserError, errorMessage } from '../../errors.js'
import { parsePlatform } from '../../oci/platform.js'
import type { BuildSecret } from './builder.js'
import type { BuildOptions } from './types.js'

/** The options `resolveInputs` checks: those of a build, or of the `tag` command. */
export type InputOptions = Pick<BuildOptions, 'context' | 'dockerfile' | 'buildArgs' | 'platforms' | 'secrets' | 'tags'>

/** Build inputs checked before anything touches the registry: every error here is one line. */
export interface ResolvedInputs {
  context: string
  dockerfile: string
  buildArgs: Record<string, string>
  platforms: string[]
  secrets: BuildSecret[]
  tags: string[]
}

// distribution/reference: a tag is [\w][\w.-]{0,127}.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
// An ARG name is anything up to the `=` without whitespace (BuildKit's parser).
const ARG_NAME = /^[^\s=]+$/
const SECRET_ID = /^[A-Za-z0-9_.-]+$/

/**
 * Resolves paths (relative ones against `cwd`, as `docker build -f` does)
 * and validates everything a user can get wrong, so that a typo fails in
 * milliseconds with a message naming it instead of deep inside the builder.
 */
export function resolveInputs(opts: InputOptions, env: NodeJS.ProcessEnv, cwd = process.cwd()): ResolvedInputs {
  const context = resolve(cwd, opts.context)
  checkContext(opts.context, context)
  const dockerfile = opts.dockerfile ? resolve(cwd, opts.dockerfile) : defaultDockerfile(context)
  checkDockerfile(opts.dockerfile ?? join(opts.context, 'Dockerfile'), dockerfile)
  for (const name of Object.keys(opts.buildArgs ?? {})) {
    if (!ARG_NAME.test(name)) throw new UserError(`invalid build arg name "${name}"`)
  }
  const platforms = (opts.platforms ?? []).map((p) => p.trim()).filter((p) => p !== '')
  for (const platform of platforms) parsePlatform(platform)
  const secrets = (opts.secrets ?? []).map((s) => checkSecret(s, env, cwd))
  const tags = [...new Set(opts.tags ?? [])]
  for (const tag of tags) {
    if (!TAG.test(tag)) throw new UserError(`invalid tag "${tag}": expected letters, digits, _ . - (at most 128, not starting with . or -)`)
  }
  return { context, dockerfile, buildArgs: { ...opts.buildArgs }, platforms, secrets, tags }
}

/** `<context>/Dockerfile`, or `<context>/dockerfile` when only that exists (as BuildKit does). */
function defaultDockerfile(context: string): string {
  const upper = join(context, 'Dockerfile')
  const lower = join(context, 'dockerfile')
  return !existsSync(upper) && existsSync(lower) ? lower : upper
}

function checkContext(given: string, path: string): void {
  try {
    if (!statSync(path).isDirectory()) throw new UserError(`build context ${given} is not a directory`)
    accessSync(path, constants.R_OK | constants.X_OK)
    readdirSync(path)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`cannot read build context ${given}: ${reason(error)}`)
  }
}

function checkDockerfile(given: string, path: string): void {
  try {
    if (!statSync(path).isFile()) throw new UserError(`Dockerfile ${given} is not a file`)
    accessSync(path, constants.R_OK)
  } catch (error) {
    if (error instanceof UserError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UserError(`Dockerfile ${given} not found`)
    throw new UserError(`cannot read Dockerfile ${given}: ${reason(error)}`)
  }
}

function checkSecret(secret: BuildSecret, env: NodeJS.ProcessEnv, cwd: string): BuildSecret {
  if (!SECRET_ID.test(secret.id)) throw new UserError(`invalid secret id "${secret.id}"`)
  if ((secret.src === undefined) === (secret.env === undefined)) {
    throw new UserError(`secret ${secret.id}: give exactly one of a file (src) or an environment variable (env)`)
  }
  if (secret.env !== undefined) {
    if (env[secret.env] === undefined) throw new UserError(`secret ${secret.id}: environment variable ${secret.env} is not set`)
    return { id: secret.id, env: secret.env }
  }
  const src = resolve(cwd, secret.src as string)
  try {
    accessSync(src, constants.R_OK)
  } catch (error) {
    throw new UserError(`secret ${secret.id}: cannot read ${secret.src}: ${reason(error)}`)
  }
  return { id: secret.id, src }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file or directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOTDIR') return 'not a directory'
  return errorMessage(error)
}
