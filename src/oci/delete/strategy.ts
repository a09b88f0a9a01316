// Which API removes a tag on which registry (registry-protocol §6.2, R-DEL-2),
// chosen from the registry host unless the caller names a strategy.
import { UserError } from '../../errors.js'
import { ecrRegistryOf } from '../ecr-hosts.js'
import type { AwsCredentials } from './sigv4.js'

/** The tag-delete strategies, one per registry family. */
export const DELETE_STRATEGIES = ['generic', 'ecr', 'gitlab', 'harbor', 'dockerhub', 'ghcr'] as const
export type DeleteStrategy = (typeof DELETE_STRATEGIES)[number]

/** Where the vendor APIs are and what they are called with; every field optional. */
export interface DeleteVendorOptions {
  ecr?: {
    credentials?: AwsCredentials
    /** API endpoint (AWS_ENDPOINT_URL_ECR); default `https://api.ecr.<region>.<domain>`. */
    endpoint?: string
    /** ECR Public API endpoint (AWS_ENDPOINT_URL_ECR_PUBLIC); default `https://api.ecr-public.us-east-1.amazonaws.com/`. */
    publicEndpoint?: string
    /** Signing region when the registry host does not name one. */
    region?: string
    /** Registry hosts that reach an ECR registry under another name, mapped to that ECR host (IMAGE_MIRROR_ECR_HOSTS). */
    aliases?: Record<string, string>
  }
  gitlab?: {
    /** A personal/project/group access token (PRIVATE-TOKEN) or a CI job token (JOB-TOKEN). */
    token?: { kind: 'private' | 'job'; value: string }
    /** REST API base, default https://gitlab.com/api/v4. */
    apiUrl?: string
    /** Registry hosts that are GitLab registries besides registry.gitlab.com. */
    hosts?: string[]
  }
  harbor?: {
    /** Registry hosts that are Harbor instances (Harbor cannot be told from its host name). */
    hosts?: string[]
  }
  dockerhub?: {
    /** Hub API base, default https://hub.docker.com. */
    apiUrl?: string
  }
  ghcr?: {
    /** A token allowed to delete package versions (delete:packages). */
    token?: string
    /** REST API base, default https://api.github.com. */
    apiUrl?: string
    /** GHCR deletes whole package versions: without this the ghcr strategy refuses. */
    allowVersionDelete?: boolean
  }
}

const DOCKER_HUB_HOSTS = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com'
])

/**
 * The strategy for a registry host: ECR (private and Public, or a host named
 * as one), GHCR, Docker Hub and GitLab by name, Harbor and self-hosted GitLab
 * when listed.
 */
export function detectStrategy(registry: string, vendors: DeleteVendorOptions = {}): DeleteStrategy {
  const host = registry.toLowerCase()
  const listed = (hosts: string[] | undefined) => hosts?.some((h) => h.toLowerCase() === host) === true
  if (ecrRegistryOf(host, vendors.ecr?.aliases) !== undefined) return 'ecr'
  if (host === 'ghcr.io') return 'ghcr'
  if (DOCKER_HUB_HOSTS.has(host)) return 'dockerhub'
  if (host === 'registry.gitlab.com' || listed(vendors.gitlab?.hosts)) return 'gitlab'
  if (listed(vendors.harbor?.hosts)) return 'harbor'
  return 'generic'
}

/** Parses a strategy name (flag or input); the error names the choices. */
export function parseDeleteStrategy(value: string, from: string): DeleteStrategy {
  if ((DELETE_STRATEGIES as readonly string[]).includes(value)) return value as DeleteStrategy
  throw new UserError(`${from} must be one of ${DELETE_STRATEGIES.join(', ')} (got "${value}")`)
}
