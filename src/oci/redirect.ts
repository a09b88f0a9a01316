// The redirect policy of the transport (R-RED-1): redirects are followed by
// hand, one hop at a time, so that every hop is checked and credentials are
// decided per hop from the registry's own origin (never from "the previous
// hop was same-origin", the Go CVE-2024-45336 pattern).
import { isIP } from 'node:net'
import { UserError } from '../errors.js'
import { redactedLocation } from './errors.js'

/** regclient and most clients stop after 10 hops. */
export const MAX_REDIRECTS = 10

/** Headers that carry credentials; dropped on every hop off the registry origin (R-RED-1). */
export const CREDENTIAL_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'private-token',
  'job-token',
  'x-api-key'
]

/** A redirect the client refuses to follow. */
export class RedirectRefusedError extends UserError {
  override name = 'RedirectRefusedError'
}

/** True for the statuses whose Location is followed. */
export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/**
 * The method of the next hop: 303 turns anything but HEAD into GET, 301/302
 * turn POST into GET (as browsers and undici do); otherwise method and body are kept.
 */
export function redirectMethod(
  status: number,
  method: string
): { method: string; keepBody: boolean } {
  if (status === 303 && method !== 'HEAD') return { method: 'GET', keepBody: false }
  if ((status === 301 || status === 302) && method === 'POST')
    return { method: 'GET', keepBody: false }
  return { method, keepBody: true }
}

/**
 * Resolves a Location against the URL that answered and checks the hop:
 * https→http downgrades are refused, and so is a public host sending the
 * client to a loopback, private or link-local address (SSRF, AT-RED-5:
 * cloud metadata lives at 169.254.169.254).
 */
export function nextHop(location: string, current: URL): URL {
  let next: URL
  try {
    next = new URL(location, current)
  } catch {
    throw new RedirectRefusedError(`${redactedLocation(current)} redirected to an invalid URL`)
  }
  checkHop(current, next)
  return next
}

/** Throws when following `from` → `to` would downgrade or reach into a private network. */
export function checkHop(from: URL, to: URL): void {
  if (to.protocol !== 'https:' && to.protocol !== 'http:') {
    throw new RedirectRefusedError(
      `${redactedLocation(from)} redirected to unsupported scheme ${to.protocol}`
    )
  }
  if (from.protocol === 'https:' && to.protocol === 'http:') {
    throw new RedirectRefusedError(
      `${redactedLocation(from)} redirected from https to plain http (${to.host}): refused`
    )
  }
  // Link-local (cloud metadata) is refused from anywhere else, loopback included.
  if (isLinkLocalHost(to.hostname) && !isLinkLocalHost(from.hostname)) {
    throw new RedirectRefusedError(
      `${redactedLocation(from)} redirected to link-local address ${to.host}: refused`
    )
  }
  if (!isInternalHost(from.hostname) && isInternalHost(to.hostname)) {
    throw new RedirectRefusedError(
      `${redactedLocation(from)} redirected to internal address ${to.host}: refused (a public registry must not send clients into private networks)`
    )
  }
}

/** True when credentials for `registryOrigin` may ride on a request to `url`. */
export function sameOrigin(url: URL, registryOrigin: string): boolean {
  return url.origin === registryOrigin
}

/** Removes every credential-bearing header (case-insensitive). */
export function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADERS.includes(name.toLowerCase())) out[name] = value
  }
  return out
}

/** True for loopback hosts: `localhost`, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = unbracket(hostname).toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || /^::ffff:(127\.|7f)/.test(host)
  return false
}

/**
 * True for loopback, private (RFC 1918, RFC 4193), link-local, CGNAT and
 * unspecified addresses. Host names other than `localhost` are not resolved:
 * the check is on what the redirect names.
 */
export function isInternalHost(hostname: string): boolean {
  if (isLoopbackHost(hostname)) return true
  const host = unbracket(hostname).toLowerCase()
  if (host === 'metadata.google.internal') return true
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number]
    return (
      a === 0 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    )
  }
  if (isIP(host) === 6) {
    if (host === '::') return true
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host)
    if (mapped) {
      // WHATWG URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1
      const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)]
      return isInternalHost(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`)
    }
    return /^f[cd]/.test(host) || /^fe[89ab]/.test(host)
  }
  return false
}

/** True for link-local addresses (169.254.0.0/16, fe80::/10) and the metadata host names. */
export function isLinkLocalHost(hostname: string): boolean {
  const host = unbracket(hostname).toLowerCase()
  if (host === 'metadata.google.internal') return true
  if (isIP(host) === 4) return host.startsWith('169.254.')
  if (isIP(host) === 6) return /^fe[89ab]/.test(host) || /^::ffff:a9fe:/.test(host)
  return false
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}
