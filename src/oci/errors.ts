// Typed registry failures (R-ERR-1). Every failure a registry can answer with
// becomes a RegistryError whose message is one line: method, host and path
// (never the query string, which may carry signatures), status, OCI error
// codes and message. They extend UserError because the user fixes them
// (credentials, names, network, registry configuration), not the code.
import { UserError } from '../errors.js'

/** One entry of the OCI error envelope `{"errors":[{code,message,detail}]}`. */
export interface RegistryErrorDetail {
  code: string
  message?: string
}

const BODY_PREVIEW_BYTES = 200

/** A registry answered with an unexpected status. */
export class RegistryError extends UserError {
  override name = 'RegistryError'
  readonly status: number
  /** OCI error codes from the body (`MANIFEST_UNKNOWN`, …); empty when the body had none. */
  readonly codes: string[]
  readonly method: string
  /** Host and path of the request, without query string. */
  readonly url: string
  readonly registry: string
  /** Retry-After from the response, in milliseconds, when the registry sent one. */
  retryAfterMs?: number
  /**
   * A 401 to a request that carried a token from the registry's token server:
   * the token does not reach this repository. Docker Hub answers so for a
   * repository that does not exist or that the caller cannot see (R-MAN-5).
   */
  readonly afterToken: boolean

  constructor(opts: {
    status: number
    method: string
    url: URL | string
    registry: string
    body?: string
    details?: RegistryErrorDetail[]
    /** Appended in parentheses: what the user can do about it. */
    hint?: string
    afterToken?: boolean
  }) {
    const url = redactedLocation(opts.url)
    const details = opts.details ?? parseErrorBody(opts.body)
    const hint = opts.hint ? ` (${opts.hint})` : ''
    super(
      `${opts.method} ${url}: ${opts.status} ${describe(opts.method, opts.body, details)}${hint}`
    )
    this.status = opts.status
    this.codes = details.map((d) => d.code)
    this.method = opts.method
    this.url = url
    this.registry = opts.registry
    this.afterToken = opts.afterToken === true && opts.status === 401
  }

  /** True when the registry sent this OCI error code. */
  hasCode(code: string): boolean {
    return this.codes.includes(code)
  }
}

/** A registry (or a host it redirected to) could not be reached at all. */
export class UnreachableRegistryError extends UserError {
  override name = 'UnreachableRegistryError'
  readonly host: string
  readonly reason: string
  constructor(host: string, reason: string, opts: { tlsMismatch?: boolean; cause?: unknown } = {}) {
    const hint = opts.tlsMismatch
      ? ' (TLS handshake failed: if the registry serves plain HTTP or a self-signed certificate, use --insecure or --ca-file)'
      : ''
    super(`cannot reach registry ${host}: ${reason}${hint}`, { cause: opts.cause })
    this.host = host
    this.reason = reason
  }
}

/** True for a 404 from the registry (the object or repository does not exist). */
export function isNotFound(error: unknown): boolean {
  return error instanceof RegistryError && error.status === 404
}

/** True for failures worth retrying: throttling, gateway and server errors, network errors. */
export function isTemporary(error: unknown): boolean {
  if (error instanceof RegistryError) {
    return TEMPORARY_STATUSES.has(error.status) || error.hasCode('TOOMANYREQUESTS')
  }
  return isTransientNetworkError(error)
}

/** Statuses retried by the transport (R-RETRY-1). */
export const TEMPORARY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

// Connection-level failures that a second attempt may not hit (R-RETRY-1).
// Refused connections, unknown hosts and certificate errors are not here: they
// do not heal in seconds and retrying them only delays a clear message.
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED'
])

/** The `code` of a Node or undici error, looking through `cause`. */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && code !== 'UND_ERR') return code
  }
  return undefined
}

/** True for network errors that may succeed on a second attempt. */
export function isTransientNetworkError(error: unknown): boolean {
  const code = errorCode(error)
  return code !== undefined && TRANSIENT_CODES.has(code)
}

/** True when a TLS client met something that is not TLS, or a certificate it cannot verify. */
export function isTlsError(error: unknown): boolean {
  const code = errorCode(error) ?? ''
  return (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)
  )
}

/** True when an https connection reached a server that speaks plain HTTP. */
export function isPlainHttpReply(error: unknown): boolean {
  const code = errorCode(error) ?? ''
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : ''
  return (
    code === 'EPROTO' ||
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    /wrong version number|packet length too long/i.test(text)
  )
}

/**
 * Wraps a network failure as UnreachableRegistryError (host named, reason
 * short). Anything that is not a network failure is returned unchanged.
 */
export function asUnreachable(error: unknown, host: string): unknown {
  if (!(error instanceof Error) || error instanceof UserError) return error
  const code = errorCode(error)
  if (code === undefined) return error
  const tls = isTlsError(error)
  const reason =
    REASONS[code] ?? (tls ? `TLS error ${code}` : `${code} ${firstLine(error.message)}`.trim())
  return new UnreachableRegistryError(host, reason, { tlsMismatch: tls, cause: error })
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response (headers timeout)',
  UND_ERR_BODY_TIMEOUT: 'response body stalled (body timeout)',
  UND_ERR_SOCKET: 'connection closed by the server'
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 200)
}

/** `host/path` of a URL: no scheme, no credentials, no query (signed URLs carry secrets there). */
export function redactedLocation(url: URL | string): string {
  if (typeof url !== 'string') return `${url.host}${url.pathname}`
  try {
    const parsed = new URL(url)
    return `${parsed.host}${parsed.pathname}`
  } catch {
    return url.split('?')[0]!
  }
}

/** Parses the OCI error envelope; an empty array when the body is something else. */
export function parseErrorBody(body: string | undefined): RegistryErrorDetail[] {
  if (body === undefined || body.trim() === '') return []
  try {
    const parsed = JSON.parse(body) as { errors?: unknown }
    if (!Array.isArray(parsed?.errors)) return []
    return parsed.errors
      .filter((e): e is { code: unknown; message?: unknown } => typeof e === 'object' && e !== null)
      .map((e) => ({
        code: typeof e.code === 'string' ? e.code : 'UNKNOWN',
        message: typeof e.message === 'string' ? e.message : undefined
      }))
  } catch {
    return []
  }
}

function describe(
  method: string,
  body: string | undefined,
  details: RegistryErrorDetail[]
): string {
  if (details.length > 0) {
    return details.map((d) => (d.message ? `${d.code} ${d.message}` : d.code)).join('; ')
  }
  if (method === 'HEAD') return '(HEAD responses have no body)'
  const text = (body ?? '').replace(/\s+/g, ' ').trim()
  if (text === '') return '(empty body)'
  return text.length > BODY_PREVIEW_BYTES ? `${text.slice(0, BODY_PREVIEW_BYTES)}…` : text
}

// Query parameters of signed URLs (S3, GCS, CDNs) and token endpoints (R-RED-5).
const SECRET_PARAM = /sig|signature|token|credential|secret|password|key|auth|policy/i

/** A URL for debug logs: query values that look like signatures or tokens become `[redacted]`. */
export function redactUrl(url: URL): string {
  if (url.search === '') return `${url.origin}${url.pathname}`
  const params = [...url.searchParams].map(
    ([k, v]) => `${k}=${SECRET_PARAM.test(k) ? '[redacted]' : encodeURIComponent(v)}`
  )
  return `${url.origin}${url.pathname}?${params.join('&')}`
}
