// The one place registry HTTP happens: scheme choice, auth, redirects,
// retries and logging around undici `request` (no fetch, no redirect
// interceptor: every hop goes through nextHop, R-RED-1).
import { undiciRequest, type Agent } from './undici.js'
import { UserError } from '../errors.js'
import { nullLogger, type Logger } from '../logger.js'
import { Authenticator } from './auth.js'
import {
  RegistryError,
  TEMPORARY_STATUSES,
  asUnreachable,
  isPlainHttpReply,
  isTransientNetworkError,
  redactUrl,
  errorCode
} from './errors.js'
import {
  MAX_REDIRECTS,
  RedirectRefusedError,
  checkHop,
  isLoopbackHost,
  isRedirect,
  nextHop,
  redirectMethod,
  withoutCredentials
} from './redirect.js'
import { registryBaseUrl } from './reference.js'
import { wrapResponse, type RegistryResponse } from './response.js'
import { retry, retryAfterFromHeaders } from './retry.js'
import type { TokenHttp } from './token.js'
import { createAgent } from './http-agent.js'
import { hostAndPort, sniffScheme } from './scheme-sniff.js'
import type { ApiRequest, RegistryRequest, RequestBody, TransportOptions } from './transport-types.js'
import type { Outcome, RetryDecision } from './retry.js'
import type { Credential, CredentialSource } from './credentials.js'
import { withEcrCredentials } from './ecr-auth.js'
import { USER_AGENT } from '../version.js'

export type { RegistryResponse } from './response.js'
export type { ApiRequest, RegistryRequest, RequestBody, TransportOptions } from './transport-types.js'

const TOKEN_TIMEOUT_MS = 15_000
const ERROR_BODY_LIMIT = 64 * 1024
/** Errors a probing https connection gets from a plain-http server. */
const PROBE_FALLBACK_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET'])

/** HTTP client for registries; one per run, shared by every operation. */
export class Transport {
  readonly #opts: TransportOptions
  readonly #logger: Logger
  readonly #auth: Authenticator
  readonly #credentials: CredentialSource | undefined
  readonly #agents = new Map<boolean, Agent>()
  readonly #schemes = new Map<string, 'https' | 'http'>()
  /** One sniff per insecure registry, shared by the requests that start together. */
  readonly #sniffs = new Map<string, Promise<void>>()

  constructor(opts: TransportOptions = {}) {
    this.#opts = opts
    this.#logger = opts.logger ?? nullLogger
    // The ECR token call goes through this transport's api(): same agents, CA and trace.
    this.#credentials =
      opts.ecr === undefined ? opts.credentials : withEcrCredentials(opts.credentials, opts.ecr, this, this.#logger)
    this.#auth = new Authenticator({
      credentials: this.#credentials,
      http: this.#tokenHttp,
      insecure: (r) => this.isInsecure(r),
      logger: this.#logger,
      now: opts.now
    })
  }

  /** True when the user allowed unverified TLS and plain http for `registry`. */
  isInsecure(registry: string): boolean {
    const { insecure } = this.#opts
    return typeof insecure === 'function' ? insecure(registry) : insecure === true
  }

  /** The registry's base URL with the scheme in use (https unless insecure and http was found). */
  baseUrl(registry: string): URL {
    return new URL(registryBaseUrl(registry, this.#schemes.get(registry) ?? 'https'))
  }

  /** Sends a request: auth, redirects and retries included. */
  async request(req: RegistryRequest): Promise<RegistryResponse> {
    const policy = this.#opts.retry ?? {}
    const res = await retry(() => this.#attempt(req), {
      ...policy,
      attempts: req.retry === false ? 1 : policy.attempts,
      sleep: this.#opts.sleep,
      classify: classifyHttp,
      onRetry: async (o, attempt, delay) => {
        const what = 'error' in o ? errorCode(o.error) : o.value.status
        const throttled = 'value' in o && o.value.status === 429
        const log = (m: string) => (throttled ? this.#logger.warning(m) : this.#logger.debug(m))
        log(
          `${req.method} ${req.registry}: ${what}, retrying in ${Math.round(delay / 100) / 10}s (attempt ${attempt + 2})`
        )
        if ('value' in o) await o.value.dump()
      }
    })
    if (req.expect !== undefined && !req.expect.includes(res.status))
      throw await this.errorFrom(req, res)
    return res
  }

  /** Reads an error response into a RegistryError (one line, with a hint for 401). */
  async errorFrom(req: RegistryRequest, res: RegistryResponse): Promise<RegistryError> {
    const body =
      req.method === 'HEAD' ? undefined : await res.text(ERROR_BODY_LIMIT).catch(() => undefined)
    if (req.method === 'HEAD') await res.dump()
    let hint: string | undefined
    if (res.status === 401) hint = await this.#unauthorizedHint(req.registry, res.tokenSent === true)
    const error = new RegistryError({
      status: res.status,
      method: req.method,
      url: res.url,
      registry: req.registry,
      body,
      hint,
      afterToken: res.tokenSent
    })
    error.retryAfterMs = retryAfterFromHeaders(res.headers)
    return error
  }

  /**
   * What a 401 tells the user. After a token the registry issued, the login
   * worked and the repository is out of reach: Docker Hub answers so for one
   * that does not exist, too (R-MAN-5).
   */
  async #unauthorizedHint(registry: string, afterToken: boolean): Promise<string> {
    const credentials = await this.#auth.hasCredentials(registry)
    if (afterToken) {
      return credentials
        ? `the token for ${registry} does not grant access: the repository may not exist, or the credentials for ${registry} do not reach it`
        : `the anonymous token for ${registry} does not grant access: the repository may not exist, or it needs credentials`
    }
    return credentials
      ? `the credentials for ${registry} were refused`
      : `no credentials configured for ${registry}`
  }

  /** The configured credentials for `registry` (vendor APIs that take the registry's login). */
  async credential(registry: string): Promise<Credential | undefined> {
    return this.#credentials?.get(registry)
  }

  /**
   * One exchange with a vendor API beside the registry (ECR, GitLab, Harbor,
   * Docker Hub, GitHub): the same agents, CA and trace, no registry auth.
   * Redirects are returned, never followed, so the credentials in `headers`
   * reach no other origin; they never travel over plain http off loopback
   * unless `registry` is marked insecure and this is its origin.
   */
  async api(url: URL, req: ApiRequest): Promise<RegistryResponse> {
    const ownOrigin =
      req.registry !== undefined &&
      this.isInsecure(req.registry) &&
      url.origin === this.baseUrl(req.registry).origin
    const headers: Record<string, string> = {
      'user-agent': this.#opts.userAgent ?? USER_AGENT,
      ...req.headers
    }
    const credentials =
      req.secretBody === true ||
      Object.keys(headers).length !== Object.keys(withoutCredentials(headers)).length
    if (credentials && url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !ownOrigin) {
      throw new UserError(`refusing to send credentials to ${url.host} over plain http`)
    }
    if (req.body !== undefined) headers['content-length'] = String(req.body.length)
    const send = () => this.#send(url, req.method, headers, req.body, { verify: !ownOrigin })
    if (req.retry === false) return send()
    return retry(send, {
      ...this.#opts.retry,
      sleep: this.#opts.sleep,
      classify: classifyHttp,
      onRetry: async (o) => {
        if ('value' in o) await o.value.dump()
      }
    })
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await Promise.all([...this.#agents.values()].map((a) => a.close()))
    this.#agents.clear()
  }

  /** One attempt, including the https→http probe for insecure registries. */
  async #attempt(req: RegistryRequest): Promise<RegistryResponse> {
    if (this.isInsecure(req.registry) && !this.#schemes.has(req.registry)) await this.#sniff(req.registry)
    const probing = this.isInsecure(req.registry) && !this.#schemes.has(req.registry)
    try {
      const res = await this.#authorized(req)
      if (probing) this.#schemes.set(req.registry, 'https')
      return res
    } catch (error) {
      if (
        !probing ||
        !(isPlainHttpReply(error) || PROBE_FALLBACK_CODES.has(errorCode(error) ?? ''))
      )
        throw error
      this.#logger.debug(`${req.registry} does not speak TLS; using plain http`)
      this.#schemes.set(req.registry, 'http')
      return this.#authorized(req)
    }
  }

  /** Settles an insecure registry's scheme without a TLS handshake when its port tells (scheme-sniff.ts). */
  #sniff(registry: string): Promise<void> {
    let sniff = this.#sniffs.get(registry)
    if (sniff === undefined) {
      const target = hostAndPort(registry)
      const started = this.#opts.schemeProbes?.get(registry)
      const probe = started ?? (target === undefined ? Promise.resolve(undefined) : sniffScheme(target.host, target.port))
      sniff = probe.then(
        (scheme) => {
          if (scheme === undefined || this.#schemes.has(registry)) return
          this.#logger.debug(`${registry} speaks ${scheme === 'https' ? 'TLS' : 'plain http'}`)
          this.#schemes.set(registry, scheme)
        }
      )
      this.#sniffs.set(registry, sniff)
    }
    return sniff
  }

  /** Sends with the known auth, answering at most two challenges (R-AUTH-6). */
  async #authorized(req: RegistryRequest): Promise<RegistryResponse> {
    const base = this.baseUrl(req.registry)
    const url = req.url ?? new URL(req.path ?? '/v2/', base)
    if (url.origin !== base.origin) checkHop(base, url)
    let authorization = await this.#auth.header(req.registry, req.scopes)
    for (let round = 0; ; round++) {
      const res = await this.#follow(req, url, base.origin, authorization)
      res.tokenSent =
        authorization !== undefined &&
        res.url.origin === base.origin &&
        this.#auth.usesTokenServer(req.registry)
      if (res.status !== 401 || res.url.origin !== base.origin || round >= 2) return res
      // Only the registry's own challenges get credentials (R-RED-2).
      let retryable: boolean
      try {
        retryable = await this.#auth.challenge(
          req.registry,
          res.url,
          res.headers['www-authenticate'],
          req.scopes,
          authorization
        )
      } catch (error) {
        await res.dump()
        throw error
      }
      if (!retryable) return res
      await res.dump()
      authorization = await this.#auth.header(req.registry, req.scopes)
    }
  }

  /** Follows redirects by hand; credentials ride only on hops to the registry origin. */
  async #follow(
    req: RegistryRequest,
    start: URL,
    registryOrigin: string,
    authorization: string | undefined
  ): Promise<RegistryResponse> {
    let url = start
    let method = req.method
    let body = req.body
    for (let hop = 0; ; hop++) {
      let headers: Record<string, string> = {
        'user-agent': this.#opts.userAgent ?? USER_AGENT,
        ...req.headers
      }
      if (body === undefined && req.body !== undefined) {
        // A 303 (or 301/302 of a POST) turned the request into a GET: no body headers.
        delete headers['content-length']
        delete headers['content-type']
      }
      if (url.origin !== registryOrigin) headers = withoutCredentials(headers)
      else if (authorization !== undefined) {
        if (
          authorization.startsWith('Basic ') &&
          url.protocol === 'http:' &&
          !isLoopbackHost(url.hostname) &&
          !this.isInsecure(req.registry)
        ) {
          throw new UserError(`refusing to send credentials for ${req.registry} over plain http`)
        }
        headers.authorization = authorization
      }
      if (body !== undefined) headers['content-length'] = String(body.length)
      const verify = !(this.isInsecure(req.registry) && url.origin === registryOrigin)
      const res = await this.#send(url, method, headers, body, { verify })
      const location = res.headers.location
      if (!isRedirect(res.status) || typeof location !== 'string') return res
      await res.dump()
      if (hop >= MAX_REDIRECTS)
        throw new RedirectRefusedError(
          `${req.method} ${req.registry}: more than ${MAX_REDIRECTS} redirects`
        )
      const next = nextHop(location, url)
      const m = redirectMethod(res.status, method)
      method = m.method
      if (!m.keepBody) body = undefined
      url = next
    }
  }

  async #send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: RequestBody | undefined,
    opts: { verify: boolean; timeoutMs?: number }
  ): Promise<RegistryResponse> {
    let raw
    try {
      const payload =
        body === undefined ? undefined : Buffer.isBuffer(body) ? body : await body.open()
      raw = await undiciRequest(url, {
        dispatcher: this.#agent(opts.verify),
        method: method as 'GET',
        headers,
        body: payload,
        // undici closes the connection after every HEAD (for servers that send
        // a body anyway); registries do not, and Go's clients keep it. A copy
        // asks HEAD then POST or GET of the same registry: without this each
        // pays a new connection (a TLS handshake on https).
        reset: method === 'HEAD' ? false : undefined,
        headersTimeout: opts.timeoutMs ?? this.#opts.headersTimeoutMs,
        bodyTimeout: opts.timeoutMs ?? this.#opts.bodyTimeoutMs
      })
    } catch (error) {
      this.#logger.debug(`${method} ${redactUrl(url)} failed: ${errorCode(error) ?? String(error)}`)
      throw asUnreachable(error, url.host)
    }
    this.#logger.debug(`${method} ${redactUrl(url)} → ${raw.statusCode}`)
    this.#opts.onRequest?.({ method, url: `${url.origin}${url.pathname}`, status: raw.statusCode })
    return wrapResponse(raw, url)
  }

  /** Token requests: same agents, a 15 s deadline, no redirects, retried like the rest. */
  readonly #tokenHttp: TokenHttp = async (url, init) => {
    const headers = { 'user-agent': this.#opts.userAgent ?? USER_AGENT, ...init.headers }
    const body = init.body === undefined ? undefined : Buffer.from(init.body)
    // An insecure registry's token server is trusted the same way.
    const verify = !this.isInsecure(init.registry)
    const res = await retry(
      () => this.#send(url, init.method, headers, body, { verify, timeoutMs: TOKEN_TIMEOUT_MS }),
      {
        ...this.#opts.retry,
        sleep: this.#opts.sleep,
        classify: classifyHttp,
        onRetry: async (o) => {
          if ('value' in o) await o.value.dump()
        }
      }
    )
    return { status: res.status, text: () => res.text(ERROR_BODY_LIMIT) }
  }

  #agent(verify: boolean): Agent {
    let agent = this.#agents.get(verify)
    if (agent === undefined) {
      agent = createAgent({ ...this.#opts, verify })
      this.#agents.set(verify, agent)
    }
    return agent
  }
}

/** Retry policy for HTTP (R-RETRY-1): transient network errors, 408/429/5xx with Retry-After. */
function classifyHttp(o: Outcome<RegistryResponse>): RetryDecision {
  if ('error' in o) return { retry: isTransientNetworkError(o.error) }
  if (!TEMPORARY_STATUSES.has(o.value.status)) return { retry: false }
  return { retry: true, afterMs: retryAfterFromHeaders(o.value.headers) }
}
