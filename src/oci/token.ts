// Token exchange with a registry's authorization server (registry-protocol
// §2.1–2.2, distribution docs/spec/auth/token.md and oauth.md).
import { UserError } from '../errors.js'
import type { Credential } from './credentials.js'
import { RegistryError, redactedLocation } from './errors.js'

/** Sent as client_id (R-AUTH-4). */
export const CLIENT_ID = 'image-mirror'

/** Minimal HTTP the token exchange needs; the transport supplies it (its agents, timeouts). */
export type TokenHttp = (
  url: URL,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; registry: string }
) => Promise<{ status: number; text(): Promise<string> }>

export interface TokenRequest {
  /** Registry host the token is for: named in errors. */
  registry: string
  realm: URL
  service?: string
  scopes: string[]
  credential?: Credential
}

export interface IssuedToken {
  token: string
  /** Epoch milliseconds. */
  expiresAt: number
}

/** The token spec's floor and default lifetime (R-AUTH-5). */
const MIN_LIFETIME_S = 60

/**
 * Gets a bearer token: OAuth2 POST with the identity token when there is one
 * (falling back to GET on 404/405, as oauth.md says), otherwise GET with Basic
 * credentials, or anonymously without them (R-AUTH-4, R-AUTH-7).
 */
export async function fetchToken(
  http: TokenHttp,
  req: TokenRequest,
  now: () => number = Date.now
): Promise<IssuedToken> {
  if (req.credential?.identityToken) {
    const res = await http(req.realm, {
      method: 'POST',
      registry: req.registry,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: oauthForm(req, req.credential.identityToken).toString()
    })
    if (res.status !== 404 && res.status !== 405) return readToken(req, 'POST', res, now)
    await res.text()
  }
  const url = new URL(req.realm)
  // GAR sends no service: omit it rather than sending `service=` (§2.3).
  if (req.service) url.searchParams.append('service', req.service)
  for (const scope of req.scopes) url.searchParams.append('scope', scope)
  const headers: Record<string, string> = { accept: 'application/json' }
  const { username, password } = req.credential ?? {}
  if (username !== undefined && password !== undefined) {
    url.searchParams.set('account', username)
    headers.authorization = basicAuthorization(username, password)
  }
  return readToken(
    req,
    'GET',
    await http(url, { method: 'GET', headers, registry: req.registry }),
    now
  )
}

/** `Basic base64(user:pass)`. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

function oauthForm(req: TokenRequest, refreshToken: string): URLSearchParams {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: CLIENT_ID
  })
  if (req.service) form.set('service', req.service)
  // oauth.md: one scope field, space-separated.
  if (req.scopes.length > 0) form.set('scope', req.scopes.join(' '))
  return form
}

async function readToken(
  req: TokenRequest,
  method: string,
  res: { status: number; text(): Promise<string> },
  now: () => number
): Promise<IssuedToken> {
  const body = await res.text()
  if (res.status !== 200) {
    const who = req.credential
      ? 'the credentials were refused'
      : 'anonymous access was refused; configure credentials'
    throw new RegistryError({
      status: res.status,
      method,
      url: req.realm,
      registry: req.registry,
      body,
      hint:
        res.status === 401 || res.status === 403
          ? `token server for ${req.registry}: ${who}`
          : `token server for ${req.registry}`
    })
  }
  let parsed: { access_token?: unknown; token?: unknown; expires_in?: unknown }
  try {
    parsed = JSON.parse(body) as typeof parsed
  } catch {
    throw new UserError(
      `token server ${redactedLocation(req.realm)} for ${req.registry} answered with something that is not JSON`
    )
  }
  // access_token first, then token (R-AUTH-5).
  const token =
    typeof parsed.access_token === 'string' && parsed.access_token
      ? parsed.access_token
      : parsed.token
  if (typeof token !== 'string' || token === '') {
    throw new UserError(
      `token server ${redactedLocation(req.realm)} for ${req.registry} returned no token`
    )
  }
  const expiresIn =
    typeof parsed.expires_in === 'number' && Number.isFinite(parsed.expires_in)
      ? parsed.expires_in
      : 0
  // Expiry counts from local receive time: issued_at may be skewed (R-AUTH-5).
  return { token, expiresAt: now() + Math.max(expiresIn, MIN_LIFETIME_S) * 1000 }
}
