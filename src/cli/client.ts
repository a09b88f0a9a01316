import { readFileSync } from 'node:fs'
import { UserError, errorMessage } from '../errors.js'
import { RegistryClient } from '../oci/client.js'
import { defaultCredentialSource } from '../oci/credentials.js'
import { Transport } from '../oci/transport.js'
import type { CommandContext } from './command.js'

/** Builds the registry client a command uses, from the global options. */
export function registryClient(ctx: CommandContext): RegistryClient {
  const transport = new Transport({
    credentials: defaultCredentialSource({ env: ctx.env, logger: ctx.logger }),
    insecure: ctx.global.insecure,
    ca: ctx.global.caFile === undefined ? undefined : readCa(ctx.global.caFile),
    logger: ctx.logger
  })
  return new RegistryClient(transport, { logger: ctx.logger })
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read --ca-file ${path}: ${errorMessage(error)}`)
  }
}
