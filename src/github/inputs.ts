import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import type { BuilderName } from '../engine/build/types.js'
import { UserError, errorMessage } from '../errors.js'
import { parsePlatform } from '../oci/platform.js'
import { InvalidReferenceError, parseRepository } from '../oci/reference.js'

/** Every action input by name, as action.yml declares it: the only place the names appear. */
export const INPUT = {
  command: 'command',
  image: 'image',
  context: 'context',
  dockerfile: 'dockerfile',
  buildArgs: 'build-args',
  target: 'target',
  platforms: 'platforms',
  tags: 'tags',
  tagPrefix: 'tag-prefix',
  includeCommit: 'include-commit',
  labels: 'labels',
  secrets: 'secrets',
  builder: 'builder',
  insecure: 'insecure',
  registryUsername: 'registry-username',
  registryPassword: 'registry-password',
  config: 'config',
  reference: 'reference',
  dryRun: 'dry-run',
  force: 'force',
  shard: 'shard',
  githubToken: 'github-token',
  statusCheck: 'status-check'
} as const

/** Commands the action runs. */
export const COMMANDS = ['build', 'promote', 'mirror', 'sync'] as const
export type CommandName = (typeof COMMANDS)[number]

const BUILDERS: readonly BuilderName[] = ['auto', 'buildah', 'podman', 'docker']
const STATUS_CHECKS = ['none', 'status', 'check'] as const
export type StatusCheck = (typeof STATUS_CHECKS)[number]

export interface BuildSecret {
  id: string
  env?: string
  src?: string
}

/** The action's inputs, read and validated once (style.md rule 3). */
export interface Inputs {
  command: CommandName
  image: string
  context: string
  dockerfile?: string
  buildArgs: Record<string, string>
  target?: string
  platforms: string[]
  tags: string[]
  tagPrefix?: string
  includeCommit: boolean
  labels: Record<string, string>
  secrets: BuildSecret[]
  builder: BuilderName
  insecure: boolean
  registryLogin?: { username: string; password: string }
  config?: string
  /** promote: the image to promote, `registry/repository:tag[@digest]`. */
  reference?: string
  /** promote, mirror, sync: decide and report, write nothing. */
  dryRun: boolean
  /** sync: copy even what the state says is unchanged. */
  force: boolean
  /** sync: `I/N`, this job's share of the work. */
  shard?: string
  githubToken?: string
  statusCheck: StatusCheck
}

/**
 * Reads every input of the action, masks secrets the moment they are read
 * (R-GHA-2) and validates the rest. Errors name the input and quote the bad value.
 */
export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  // Secrets first, so that nothing below can print them unmasked.
  const githubToken = secret(INPUT.githubToken)
  const registryPassword = secret(INPUT.registryPassword)
  const secrets = parseSecrets(text(INPUT.secrets))
  maskSecretValues(secrets, env)

  const command = oneOf(INPUT.command, COMMANDS, 'build')
  const image = text(INPUT.image)
  if (command === 'build' && image === '') {
    throw new UserError(
      `input "${INPUT.image}" is required for command "build" (the repository to push to, e.g. ghcr.io/acme/app)`
    )
  }
  if (image !== '') checkRepository(image)
  const reference = optional(INPUT.reference)
  if (command === 'promote' && reference === undefined) {
    throw new UserError(
      `input "${INPUT.reference}" is required for command "promote" (the image to promote, e.g. ghcr.io/acme/app:v1.2.3)`
    )
  }
  const shard = optional(INPUT.shard)

  const registryUsername = text(INPUT.registryUsername)
  if ((registryUsername === '') !== (registryPassword === undefined)) {
    throw new UserError(
      `inputs "${INPUT.registryUsername}" and "${INPUT.registryPassword}" must be given together`
    )
  }

  return {
    command,
    image,
    context: text(INPUT.context) || '.',
    dockerfile: optional(INPUT.dockerfile),
    buildArgs: keyValues(INPUT.buildArgs),
    target: optional(INPUT.target),
    platforms: platforms(),
    tags: tags(),
    tagPrefix: optional(INPUT.tagPrefix),
    includeCommit: boolean(INPUT.includeCommit, false),
    labels: keyValues(INPUT.labels),
    secrets,
    builder: oneOf(INPUT.builder, BUILDERS, 'auto'),
    insecure: boolean(INPUT.insecure, false),
    registryLogin:
      registryPassword === undefined
        ? undefined
        : { username: registryUsername, password: registryPassword },
    config: optional(INPUT.config),
    reference,
    dryRun: boolean(INPUT.dryRun, false),
    force: boolean(INPUT.force, false),
    shard,
    githubToken,
    statusCheck: oneOf(INPUT.statusCheck, STATUS_CHECKS, 'none')
  }
}

function text(name: string): string {
  return core.getInput(name)
}

function optional(name: string): string | undefined {
  const value = text(name)
  return value === '' ? undefined : value
}

/** Reads a secret input and masks it before anything else can log it. */
function secret(name: string): string | undefined {
  const value = text(name)
  if (value === '') return undefined
  mask(value)
  return value
}

/** Masks a value, line by line: the runner matches masks per log line. */
function mask(value: string): void {
  core.setSecret(value)
  const lines = value.split(/\r?\n/).map((l) => l.trim())
  if (lines.length > 1) for (const line of lines) if (line.length >= 4) core.setSecret(line)
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = text(name)
  if (value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UserError(`input "${name}" must be one of ${allowed.join(', ')} (got "${value}")`)
}

// core.getBooleanInput throws a two-line TypeError; this keeps the one-line
// message format while accepting the same YAML 1.2 core schema spellings.
function boolean(name: string, fallback: boolean): boolean {
  const value = text(name)
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new UserError(`input "${name}" must be true or false (got "${value}")`)
}

/** Non-empty, trimmed entries of a comma- or newline-separated list. */
function list(name: string): string[] {
  return text(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

function platforms(): string[] {
  const values = list(INPUT.platforms)
  for (const value of values) {
    try {
      parsePlatform(value)
    } catch {
      throw new UserError(
        `input "${INPUT.platforms}" has an invalid platform "${value}": expected os/arch[/variant], e.g. linux/amd64`
      )
    }
  }
  return values
}

// distribution/reference tag grammar: [\w][\w.-]{0,127}
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

function tags(): string[] {
  const values = list(INPUT.tags)
  for (const value of values) {
    if (!TAG.test(value))
      throw new UserError(
        `input "${INPUT.tags}" has an invalid tag "${value}": letters, digits, _ . - and at most 128 characters`
      )
  }
  return values
}

/** `KEY=VALUE` lines; the value may contain `=`; blank lines and `#` comments are skipped. */
function keyValues(name: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const raw of text(name).split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    const key = eq < 0 ? '' : line.slice(0, eq).trim()
    if (key === '' || /\s/.test(key))
      throw new UserError(`input "${name}" has an invalid line "${line}": expected KEY=VALUE`)
    result[key] = line.slice(eq + 1)
  }
  return result
}

function checkRepository(image: string): void {
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  if (image.includes('@') || lastSegment.includes(':')) {
    throw new UserError(
      `input "${INPUT.image}" must be a repository without tag or digest (got "${image}"): the tag is computed`
    )
  }
  try {
    parseRepository(image)
  } catch (error) {
    throw new UserError(
      `input "${INPUT.image}" is not a valid repository name (got "${image}"): ${reason(error)}`
    )
  }
}

/** The reason part of a reference error, without the value it repeats. */
function reason(error: unknown): string {
  return error instanceof InvalidReferenceError ? error.reason : errorMessage(error)
}

/** `id=NAME,env=VAR` or `id=NAME,src=PATH` lines, as docker's --secret takes them. */
function parseSecrets(value: string): BuildSecret[] {
  const secrets: BuildSecret[] = []
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const fields: Record<string, string> = {}
    for (const part of line.split(',')) {
      const eq = part.indexOf('=')
      if (eq <= 0)
        throw new UserError(
          `input "${INPUT.secrets}" has an invalid line "${line}": expected id=NAME,env=VARIABLE or id=NAME,src=PATH`
        )
      fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
    }
    const { id, env, src, ...rest } = fields
    const unknown = Object.keys(rest)
    if (unknown.length > 0)
      throw new UserError(
        `input "${INPUT.secrets}" has an unknown field "${unknown[0]}" in "${line}": use id, env or src`
      )
    if (!id || (env === undefined) === (src === undefined)) {
      throw new UserError(
        `input "${INPUT.secrets}" has an invalid line "${line}": expected id=NAME with exactly one of env=VARIABLE or src=PATH`
      )
    }
    secrets.push(env === undefined ? { id, src } : { id, env })
  }
  return secrets
}

/**
 * Masks what the secrets point at: a builder or a Dockerfile that prints a
 * secret must not leak it into the log (R-GHA-2).
 */
function maskSecretValues(secrets: BuildSecret[], env: NodeJS.ProcessEnv): void {
  for (const s of secrets) {
    if (s.env !== undefined) {
      const value = env[s.env]
      if (value) mask(value)
    } else if (s.src !== undefined) {
      let content: string
      try {
        content = readFileSync(s.src, 'utf8')
      } catch {
        throw new UserError(
          `input "${INPUT.secrets}": cannot read the file of secret "${s.id}" (src=${s.src})`
        )
      }
      if (content.trim() !== '') mask(content.trim())
    }
  }
}
