// Registry credentials: explicit inputs, DOCKER_AUTH_CONFIG, docker config.json (with credential
// helpers) and the containers auth file (registry-protocol.md §3.9, R-CRED-1..3).
import { homedir } from 'node:os'
import { join } from 'node:path'
import { nullLogger, type Logger } from '../logger.js'
import { helperGet } from './credential-helper.js'
import {
  DOCKER_HUB_KEY,
  entryCredential,
  findKey,
  isDockerHub,
  parseEnvAuthConfig,
  readAuthFile,
  type AuthFile
} from './docker-config.js'

export interface Credential {
  username?: string
  password?: string
  /** OAuth2 refresh/identity token (config.json identitytoken, helper username "<token>") */
  identityToken?: string
  /** A bearer token sent directly to the registry (config.json registrytoken) */
  registryToken?: string
  /** When the source should be asked again (ms since the epoch): ECR tokens last 12 hours. */
  expiresAt?: number
}

export interface CredentialSource {
  /** Credentials for a registry host as written in references ('docker.io', '127.0.0.1:5000'); undefined = anonymous. */
  get(registry: string): Promise<Credential | undefined>
}

/** A source answering from a fixed map keyed by registry host (config.json key rules apply). */
export function staticCredentials(map: Record<string, Credential>): CredentialSource {
  return {
    get: async (registry) => {
      const key = findKey(map, registry)
      return key === undefined ? undefined : { ...map[key] }
    }
  }
}

export interface DefaultCredentialOptions {
  /** Environment to read variables from and to run helpers with (its PATH finds them). */
  env?: NodeJS.ProcessEnv
  /** Credentials given as inputs; they beat every file. */
  explicit?: Record<string, Credential>
  logger?: Logger
  /** Bound on one credential helper run (default 30 s). */
  helperTimeoutMs?: number
}

/** What one source found for a host: a credential, or undefined to ask the next source. */
interface Found {
  credential: Credential | undefined
  from: string
}

/**
 * The credential chain, first hit wins (R-CRED-1):
 *   1. explicit credentials (action or CLI inputs);
 *   2. DOCKER_AUTH_CONFIG, JSON `{"auths":{…}}`;
 *   3. docker config.json (`$DOCKER_CONFIG/config.json`, default `~/.docker/config.json`), one store
 *      per host as docker/cli picks it: credHelpers[host], else credsStore, else `auths`;
 *   4. containers auth file: `$REGISTRY_AUTH_FILE`, else `$XDG_RUNTIME_DIR/containers/auth.json`
 *      then `~/.config/containers/auth.json` (its credHelpers, else its `auths`).
 * A helper that has nothing for the host sends the lookup on to the containers file; a helper that
 * is missing or fails is an error for that host, never a reason to use other credentials (R-CRED-2).
 * Files are read on first use, once per source; answers are cached per host for its lifetime.
 */
export function defaultCredentialSource(opts: DefaultCredentialOptions = {}): CredentialSource {
  const env = opts.env ?? process.env
  const logger = opts.logger ?? nullLogger
  const home = env.HOME || env.USERPROFILE || homedir()
  const explicit = opts.explicit ?? {}
  const once = <T>(load: () => Promise<T>) => {
    let loaded: Promise<T> | undefined
    return () => (loaded ??= load())
  }
  const envConfig = once(async () =>
    env.DOCKER_AUTH_CONFIG ? parseEnvAuthConfig(env.DOCKER_AUTH_CONFIG) : undefined
  )
  const dockerConfig = once(() =>
    readAuthFile(join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json'))
  )
  const containersFiles = containersAuthPaths(env, home).map((path) => once(() => readAuthFile(path)))

  /** Answer of one file for `host`: a helper (credHelpers, then credsStore) or its `auths`. */
  async function fromFile(file: AuthFile | undefined, host: string, namespaced: boolean) {
    if (file === undefined) return undefined
    const helperKey = findKey(file.credHelpers, host, namespaced)
    const helper = helperKey === undefined ? file.credsStore : file.credHelpers[helperKey]
    if (helper) {
      const serverUrl = isDockerHub(host) ? DOCKER_HUB_KEY : host
      const request = { helper, host, serverUrl, origin: file.origin, env, timeoutMs: opts.helperTimeoutMs }
      return { credential: await helperGet(request), from: `${file.origin} (helper ${helper})` }
    }
    const key = findKey(file.auths, host, namespaced)
    if (key === undefined) return undefined
    return { credential: entryCredential(file.auths[key] ?? {}, file.origin, host), from: file.origin }
  }

  async function resolve(host: string): Promise<Credential | undefined> {
    const sources: Array<() => Promise<Found | undefined>> = [
      async () => {
        const key = findKey(explicit, host)
        return key === undefined ? undefined : { credential: { ...explicit[key] }, from: 'explicit input' }
      },
      async () => fromFile(await envConfig(), host, false),
      async () => fromFile(await dockerConfig(), host, false),
      ...containersFiles.map((file) => async () => fromFile(await file(), host, true))
    ]
    for (const source of sources) {
      const found = await source()
      if (found?.credential) {
        logger.debug(`credentials for ${host}: from ${found.from}`)
        return found.credential
      }
      if (found) logger.debug(`credentials for ${host}: none in ${found.from}`)
    }
    logger.debug(`credentials for ${host}: none found, using anonymous access`)
    return undefined
  }

  const cache = new Map<string, Promise<Credential | undefined>>()
  return {
    get(registry) {
      const key = isDockerHub(registry) ? 'docker.io' : registry
      let answer = cache.get(key)
      if (answer === undefined) {
        answer = resolve(registry)
        cache.set(key, answer)
      }
      return answer.then((c) => (c === undefined ? undefined : { ...c }))
    }
  }
}

/** Candidate containers auth files, in lookup order (containers-auth.json(5)). */
function containersAuthPaths(env: NodeJS.ProcessEnv, home: string): string[] {
  if (env.REGISTRY_AUTH_FILE) return [env.REGISTRY_AUTH_FILE]
  const paths = env.XDG_RUNTIME_DIR ? [join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json')] : []
  paths.push(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'containers', 'auth.json'))
  return paths
}
