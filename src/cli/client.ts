import { appendFileSync, readFileSync } from 'node:fs'
import { UserError, errorMessage } from '../errors.js'
import { RegistryClient } from '../oci/client.js'
import { defaultCredentialSource } from '../oci/credentials.js'
import { ecrAuthFromEnv } from '../ecr-env.js'
import { Transport } from '../oci/transport.js'
import type { CommandContext } from './command.js'

/** Builds the registry client a command uses, from the global options. */
export function registryClient(ctx: CommandContext): RegistryClient {
  const transport = new Transport({
    credentials: defaultCredentialSource({ env: ctx.env, logger: ctx.logger }),
    ecr: ecrAuthFromEnv(ctx.env),
    insecure: ctx.global.insecure,
    ca: ctx.global.caFile === undefined ? undefined : readCa(ctx.global.caFile),
    logger: ctx.logger,
    onRequest: requestTrace(ctx.env.IMAGE_MIRROR_TRACE),
    schemeProbes: ctx.schemeProbes
  })
  return new RegistryClient(transport, {
    logger: ctx.logger,
    unauthorizedIsAbsent: ctx.global.unauthorizedIsAbsent
  })
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read --ca-file ${path}: ${errorMessage(error)}`)
  }
}

/**
 * IMAGE_MIRROR_TRACE=FILE appends one JSON line per HTTP request (method,
 * URL without query, status): how benchmarks and users count requests.
 */
function requestTrace(file: string | undefined) {
  if (!file) return undefined
  return (info: { method: string; url: string; status: number }) => {
    const url = info.url.split('?')[0]
    appendFileSync(file, JSON.stringify({ method: info.method, url, status: info.status }) + '\n')
  }
}
