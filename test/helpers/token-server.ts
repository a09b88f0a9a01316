// A Docker registry token server for tests (distribution spec/auth/token.md,
// jwt.md, oauth.md; test-harness.md §1.3). node:http and node:crypto only.
// It issues ES256/RS256 JWTs that distribution 2.8.2 accepts, records every
// token request so tests can assert token caching (R-AUTH-2), and has
// switches for the negative cases (malformed aud, expired, wrong access).
import { execFile } from 'node:child_process'
import { createHash, createPrivateKey, randomBytes, randomUUID, sign, X509Certificate } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** One requested resource scope, parsed from both ends (scope.md, AT-AUTH-4). */
export interface Scope {
  type: string
  name: string
  actions: string[]
}

/** What the server saw for one token request. */
export interface TokenRequestRecord {
  method: 'GET' | 'POST'
  /** `basic` (GET with Basic), `password` / `refresh_token` (OAuth2 POST), or `anonymous`. */
  grant: 'basic' | 'password' | 'refresh_token' | 'anonymous'
  account: string
  service: string
  scopes: Scope[]
  /** HTTP status the server answered with. */
  status: number
}

/** Behaviour of a token server; every field has a default that distribution 2.8.2 accepts. */
export interface TokenServerOptions {
  /** PEM of the signing key (EC P-256 → ES256, RSA → RS256). */
  keyPem: string
  /** PEM of the certificate holding the signing key's public key. */
  certPem: string
  /** user → password; an authenticated user gets every action it asks for. */
  users?: Record<string, string>
  /** `iss` claim: must equal the registry's `auth.token.issuer`. */
  issuer?: string
  /** How the JWT header names the key: libtrust `kid` (default), `x5c` chain or `jwk`. */
  keyIdentifier?: 'kid' | 'x5c' | 'jwk'
  /** Which token fields the response carries (AT-AUTH-2). */
  responseFields?: 'both' | 'token' | 'access_token'
  /** `expires_in` in the response, seconds; omitted from the body when null. */
  expiresIn?: number | null
  /** Negative test: `aud` as a JSON array, which 2.8.2 rejects as "malformed token". */
  audAsArray?: boolean
  /** Negative test: added to `exp` (e.g. -420 makes the token expired past the 60 s leeway). */
  expOffsetSeconds?: number
  /** Negative test: every access entry names this repository instead of the requested one. */
  forceAccessName?: string
  /** Answer OAuth2 POSTs (oauth.md); when false they get 404 so clients fall back to GET. */
  oauth?: boolean
}

/** A running token server. */
export interface TokenServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  url: string
  /** The realm a registry advertises: `<url>/token`. */
  realm: string
  /** Every token request so far, oldest first (the same list `GET /requests` returns). */
  readonly requests: readonly TokenRequestRecord[]
  /** Number of token requests so far. */
  readonly count: number
  close(): Promise<void>
}

/** Creates an EC P-256 signing key and self-signed certificate with openssl; returns their paths. */
export async function generateTokenKey(dir: string): Promise<{ keyFile: string; certFile: string }> {
  const keyFile = join(dir, 'token.key')
  const certFile = join(dir, 'token.crt')
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '3650', '-subj', '/CN=image-mirror-test-token-issuer'
  ])
  return { keyFile, certFile }
}

/** Reads the requests a token server has recorded, from any process (it serves them at GET /requests). */
export async function fetchTokenRequests(tokenServerUrl: string): Promise<TokenRequestRecord[]> {
  const res = await fetch(`${tokenServerUrl}/requests`)
  if (!res.ok) throw new Error(`token server ${tokenServerUrl} answered ${res.status} for /requests`)
  return (await res.json()) as TokenRequestRecord[]
}

/**
 * The libtrust key ID distribution matches a JWT `kid` against: SHA-256 of the
 * DER SubjectPublicKeyInfo, first 240 bits, base32, groups of 4 joined by `:`.
 */
export function libtrustKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' })
  const hash = createHash('sha256').update(der).digest().subarray(0, 30)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of hash) {
    value = ((value << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return (out.match(/.{4}/g) as string[]).join(':')
}

/** Parses one scope from both ends: the name may hold a `:` (a registry port). */
export function parseScope(scope: string): Scope | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first < 0 || last === first) return undefined
  const actions = scope.slice(last + 1).split(',').filter((a) => a !== '')
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions }
}

/** Starts a token server on 127.0.0.1 with an ephemeral port. */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const key = createPrivateKey(options.keyPem)
  const cert = new X509Certificate(options.certPem)
  const alg = key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256'
  const keyHeader = jwtKeyHeader(options.keyIdentifier ?? 'kid', cert)
  const users = options.users ?? {}
  const refreshTokens = new Map<string, string>()
  const requests: TokenRequestRecord[] = []

  const issue = (account: string, service: string, scopes: Scope[]): string => {
    const now = Math.floor(Date.now() / 1000)
    const granted = scopes.map((s) => ({
      type: s.type,
      name: options.forceAccessName ?? s.name,
      // Anonymous callers may only read; the spec returns the intersection, never an error.
      actions: account === '' ? s.actions.filter((a) => a === 'pull') : s.actions
    }))
    const claims = {
      iss: options.issuer ?? 'test-issuer',
      sub: account,
      aud: options.audAsArray === true ? [service] : service,
      exp: now + 300 + (options.expOffsetSeconds ?? 0),
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: granted
    }
    const signingInput = `${b64url(JSON.stringify({ typ: 'JWT', alg, ...keyHeader }))}.${b64url(JSON.stringify(claims))}`
    // JOSE wants ECDSA signatures as raw r‖s, not DER.
    const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' })
    return `${signingInput}.${b64url(signature)}`
  }

  const respond = (res: ServerResponse, account: string, service: string, scopes: Scope[], extra: object) => {
    const token = issue(account, service, scopes)
    const fields = options.responseFields ?? 'both'
    const expiresIn = options.expiresIn === undefined ? 300 : options.expiresIn
    const body: Record<string, unknown> = { issued_at: new Date().toISOString(), ...extra }
    if (fields !== 'access_token') body.token = token
    if (fields !== 'token') body.access_token = token
    if (expiresIn !== null) body.expires_in = expiresIn
    json(res, 200, body)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'GET' && url.pathname === '/requests') return json(res, 200, requests)
    if (url.pathname !== '/token') return json(res, 404, { error: 'not found' })
    const record = (r: Omit<TokenRequestRecord, 'method'>) =>
      requests.push({ method: req.method === 'POST' ? 'POST' : 'GET', ...r })

    if (req.method === 'GET') {
      const service = url.searchParams.get('service') ?? ''
      const scopes = url.searchParams.getAll('scope').flatMap(splitScopes)
      const basic = parseBasic(req.headers.authorization)
      if (basic === undefined) {
        record({ grant: 'anonymous', account: '', service, scopes, status: 200 })
        return respond(res, '', service, scopes, {})
      }
      if (users[basic.user] !== basic.password) {
        record({ grant: 'basic', account: basic.user, service, scopes, status: 401 })
        return json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'invalid username or password' }] })
      }
      const extra = url.searchParams.get('offline_token') === 'true' ? { refresh_token: newRefresh(basic.user) } : {}
      record({ grant: 'basic', account: basic.user, service, scopes, status: 200 })
      return respond(res, basic.user, service, scopes, extra)
    }

    if (req.method === 'POST') {
      if (options.oauth === false) return json(res, 404, { error: 'not found' })
      const form = new URLSearchParams(await readBody(req))
      const service = form.get('service') ?? ''
      const scopes = splitScopes(form.get('scope') ?? '')
      const grant = form.get('grant_type')
      let account: string | undefined
      if (grant === 'password') {
        const user = form.get('username') ?? ''
        if (users[user] === form.get('password')) account = user
      } else if (grant === 'refresh_token') {
        account = refreshTokens.get(form.get('refresh_token') ?? '')
      } else {
        return json(res, 400, { error: 'unsupported_grant_type' })
      }
      const grantName = grant === 'password' ? 'password' : 'refresh_token'
      if (account === undefined) {
        record({ grant: grantName, account: form.get('username') ?? '', service, scopes, status: 401 })
        return json(res, 401, { error: 'invalid_grant' })
      }
      const extra: Record<string, string> = { scope: scopes.map(formatScope).join(' ') }
      if (form.get('access_type') === 'offline') extra.refresh_token = newRefresh(account)
      record({ grant: grantName, account, service, scopes, status: 200 })
      return respond(res, account, service, scopes, extra)
    }
    json(res, 405, { error: 'method not allowed' })
  }

  const newRefresh = (account: string): string => {
    const token = randomBytes(24).toString('hex')
    refreshTokens.set(token, account)
    return token
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // The harness stops servers explicitly; unref keeps a forgotten one from holding a test process open.
  server.unref()
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    realm: `${url}/token`,
    requests,
    get count() {
      return requests.length
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Starts a token server from key and certificate files. */
export async function startTokenServerFromFiles(
  files: { keyFile: string; certFile: string },
  options: Omit<TokenServerOptions, 'keyPem' | 'certPem'> = {}
): Promise<TokenServer> {
  const [keyPem, certPem] = await Promise.all([readFile(files.keyFile, 'utf8'), readFile(files.certFile, 'utf8')])
  return startTokenServer({ ...options, keyPem, certPem })
}

function jwtKeyHeader(kind: 'kid' | 'x5c' | 'jwk', cert: X509Certificate): Record<string, unknown> {
  if (kind === 'x5c') return { x5c: [cert.raw.toString('base64')] }
  if (kind === 'jwk') return { jwk: cert.publicKey.export({ format: 'jwk' }) }
  return { kid: libtrustKeyId(cert.publicKey) }
}

/** A `scope` value may hold several space-separated scopes (accesscontroller.go joins them with spaces). */
function splitScopes(value: string): Scope[] {
  return value
    .split(' ')
    .map(parseScope)
    .filter((s): s is Scope => s !== undefined)
}

function formatScope(s: Scope): string {
  return `${s.type}:${s.name}:${s.actions.join(',')}`
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header ?? '')
  if (match === null) return undefined
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return { user: decoded, password: '' }
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) })
  res.end(data)
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url')
}
