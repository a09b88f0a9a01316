// ECR credentials from the environment, read the way the AWS SDKs and
// docker-credential-ecr-login read it: the key pair (with a session token for
// temporary credentials) and the endpoint overrides. The CLI and the action
// both read them here; the registry client gets the result as settings.
import { UserError } from './errors.js'
import type { AwsCredentials } from './oci/delete/sigv4.js'
import type { EcrAuthSettings } from './oci/ecr-auth.js'
import { parseEcrRegistry } from './oci/ecr-hosts.js'

/** The variable naming hosts that reach an ECR registry under another name. */
const ECR_HOSTS_VARIABLE = 'IMAGE_MIRROR_ECR_HOSTS'

const setIn = (env: NodeJS.ProcessEnv) => (name: string) => (env[name] ? env[name] : undefined)

/** AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN); undefined unless both keys are set. */
export function awsCredentialsFromEnv(env: NodeJS.ProcessEnv): AwsCredentials | undefined {
  const set = setIn(env)
  const accessKeyId = set('AWS_ACCESS_KEY_ID')
  const secretAccessKey = set('AWS_SECRET_ACCESS_KEY')
  if (!accessKeyId || !secretAccessKey) return undefined
  return { accessKeyId, secretAccessKey, sessionToken: set('AWS_SESSION_TOKEN') }
}

/** Settings of native ECR credentials (src/oci/ecr-auth.ts) from `env`. */
export function ecrAuthFromEnv(env: NodeJS.ProcessEnv): EcrAuthSettings {
  const set = setIn(env)
  return {
    credentials: awsCredentialsFromEnv(env),
    // The service-specific variable wins over the global one, as in the AWS SDKs.
    endpoint: set('AWS_ENDPOINT_URL_ECR') ?? set('AWS_ENDPOINT_URL'),
    publicEndpoint: set('AWS_ENDPOINT_URL_ECR_PUBLIC') ?? set('AWS_ENDPOINT_URL'),
    aliases: parseEcrAliases(set(ECR_HOSTS_VARIABLE))
  }
}

/**
 * `host=ecr-host,…`: a proxy or DNS name in front of an ECR registry gets the
 * token of the ECR registry it names. Each ECR host must be one (private or
 * public.ecr.aws), so a typo is an error rather than silent anonymous access.
 */
export function parseEcrAliases(value: string | undefined): Record<string, string> {
  const aliases: Record<string, string> = {}
  for (const item of (value ?? '').split(',').map((i) => i.trim()).filter((i) => i !== '')) {
    const [alias, ecrHost, ...rest] = item.split('=').map((p) => p.trim())
    if (!alias || !ecrHost || rest.length > 0 || parseEcrRegistry(ecrHost) === undefined) {
      throw new UserError(
        `${ECR_HOSTS_VARIABLE} entries must be <registry host>=<ECR registry host>, like registry.example.com=123456789012.dkr.ecr.us-east-1.amazonaws.com (got "${item}")`
      )
    }
    aliases[alias.toLowerCase()] = ecrHost.toLowerCase()
  }
  return aliases
}
