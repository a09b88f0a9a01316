// The vendor API settings of tag deletes, read from the environment the way
// each vendor's own tools read it: the AWS SDK variables, GitLab's CI
// variables and tokens, GitHub's token and API URL. The CLI and the action
// both read them here.
import { ecrAuthFromEnv } from './ecr-env.js'
import type { DeleteVendorOptions } from './oci/delete/strategy.js'

/** Settings for every delete strategy from `env`; unset variables leave a field out. */
export function deleteVendorsFromEnv(env: NodeJS.ProcessEnv): DeleteVendorOptions {
  const set = (name: string) => (env[name] ? env[name] : undefined)
  const gitlabToken = set('GITLAB_TOKEN')
  const jobToken = set('CI_JOB_TOKEN')
  // CI_REGISTRY is `host[:port]` of the job's GitLab registry.
  const ciRegistry = set('CI_REGISTRY')
  // The same credentials, endpoints and host names as ECR logins (ecr-env.ts).
  const ecr = ecrAuthFromEnv(env)
  return {
    ecr: {
      credentials: ecr.credentials,
      endpoint: ecr.endpoint,
      publicEndpoint: ecr.publicEndpoint,
      region: set('AWS_REGION') ?? set('AWS_DEFAULT_REGION'),
      aliases: ecr.aliases
    },
    gitlab: {
      token: gitlabToken
        ? { kind: 'private', value: gitlabToken }
        : jobToken
          ? { kind: 'job', value: jobToken }
          : undefined,
      apiUrl: set('CI_API_V4_URL'),
      hosts: ciRegistry ? [ciRegistry] : []
    },
    // Harbor cannot be told from its host name: the user lists its registry hosts.
    harbor: { hosts: (set('IMAGE_MIRROR_HARBOR_HOSTS') ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '') },
    dockerhub: { apiUrl: set('IMAGE_MIRROR_DOCKER_HUB_API_URL') },
    ghcr: { token: set('GITHUB_TOKEN'), apiUrl: set('GITHUB_API_URL') }
  }
}
