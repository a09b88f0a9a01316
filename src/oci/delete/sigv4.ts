// AWS Signature Version 4 for the ECR API (registry-protocol §3.2): the
// canonical request, the string to sign and the derived signing key of the
// AWS "Create a signed AWS API request" guide, with node:crypto only.

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  /** Present for temporary (STS) credentials; sent as X-Amz-Security-Token. */
  sessionToken?: string
}

export interface SigningRequest {
  method: string
  url: URL
  /** Headers to send and sign (names in any case); `host` is taken from the URL. */
  headers: Record<string, string>
  body: Buffer | string
}

export interface SigningScope {
  region: string
  service: string
  now: Date
}

const ALGORITHM = 'AWS4-HMAC-SHA256'

/** `20150830T123600Z`: ISO 8601 basic format, UTC, no fractions. */
export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ escaped. */
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function sha256Hex(data: Buffer | string): string {
  return crypto().createHash('sha256').update(data).digest('hex')
}

function hmac(key: Buffer | string, data: string): Buffer {
  return crypto().createHmac('sha256', key).update(data).digest()
}

/** Lower-cased, trimmed, sorted headers with `host`: what gets signed. */
function signedHeaderMap(req: SigningRequest): Array<[string, string]> {
  const map = new Map<string, string>([['host', req.url.host]])
  for (const [name, value] of Object.entries(req.headers)) {
    map.set(name.toLowerCase(), value.trim().replace(/\s+/g, ' '))
  }
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * The canonical request: method, path (each segment encoded once more than
 * the URL has it, as every service but S3 expects), sorted query, headers,
 * signed header names, payload hash.
 */
export function canonicalRequest(req: SigningRequest): { text: string; signedHeaders: string } {
  const path = req.url.pathname.split('/').map(uriEncode).join('/') || '/'
  const query = [...req.url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : 1) : ka < kb ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const headers = signedHeaderMap(req)
  const signedHeaders = headers.map(([n]) => n).join(';')
  const text = [
    req.method,
    path,
    query,
    headers.map(([n, v]) => `${n}:${v}\n`).join(''),
    signedHeaders,
    sha256Hex(req.body)
  ].join('\n')
  return { text, signedHeaders }
}

/** `<yyyymmdd>/<region>/<service>/aws4_request` */
export function credentialScope(scope: SigningScope): string {
  return `${amzDate(scope.now).slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`
}

export function stringToSign(canonical: string, scope: SigningScope): string {
  return [ALGORITHM, amzDate(scope.now), credentialScope(scope), sha256Hex(canonical)].join('\n')
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request") */
export function signingKey(secretAccessKey: string, scope: SigningScope): Buffer {
  const date = hmac(`AWS4${secretAccessKey}`, amzDate(scope.now).slice(0, 8))
  return hmac(hmac(hmac(date, scope.region), scope.service), 'aws4_request')
}

/**
 * Signs a request: returns the headers to send, the caller's plus
 * X-Amz-Date, X-Amz-Security-Token (temporary credentials) and Authorization.
 */
export function signV4(
  req: SigningRequest,
  credentials: AwsCredentials,
  scope: SigningScope
): Record<string, string> {
  const headers: Record<string, string> = { ...req.headers, 'x-amz-date': amzDate(scope.now) }
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken
  const { text, signedHeaders } = canonicalRequest({ ...req, headers })
  const signature = hmac(
    signingKey(credentials.secretAccessKey, scope),
    stringToSign(text, scope)
  ).toString('hex')
  headers.authorization =
    `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope(scope)}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`
  return headers
}

/** node:crypto on first use: this module loads with the registry client, signing is rare. */
function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto')
}
