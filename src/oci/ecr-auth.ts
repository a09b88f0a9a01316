// Native credentials for Amazon ECR and ECR Public (registry-protocol.md §3.2,
// §3.3; R-CRED-5, R-CRED-6): when the credential chain has nothing for an ECR
// host and the environment holds AWS credentials, ask GetAuthorizationToken,
// signed with SigV4, for the `AWS` password docker login would use.
import { UserError } from '../errors.js'
import { nullLogger, type Logger } from '../logger.js'
import type { Credential, CredentialSource } from './credentials.js'
import { apiError, callApi, jsonOf, type ApiAnswer } from './delete/api.js'
import { signV4, type AwsCredentials } from './delete/sigv4.js'
import { decodeAuth } from './docker-config.js'
import { UnreachableRegistryError } from './errors.js'
import type { Transport } from './transport.js'
import { ecrApi, ecrRegistryOf, type EcrRegistry } from './ecr-hosts.js'

const CONTENT_TYPE = 'application/x-amz-json-1.1'
/** The username every ECR token goes with. */
const ECR_USERNAME = 'AWS'
/** "The authorization token is valid for 12 hours": assumed when an answer has no expiresAt. */
const DEFAULT_LIFETIME_MS = 12 * 60 * 60 * 1000

/** How ECR tokens are obtained; read from the environment by the CLI and the action. */
export interface EcrAuthSettings {
  /** AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; without them no token is asked for. */
  credentials?: AwsCredentials
  /** Private ECR API endpoint (AWS_ENDPOINT_URL_ECR); default `https://api.ecr.<region>.<domain>/`. */
  endpoint?: string
  /** ECR Public API endpoint (AWS_ENDPOINT_URL_ECR_PUBLIC); default `https://api.ecr-public.us-east-1.amazonaws.com/`. */
  publicEndpoint?: string
  /**
   * Registry hosts that reach an ECR registry under another name (a proxy, a
   * DNS alias), mapped to the ECR host whose token they take.
   */
  aliases?: Record<string, string>
  /** Called with every secret as soon as it is derived, before anything can log it (the action masks them). */
  onSecret?: (secret: string) => void
  /** Clock for the token cache (tests). */
  now?: () => number
}

interface CachedToken {
  credential: Promise<Credential>
  /** When the token counts as stale: half its lifetime (ecr-login cache/credentials.go IsValid). */
  staleAt: number
}

/**
 * `chain` first (explicit inputs, DOCKER_AUTH_CONFIG, config.json helpers and
 * auths keep their precedence, R-CRED-1); for an ECR host it has nothing for,
 * a GetAuthorizationToken answer. Without AWS credentials an ECR host stays
 * anonymous, as before: ECR Public serves anonymous pulls, and a private
 * registry's 401 says no credentials are configured. A failed call is an
 * error for that host, never anonymous access.
 */
export function withEcrCredentials(
  chain: CredentialSource | undefined,
  settings: EcrAuthSettings,
  transport: Transport,
  logger: Logger = nullLogger
): CredentialSource {
  const now = settings.now ?? Date.now
  const tokens = new Map<string, CachedToken>()

  function cachedToken(registry: string, ecr: EcrRegistry, aws: AwsCredentials): Promise<Credential> {
    const key = ecr.kind === 'public' ? 'public' : `${ecr.region}/${ecr.account}`
    const cached = tokens.get(key)
    if (cached !== undefined && now() < cached.staleAt) return cached.credential
    const issuedAt = now()
    const credential = getAuthorizationToken(transport, registry, ecr, aws, settings, issuedAt).then((answer) => {
      entry.staleAt = issuedAt + (answer.expiresAt - issuedAt) / 2
      // A run longer than that asks again (auth.ts), well before the registry refuses the token.
      return { ...answer.credential, expiresAt: entry.staleAt }
    })
    const entry: CachedToken = { credential, staleAt: Infinity }
    tokens.set(key, entry)
    // A failure is not kept: the next lookup asks again.
    entry.credential.catch(() => {
      if (tokens.get(key) === entry) tokens.delete(key)
    })
    return entry.credential
  }

  return {
    async get(registry) {
      const found = await chain?.get(registry)
      if (found !== undefined) return found
      const alias = settings.aliases?.[registry.toLowerCase()]
      const ecr = ecrRegistryOf(registry, settings.aliases)
      if (ecr === undefined) return undefined
      if (settings.credentials === undefined) {
        logger.debug(`credentials for ${registry}: an ECR registry, but no AWS credentials in the environment`)
        return undefined
      }
      logger.debug(`credentials for ${registry}: ECR GetAuthorizationToken${alias ? ` for ${alias}` : ''}`)
      return { ...(await cachedToken(registry, ecr, settings.credentials)) }
    }
  }
}

interface TokenAnswer {
  credential: Credential
  /** Epoch milliseconds. */
  expiresAt: number
}

interface AuthorizationData {
  authorizationToken?: unknown
  expiresAt?: unknown
}

/** One GetAuthorizationToken call; every failure is one line naming the registry. */
async function getAuthorizationToken(
  transport: Transport,
  registry: string,
  ecr: EcrRegistry,
  aws: AwsCredentials,
  settings: EcrAuthSettings,
  now: number
): Promise<TokenAnswer> {
  const api = ecrApi(ecr, settings)
  const url = new URL(api.endpoint)
  const what = `ECR credentials for ${registry}: GetAuthorizationToken at ${url.host}`
  // registryIds is deprecated (the token reaches every registry the principal may use), still sent for
  // the account the host names, as docker-credential-ecr-login does.
  const body = Buffer.from(JSON.stringify(ecr.kind === 'private' ? { registryIds: [ecr.account] } : {}))
  const headers = signV4(
    {
      method: 'POST',
      url,
      headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': `${api.targetPrefix}GetAuthorizationToken` },
      body
    },
    aws,
    { region: api.region, service: api.service, now: new Date() }
  )
  let answer: ApiAnswer
  try {
    answer = await callApi(transport, what, url, { method: 'POST', headers, body })
  } catch (error) {
    if (error instanceof UnreachableRegistryError) {
      throw new UserError(`${what}: cannot reach ${error.host}: ${error.reason}`, { cause: error })
    }
    throw error
  }
  if (answer.status !== 200) {
    const denied = answer.status === 403 || answer.body.includes('AccessDenied')
    throw apiError(what, answer, denied ? `the AWS credentials need ${permissionsOf(ecr)}` : undefined)
  }
  // The answer holds the secret: only its shape goes into messages, never its text.
  const doc = jsonOf<{ authorizationData?: unknown }>(what, answer)
  const data = (ecr.kind === 'public' ? doc.authorizationData : firstOf(doc.authorizationData)) as
    | AuthorizationData
    | undefined
  const token = data?.authorizationToken
  if (typeof token !== 'string' || token === '') {
    throw new UserError(`${what}: the answer holds no authorizationData with an authorizationToken`)
  }
  settings.onSecret?.(token)
  const { username, password } = decodeAuth(token, what, registry)
  settings.onSecret?.(password)
  if (username !== ECR_USERNAME) {
    throw new UserError(`${what}: the token is for user ${username}, not ${ECR_USERNAME}`)
  }
  return { credential: { username, password }, expiresAt: expiryOf(data?.expiresAt, now) }
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined
}

/** expiresAt is epoch seconds (AWS JSON protocol timestamps); 12 hours from now when absent. */
function expiryOf(value: unknown, now: number): number {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  return Number.isFinite(seconds) ? seconds * 1000 : now + DEFAULT_LIFETIME_MS
}

/** The IAM actions GetAuthorizationToken needs, for the AccessDenied hint. */
function permissionsOf(ecr: EcrRegistry): string {
  return ecr.kind === 'public'
    ? 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken'
    : 'ecr:GetAuthorizationToken'
}
