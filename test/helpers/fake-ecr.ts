// A fake of the ECR and ECR Public GetAuthorizationToken APIs (registry-protocol
// §3.2, §3.3): the documented request (POST /, X-Amz-Target, JSON 1.1 body,
// SigV4 with the right region and service, checked with the signer's own
// steps) and the documented answer (base64 `AWS:<password>`, expiresAt in epoch
// seconds). Real AWS cannot be reached from tests; the password it hands out is
// the one a real htpasswd registry started by the test accepts.
import { createHmac } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { canonicalRequest, signingKey, stringToSign } from '../../src/oci/delete/sigv4.js'
import { reply, startServer, type SeenRequest, type TestServer } from './tamper-proxy.js'

export const FAKE_AWS = {
  accessKeyId: 'AKIDIMAGEMIRRORECR',
  secretAccessKey: 'fake-ecr-secret-Zq8Kx2',
  sessionToken: 'fake-ecr-session-Yp4Lw9'
}

const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' }

export interface FakeEcrOptions {
  kind: 'private' | 'public'
  /** The password the token carries (`AWS:<password>`, base64). */
  password: string
  /** Region the signature must be scoped to: the registry's, or us-east-1 for ECR Public. */
  region: string
  /** Account expected in registryIds (private). */
  account?: string
  /** Lifetime the answer's expiresAt gives, from `now()` (default 12 h). */
  lifetimeMs?: number
  now?: () => number
  /** Replaces the answer of a valid request (AccessDenied and the like). */
  answer?: (res: ServerResponse) => void
}

/** Why a request is not what the API documents, or undefined when it is. */
export function requestProblem(req: SeenRequest, opts: FakeEcrOptions): string | undefined {
  const target =
    opts.kind === 'public'
      ? 'SpencerFrontendService.GetAuthorizationToken'
      : 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken'
  if (req.method !== 'POST' || req.url !== '/') return `unexpected ${req.method} ${req.url}`
  if (req.headers['x-amz-target'] !== target) return `unexpected X-Amz-Target ${req.headers['x-amz-target']}`
  if (req.headers['content-type'] !== JSON_11['content-type']) return 'unexpected Content-Type'
  const body = req.body.toString('utf8')
  const expected = opts.kind === 'public' ? '{}' : JSON.stringify({ registryIds: [opts.account] })
  if (body !== expected) return `unexpected body ${body}`
  if (req.headers['x-amz-security-token'] !== FAKE_AWS.sessionToken) return 'missing X-Amz-Security-Token'
  return sigV4Problem(req, opts.region, opts.kind === 'public' ? 'ecr-public' : 'ecr')
}

/** Checks the SigV4 Authorization with the signer's own steps. */
function sigV4Problem(req: SeenRequest, wantRegion: string, wantService: string): string | undefined {
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization)
    )
  if (auth === null) return 'malformed Authorization header'
  const [, akid, date, region, service, signed, signature] = auth as unknown as string[]
  if (akid !== FAKE_AWS.accessKeyId) return `unknown access key ${akid}`
  if (region !== wantRegion || service !== wantService) return `signed for ${region}/${service}`
  if (!signed!.split(';').includes('x-amz-target')) return 'X-Amz-Target is not signed'
  const stamp = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(req.headers['x-amz-date']))
  if (stamp === null || `${stamp[1]}${stamp[2]}${stamp[3]}` !== date) return 'bad X-Amz-Date'
  const scope = {
    region,
    service,
    now: new Date(`${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:${stamp[6]}Z`)
  }
  const headers = Object.fromEntries(
    signed!.split(';').filter((n) => n !== 'host').map((n) => [n, String(req.headers[n])])
  )
  const url = new URL(req.url, `http://${req.headers.host}`)
  const { text } = canonicalRequest({ method: req.method, url, headers, body: req.body })
  const expected = createHmac('sha256', signingKey(FAKE_AWS.secretAccessKey, scope))
    .update(stringToSign(text, scope))
    .digest('hex')
  return expected === signature ? undefined : 'signature does not match'
}

/** The token the fake hands out: base64 of `AWS:<password>`. */
export function ecrToken(password: string): string {
  return Buffer.from(`AWS:${password}`).toString('base64')
}

/** Starts the fake API; a request it does not document gets a 400 naming the problem. */
export async function startFakeEcr(opts: FakeEcrOptions): Promise<TestServer> {
  return startServer((req, res) => {
    const problem = requestProblem(req, opts)
    if (problem !== undefined) return reply(res, 400, JSON_11, { __type: 'InvalidRequest', message: problem })
    if (opts.answer !== undefined) return opts.answer(res)
    const expiresAt = ((opts.now ?? Date.now)() + (opts.lifetimeMs ?? 12 * 3600_000)) / 1000
    const data = { authorizationToken: ecrToken(opts.password), expiresAt }
    const body =
      opts.kind === 'public'
        ? { authorizationData: data }
        : {
            authorizationData: [
              { ...data, proxyEndpoint: `https://${opts.account}.dkr.ecr.${opts.region}.amazonaws.com` }
            ]
          }
    reply(res, 200, JSON_11, body)
  })
}
