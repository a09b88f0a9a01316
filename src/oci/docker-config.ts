// Docker config.json, DOCKER_AUTH_CONFIG and containers auth.json: parsing and key lookup
// (registry-protocol.md §3.9; docker/cli cli/config file_store.go and configfile/file.go).
import { readFileSync } from 'node:fs'
import { UserError } from '../errors.js'
import type { Credential } from './credentials.js'

/** The key docker/cli stores Docker Hub credentials under, and the server URL helpers get. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/'
const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** One `auths` entry (docker/cli types/authconfig.go). */
export interface AuthEntry {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
  registrytoken?: string
}

/** A parsed credentials file or environment value. */
export interface AuthFile {
  /** Where it came from, for messages: a file path or `DOCKER_AUTH_CONFIG`. */
  origin: string
  auths: Record<string, AuthEntry>
  credHelpers: Record<string, string>
  credsStore?: string
}

/** True for every name Docker Hub goes by in references and config keys. */
export function isDockerHub(host: string): boolean {
  return HUB_HOSTS.has(host)
}

/** docker/cli ConvertToHostname: drop the scheme and any path, keep the port. */
export function convertToHostname(key: string): string {
  const withoutScheme = key.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '')
  return withoutScheme.split('/')[0] ?? ''
}

const canonical = (host: string) => (isDockerHub(host) ? 'docker.io' : host)

/**
 * The key of `map` that holds `host`'s entry, as docker/cli's file store finds it: the exact key
 * first (Docker Hub: `https://index.docker.io/v1/` first), then any key whose hostname equals the
 * host. Ports are significant: `localhost:5000` never matches `localhost`. With `namespaced`
 * (containers auth.json), scheme-less keys with a path are repository-scoped and never match a host.
 */
export function findKey(map: Record<string, unknown>, host: string, namespaced = false): string | undefined {
  const exact = isDockerHub(host) ? [DOCKER_HUB_KEY, host] : [host]
  for (const key of exact) if (Object.hasOwn(map, key)) return key
  const wanted = canonical(host)
  return Object.keys(map).find((key) => {
    if (namespaced && !key.includes('://') && key.includes('/')) return false
    return canonical(convertToHostname(key)) === wanted
  })
}

/**
 * docker/cli decodeAuth: standard base64 of `user:password`, split on the first `:`, trailing NULs
 * trimmed from the password. Messages name the origin and host only, never the value.
 */
export function decodeAuth(value: string, origin: string, host: string): { username: string; password: string } {
  const bad = (what: string) => new UserError(`${origin}: the auth value for ${host} ${what}`)
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
    throw bad('is not valid base64')
  }
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) throw bad('is not of the form user:password')
  if (colon === 0) throw bad('has an empty username')
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1).replace(/\0+$/, '') }
}

/** The credential an `auths` entry holds, or undefined for an empty placeholder entry. */
export function entryCredential(entry: AuthEntry, origin: string, host: string): Credential | undefined {
  const cred: Credential = {}
  if (entry.username) cred.username = entry.username
  if (entry.password) cred.password = entry.password
  if (entry.auth) Object.assign(cred, decodeAuth(entry.auth, origin, host))
  if (entry.identitytoken) cred.identityToken = entry.identitytoken
  if (entry.registrytoken) cred.registryToken = entry.registrytoken
  return Object.keys(cred).length === 0 ? undefined : cred
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** JSON.parse whose error never quotes the input (V8 messages include a snippet of it). */
function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))?.[1]
    throw new UserError(`${origin} is not valid JSON${at === undefined ? '' : ` (at position ${at})`}`)
  }
}

function stringMap(value: unknown, origin: string, field: string): Record<string, string> {
  if (value === undefined) return {}
  if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new UserError(`${origin}: "${field}" must map registry hosts to helper names`)
  }
  return value as Record<string, string>
}

/** Parses a docker config.json or containers auth.json. */
export function parseAuthFile(text: string, origin: string): AuthFile {
  const doc = parseJson(text, origin)
  if (!isObject(doc)) throw new UserError(`${origin} must hold a JSON object`)
  const auths = doc.auths ?? {}
  const entryFields = ['auth', 'username', 'password', 'identitytoken', 'registrytoken']
  if (!isObject(auths) || !Object.values(auths).every(isObject)) {
    throw new UserError(`${origin}: "auths" must map registry hosts to objects`)
  }
  for (const [key, entry] of Object.entries(auths as Record<string, Record<string, unknown>>)) {
    for (const field of entryFields) {
      if (entry[field] !== undefined && typeof entry[field] !== 'string') {
        throw new UserError(`${origin}: "${field}" of the auths entry ${key} must be a string`)
      }
    }
  }
  if (doc.credsStore !== undefined && typeof doc.credsStore !== 'string') {
    throw new UserError(`${origin}: "credsStore" must be a helper name`)
  }
  return {
    origin,
    auths: auths as Record<string, AuthEntry>,
    credHelpers: stringMap(doc.credHelpers, origin, 'credHelpers'),
    ...(doc.credsStore ? { credsStore: doc.credsStore } : {})
  }
}

/**
 * Parses DOCKER_AUTH_CONFIG as docker/cli parseEnvConfig does: `{"auths":{host:{"auth":…}}}`, no
 * other fields, every entry with an `auth`.
 */
export function parseEnvAuthConfig(text: string): AuthFile {
  const origin = 'DOCKER_AUTH_CONFIG'
  const doc = parseJson(text, origin)
  if (!isObject(doc) || Object.keys(doc).some((k) => k !== 'auths') || !isObject(doc.auths ?? {})) {
    throw new UserError(`${origin} must be a JSON object of the form {"auths":{"<host>":{"auth":"…"}}}`)
  }
  const auths = (doc.auths ?? {}) as Record<string, unknown>
  for (const [key, entry] of Object.entries(auths)) {
    if (!isObject(entry) || typeof entry.auth !== 'string' || Object.keys(entry).length !== 1) {
      throw new UserError(`${origin}: the entry for ${key} must hold exactly one "auth" string`)
    }
  }
  return { origin, auths: auths as Record<string, AuthEntry>, credHelpers: {} }
}

/** Reads and parses a credentials file; undefined when it does not exist. */
export async function readAuthFile(path: string): Promise<AuthFile | undefined> {
  let text: string
  try {
    // Synchronous: a small file, read once per run, and fs/promises costs start-up time.
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw new UserError(`cannot read ${path}: ${code ?? 'unknown error'}`, { cause: error })
  }
  return parseAuthFile(text, path)
}
