// Amazon ECR registry hosts and their API endpoints (registry-protocol §3.2,
// §3.3), shared by GetAuthorizationToken (ecr-auth.ts) and BatchDeleteImage
// (delete/ecr.ts).

/** A parsed ECR registry host (amazon-ecr-credential-helper's pattern, registry-protocol §3.2). */
export interface EcrHost {
  account: string
  region: string
  fips: boolean
  /** `amazonaws.com`, `amazonaws.com.cn`, … */
  domain: string
}

const ECR_HOST =
  /^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/

/** The account, region and domain of an ECR host; undefined for any other host. */
export function parseEcrHost(registry: string): EcrHost | undefined {
  const m = ECR_HOST.exec(registry.toLowerCase())
  if (m === null) return undefined
  return { account: m[1]!, region: m[3]!, fips: m[2] !== undefined, domain: m[4]! }
}

/** ECR Public's registry host and its dual-stack name. */
const ECR_PUBLIC_HOSTS = new Set(['public.ecr.aws', 'ecr-public.aws.com'])
/** "The ECR Public API is only available in us-east-1" (amazon-ecr-credential-helper factory.go). */
const ECR_PUBLIC_REGION = 'us-east-1'
/** A private ECR registry (account, region, FIPS, partition domain) or ECR Public. */
export type EcrRegistry = ({ kind: 'private' } & EcrHost) | { kind: 'public' }

/** What kind of ECR registry `host` is, if any: private (parseEcrHost) or ECR Public. */
export function parseEcrRegistry(host: string): EcrRegistry | undefined {
  const lower = host.toLowerCase()
  if (ECR_PUBLIC_HOSTS.has(lower)) return { kind: 'public' }
  const ecr = parseEcrHost(lower)
  return ecr === undefined ? undefined : { kind: 'private', ...ecr }
}

// Dual-stack registry names (`on.aws`) use the API of their partition's
// regular domain; FIPS registries the FIPS endpoint.
const API_DOMAIN: Record<string, string> = {
  'on.aws': 'amazonaws.com',
  'on.amazonwebservices.com.cn': 'amazonaws.com.cn'
}

/** `https://api.ecr.<region>.<domain>/`, or `https://ecr-fips.<region>.<domain>/`. */
export function ecrApiEndpoint(region: string, domain: string, fips: boolean): string {
  const apiDomain = API_DOMAIN[domain] ?? domain
  return fips ? `https://ecr-fips.${region}.${apiDomain}/` : `https://api.ecr.${region}.${apiDomain}/`
}

/** The ECR Public API, in its one region. */
const ECR_PUBLIC_API = `https://api.ecr-public.${ECR_PUBLIC_REGION}.amazonaws.com/`

/** Where an ECR registry's JSON API is, how calls to it are signed, and its operations' X-Amz-Target prefix. */
export interface EcrApi {
  endpoint: string
  region: string
  service: 'ecr' | 'ecr-public'
  targetPrefix: string
}

/**
 * The API of ECR Public, or of a private registry's region and partition;
 * `endpoints` overrides the default URLs (AWS_ENDPOINT_URL_ECR[_PUBLIC]).
 */
export function ecrApi(
  registry: { kind: 'public' } | { kind: 'private'; region: string; domain: string; fips: boolean },
  endpoints: { endpoint?: string; publicEndpoint?: string }
): EcrApi {
  if (registry.kind === 'public') {
    return {
      endpoint: endpoints.publicEndpoint ?? ECR_PUBLIC_API,
      region: ECR_PUBLIC_REGION,
      service: 'ecr-public',
      targetPrefix: 'SpencerFrontendService.'
    }
  }
  return {
    endpoint: endpoints.endpoint ?? ecrApiEndpoint(registry.region, registry.domain, registry.fips),
    region: registry.region,
    service: 'ecr',
    targetPrefix: 'AmazonEC2ContainerRegistry_V20150921.'
  }
}

/** The ECR registry `host` is, or is named as in `aliases` (IMAGE_MIRROR_ECR_HOSTS). */
export function ecrRegistryOf(host: string, aliases?: Record<string, string>): EcrRegistry | undefined {
  return parseEcrRegistry(aliases?.[host.toLowerCase()] ?? host)
}
