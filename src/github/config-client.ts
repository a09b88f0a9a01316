import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_CONFIG_FILE, loadConfig } from '../engine/config/load.js'
import type { Config } from '../engine/config/types.js'
import { canonicalRegistry } from '../engine/mirror-names.js'
import { UserError, errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { RegistryClient } from '../oci/client.js'
import { defaultCredentialSource, type Credential } from '../oci/credentials.js'
import { Transport } from '../oci/transport.js'
// The same environment variables as the CLI: AWS_*, GITLAB_TOKEN / CI_JOB_TOKEN, GITHUB_TOKEN.
import { deleteVendorsFromEnv } from '../delete-vendors.js'
import type { RunContext } from './context.js'
import { actionEcrAuth } from './credentials.js'
import type { Inputs } from './inputs.js'

const GHCR = 'ghcr.io'

/** Reads the config file named by the `config` input, relative to the workspace. */
export function loadActionConfig(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<Config> {
  const file = inputs.config ?? DEFAULT_CONFIG_FILE
  return loadConfig(resolve(env.GITHUB_WORKSPACE || process.cwd(), file), env)
}

/**
 * The registry client of promote, mirror and sync on a runner, as the CLI
 * builds it from a config file (src/cli/config-client.ts), with the action's
 * inputs on top. Credentials, first hit wins:
 *   1. `registries:` entries of the config file that have a username;
 *   2. registry-username / registry-password, for `loginHosts` (the
 *      registries the command writes to) that the file gives no credentials;
 *   3. DOCKER_AUTH_CONFIG, the docker config docker/login-action writes, the
 *      containers auth file;
 *   4. for ghcr.io only, github-token as the workflow's actor.
 * `insecure: true` in the file allows plain http for that host only; the
 * `insecure` input allows it for all.
 */
export function actionConfigClient(
  config: Config,
  inputs: Inputs,
  ctx: RunContext,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  loginHosts: string[]
): RegistryClient {
  const explicit: Record<string, Credential> = {}
  for (const r of config.registries) {
    if (r.username !== undefined)
      explicit[r.host] = { username: r.username, password: r.password ?? '' }
  }
  if (inputs.registryLogin !== undefined) {
    for (const host of loginHosts) explicit[host] ??= { ...inputs.registryLogin }
  }
  const chain = defaultCredentialSource({ env, explicit, logger })
  const token = inputs.githubToken
  const fallback: Credential | undefined =
    token === undefined ? undefined : { username: ctx.actor || 'github-actions', password: token }
  const insecureHosts = new Set(
    config.registries.filter((r) => r.insecure).map((r) => canonicalRegistry(r.host))
  )
  const caFiles = config.registries.flatMap((r) =>
    r.caFile === undefined ? [] : [readCa(r.caFile, r.host)]
  )
  const transport = new Transport({
    credentials: {
      async get(host) {
        const found = await chain.get(host)
        if (found !== undefined || host !== GHCR || fallback === undefined) return found
        logger.debug(`credentials for ${GHCR}: github-token as ${fallback.username}`)
        return { ...fallback }
      }
    },
    ecr: actionEcrAuth(env),
    insecure: (registry) => inputs.insecure || insecureHosts.has(canonicalRegistry(registry)),
    ca: caFiles.length === 0 ? undefined : caFiles.join('\n'),
    logger
  })
  return new RegistryClient(transport, { logger, deleteVendors: deleteVendorsFromEnv(env) })
}

function readCa(path: string, host: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read the ca-file of ${host} (${path}): ${errorMessage(error)}`)
  }
}

// Child processes and the config's ${VAR} interpolation get the step's
// environment without the action's INPUT_* variables: tokens and passwords
// are among them.
/** The step's environment without INPUT_* variables. */
export function withoutInputs(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('INPUT_')))
}
