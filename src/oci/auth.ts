// Registry authentication without a ping (registry-protocol §2): requests go
// out with whatever this host is known to need; a 401 from the registry
// itself teaches the scheme.
//  1. Basic challenge → resend with the host's credentials, and send them
//     up front from then on (R-AUTH-8).
//  2. Bearer challenge → exchange for a token covering the union of every
//     scope this host has needed so far plus the challenged one, so one token
//     serves a whole copy (R-AUTH-2/3). Tokens are cached per (realm, service,
//     scope set) in this object only.
//  3. A 401 with a token (insufficient_scope, revoked) → re-challenge once
//     with a fresh token (R-AUTH-6); the transport bounds the rounds.
import { UserError } from '../errors.js'
import { nullLogger, type Logger } from '../logger.js'
import { parseChallenges } from './challenge.js'
import type { Credential, CredentialSource } from './credentials.js'
import { RegistryError } from './errors.js'
import { isInternalHost, isLoopbackHost } from './redirect.js'
import { mergeScopes } from './scope.js'
import { basicAuthorization, fetchToken, type IssuedToken, type TokenHttp } from './token.js'

/** A token is renewed this long before it expires. */
const EXPIRY_SKEW_MS = 5_000
/** Past this many repositories in one host's scope union, start over: token URLs have limits. */
const MAX_UNION_SCOPES = 16

interface HostAuth {
  scheme: 'basic' | 'bearer' | 'registry-token'
  /** Basic or registry-token header. */
  header?: string
  realm?: URL
  service?: string
  /** Union of scopes requested on this host so far. */
  scopes: string[]
}

export interface AuthenticatorOptions {
  credentials?: CredentialSource
  http: TokenHttp
  insecure: (registry: string) => boolean
  logger?: Logger
  now?: () => number
}

/** Holds per-host auth state and tokens for one Transport. */
export class Authenticator {
  readonly #opts: AuthenticatorOptions
  readonly #logger: Logger
  readonly #hosts = new Map<string, HostAuth>()
  readonly #tokens = new Map<string, Promise<IssuedToken>>()
  readonly #credentials = new Map<string, { credential: Promise<Credential | undefined>; expiresAt?: number }>()

  constructor(opts: AuthenticatorOptions) {
    this.#opts = opts
    this.#logger = opts.logger ?? nullLogger
  }

  /** The Authorization header to send up front to `registry`, if this host is known to need one. */
  async header(registry: string, scopes: string[]): Promise<string | undefined> {
    const state = this.#hosts.get(registry)
    if (state === undefined) return undefined
    if (state.scheme !== 'bearer') return state.header
    const union = unionScopes(state.scopes, scopes)
    try {
      const token = await this.#token(registry, { ...state, scopes: union })
      state.scopes = union
      return `Bearer ${token.token}`
    } catch (error) {
      // A token server that refuses the whole union (instead of granting the
      // intersection, as token.md asks) still gets asked for this request alone.
      const own = mergeScopes(scopes)
      if (!isRefusal(error) || sameScopes(union, own)) throw error
      this.#logger.debug(
        `token for the scope union on ${registry} refused; asking for ${own.join(' ')}`
      )
      return `Bearer ${(await this.#token(registry, { ...state, scopes: own })).token}`
    }
  }

  /** True when `registry` answered a Bearer challenge: its requests carry token-server tokens. */
  usesTokenServer(registry: string): boolean {
    return this.#hosts.get(registry)?.scheme === 'bearer'
  }

  /** Whether the host has credentials configured (used to word errors). */
  async hasCredentials(registry: string): Promise<boolean> {
    const c = await this.#credential(registry)
    return (
      c !== undefined &&
      (c.password !== undefined || c.identityToken !== undefined || c.registryToken !== undefined)
    )
  }

  /**
   * Handles a 401 answered by the registry origin. Returns true when a new
   * header is ready (the caller resends), false when nothing more can be
   * tried (the 401 stands).
   */
  async challenge(
    registry: string,
    requestUrl: URL,
    wwwAuthenticate: string | string[] | undefined,
    scopes: string[],
    sent?: string
  ): Promise<boolean> {
    const challenges = parseChallenges(wwwAuthenticate)
    const bearer = challenges.find((c) => c.scheme === 'bearer')
    const basic = challenges.find((c) => c.scheme === 'basic')
    const credential = await this.#credential(registry)
    if (bearer !== undefined) {
      if (credential?.registryToken) {
        const header = `Bearer ${credential.registryToken}`
        if (sent === header) return false
        this.#hosts.set(registry, { scheme: 'registry-token', header, scopes: [] })
        return true
      }
      const realm = this.#realm(registry, requestUrl, bearer.params.realm)
      const challenged = (bearer.params.scope ?? '').split(' ').filter((s) => s !== '')
      const previous = this.#hosts.get(registry)
      const state: HostAuth = {
        scheme: 'bearer',
        realm,
        service: bearer.params.service || undefined,
        scopes: unionScopes(previous?.realm?.href === realm.href ? previous.scopes : [], [
          ...scopes,
          ...challenged
        ])
      }
      this.#hosts.set(registry, state)
      const key = tokenKey(state)
      const cached = this.#tokens.get(key)
      // The token we just sent was refused: fetch a fresh one once (R-AUTH-6).
      if (
        cached !== undefined &&
        sent !== undefined &&
        sent === `Bearer ${(await cached.catch(() => undefined))?.token}`
      ) {
        this.#tokens.delete(key)
      }
      return true
    }
    if (basic !== undefined) {
      if (credential?.username === undefined || credential.password === undefined) return false
      if (
        requestUrl.protocol === 'http:' &&
        !isLoopbackHost(requestUrl.hostname) &&
        !this.#opts.insecure(registry)
      ) {
        throw new UserError(
          `refusing to send credentials for ${registry} over plain http; use https or mark the registry insecure`
        )
      }
      const header = basicAuthorization(credential.username, credential.password)
      if (sent === header) return false
      this.#hosts.set(registry, { scheme: 'basic', header, scopes: [] })
      return true
    }
    return false
  }

  /** The realm, resolved and checked before credentials go there (R-AUTH-9). */
  #realm(registry: string, requestUrl: URL, realm: string | undefined): URL {
    if (!realm) throw new UserError(`${registry} sent a Bearer challenge without a realm`)
    let url: URL
    try {
      url = new URL(realm, requestUrl)
    } catch {
      throw new UserError(`${registry} sent a Bearer challenge with an invalid realm`)
    }
    const insecure = this.#opts.insecure(registry)
    if (requestUrl.protocol === 'https:' && url.protocol !== 'https:' && !insecure) {
      throw new UserError(
        `${registry} asks for tokens from ${url.protocol}//${url.host}, which is not https: refused (use --insecure to allow)`
      )
    }
    if (!isInternalHost(requestUrl.hostname) && isInternalHost(url.hostname)) {
      throw new UserError(`${registry} asks for tokens from internal address ${url.host}: refused`)
    }
    return url
  }

  /** A cached or fresh token for exactly `target`'s realm, service and scopes. */
  #token(registry: string, target: Readonly<HostAuth>): Promise<IssuedToken> {
    const state = { realm: target.realm!, service: target.service, scopes: [...target.scopes] }
    const key = tokenKey(state)
    const now = this.#opts.now ?? Date.now
    const cached = this.#tokens.get(key)
    if (cached !== undefined) {
      return cached.then((t) => {
        if (t.expiresAt - EXPIRY_SKEW_MS > now()) return t
        if (this.#tokens.get(key) === cached) this.#tokens.delete(key)
        return this.#token(registry, target)
      })
    }
    const pending = (async () => {
      const credential = await this.#credential(registry)
      this.#logger.debug(`token for ${registry}: ${state.scopes.join(' ') || '(no scope)'}`)
      return fetchToken(
        this.#opts.http,
        { registry, realm: state.realm, service: state.service, scopes: state.scopes, credential },
        now
      )
    })()
    this.#tokens.set(key, pending)
    // A failed exchange is not cached: the next request tries again.
    pending.catch(() => {
      if (this.#tokens.get(key) === pending) this.#tokens.delete(key)
    })
    return pending
  }

  /**
   * The credential for `registry`, asked of the source once, and again once
   * it expires (an ECR token): the next 401 then gets a fresh header.
   */
  #credential(registry: string): Promise<Credential | undefined> {
    const held = this.#credentials.get(registry)
    const now = this.#opts.now ?? Date.now
    if (held !== undefined && (held.expiresAt === undefined || now() < held.expiresAt)) return held.credential
    const entry: { credential: Promise<Credential | undefined>; expiresAt?: number } = {
      credential: (this.#opts.credentials?.get(registry) ?? Promise.resolve(undefined)).then((c) => {
        entry.expiresAt = c?.expiresAt
        return c
      })
    }
    this.#credentials.set(registry, entry)
    return entry.credential
  }
}

function tokenKey(state: { realm?: URL; service?: string; scopes: string[] }): string {
  return JSON.stringify([state.realm?.href, state.service ?? '', [...state.scopes].sort()])
}

function unionScopes(held: string[], wanted: string[]): string[] {
  const merged = mergeScopes([...held, ...wanted])
  return merged.length > MAX_UNION_SCOPES ? mergeScopes(wanted) : merged
}

function sameScopes(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((s, i) => s === [...b].sort()[i])
}

/** The token server said no (as opposed to being unreachable or broken). */
function isRefusal(error: unknown): boolean {
  return error instanceof RegistryError && (error.status === 401 || error.status === 403)
}
