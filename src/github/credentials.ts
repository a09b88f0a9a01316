import * as core from '@actions/core'
import { ecrAuthFromEnv } from '../ecr-env.js'
import type { Logger } from '../logger.js'
import {
  defaultCredentialSource,
  type Credential,
  type CredentialSource
} from '../oci/credentials.js'
import type { EcrAuthSettings } from '../oci/ecr-auth.js'
import { parseRepository } from '../oci/reference.js'
import type { RunContext } from './context.js'
import type { Inputs } from './inputs.js'

const GHCR = 'ghcr.io'

/**
 * Registry credentials on a GitHub runner, first hit wins:
 *   1. registry-username / registry-password, for the image's registry only;
 *   2. the chain every surface uses: DOCKER_AUTH_CONFIG, the docker config that
 *      docker/login-action writes, the containers auth file;
 *   3. for ghcr.io only, github-token as the workflow's actor: what most
 *      workflows pushing to their own repository's packages need.
 */
export function actionCredentials(
  inputs: Inputs,
  ctx: RunContext,
  env: NodeJS.ProcessEnv,
  logger: Logger
): CredentialSource {
  const registry = parseRepository(inputs.image).registry
  const explicit: Record<string, Credential> = inputs.registryLogin
    ? { [registry]: { ...inputs.registryLogin } }
    : {}
  const chain = defaultCredentialSource({ env, explicit, logger })
  const token = inputs.githubToken
  if (token === undefined) return chain
  const fallback: Credential = { username: ctx.actor || 'github-actions', password: token }
  return {
    async get(host) {
      const found = await chain.get(host)
      if (found !== undefined || host !== GHCR) return found
      logger.debug(`credentials for ${GHCR}: github-token as ${fallback.username}`)
      return { ...fallback }
    }
  }
}

/**
 * Native ECR credentials on a runner: the AWS variables aws-actions/configure-aws-credentials
 * exports. Every token and password derived is masked before anything can log it (R-CRED-4).
 */
export function actionEcrAuth(env: NodeJS.ProcessEnv): EcrAuthSettings {
  return { ...ecrAuthFromEnv(env), onSecret: (secret) => core.setSecret(secret) }
}
