import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../../logger.js'
import type { Credential } from './builder.js'

// Builders receive registry credentials through files in the build's private
// work dir (0700, removed afterwards), never on the command line, where any
// user of the machine could read them.

interface AuthEntry {
  auth?: string
  identitytoken?: string
  registrytoken?: string
}

function authEntry(credential: Credential): AuthEntry {
  const entry: AuthEntry = {}
  if (credential.username !== undefined && credential.password !== undefined) {
    entry.auth = Buffer.from(`${credential.username}:${credential.password}`).toString('base64')
  }
  if (credential.identityToken) entry.identitytoken = credential.identityToken
  if (credential.registryToken) entry.registrytoken = credential.registryToken
  return entry
}

/**
 * Writes a containers-auth.json (buildah, podman `--authfile`) holding the
 * mirror registry's credential. Other registries still resolve through the
 * user's docker config, which containers/image reads after the auth file.
 */
export function writeAuthFile(workDir: string, registry: string, credential: Credential, logger: Logger): string {
  if (credential.registryToken && !credential.username) {
    logger.warning(`buildah and podman cannot use a registry token for ${registry}; the push uses their own login`)
  }
  const path = join(workDir, 'auth.json')
  writeFileSync(path, JSON.stringify({ auths: { [registry]: authEntry(credential) } }), { mode: 0o600 })
  return path
}

/**
 * Makes a DOCKER_CONFIG directory for docker buildx: the user's config.json
 * with the mirror registry's credential added, and links to everything else
 * in the user's config dir (buildx builders, contexts, CLI plugins), so the
 * selected builder instance stays the same.
 */
export function writeDockerConfig(
  workDir: string,
  registry: string,
  credential: Credential,
  env: NodeJS.ProcessEnv
): string {
  const original = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
  const dir = join(workDir, 'docker-config')
  mkdirSync(dir, { mode: 0o700 })
  let config: { auths?: Record<string, AuthEntry>; credHelpers?: Record<string, string> } = {}
  if (existsSync(original)) {
    for (const name of readdirSync(original)) {
      if (name !== 'config.json') symlinkSync(join(original, name), join(dir, name))
    }
    const file = join(original, 'config.json')
    if (existsSync(file)) config = JSON.parse(readFileSync(file, 'utf8')) as typeof config
  }
  const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry
  config.auths = { ...config.auths, [key]: authEntry(credential) }
  if (config.credHelpers) delete config.credHelpers[key]
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 })
  return dir
}
