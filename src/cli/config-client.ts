import { appendFileSync, readFileSync } from 'node:fs'
import { UserError, errorMessage } from '../errors.js'
import type { Config } from '../engine/config/types.js'
import { canonicalRegistry } from '../engine/mirror-names.js'
import { RegistryClient } from '../oci/client.js'
import { defaultCredentialSource, type Credential } from '../oci/credentials.js'
import { Transport } from '../oci/transport.js'
import type { CommandContext } from './command.js'
import { deleteVendorsFromEnv } from '../delete-vendors.js'
import { ecrAuthFromEnv } from '../ecr-env.js'

/**
 * Builds the registry client of a command that reads a config file. The
 * file's `registries:` entries add to the global flags: their credentials
 * come first in the credential chain (before DOCKER_AUTH_CONFIG and
 * config.json), `insecure: true` allows plain http and unverified TLS for that
 * host only (--insecure still allows it for all), and every `ca-file` is
 * trusted in addition to --ca-file and the system roots.
 */
export function configRegistryClient(ctx: CommandContext, config: Config): RegistryClient {
  const explicit: Record<string, Credential> = {}
  for (const r of config.registries) {
    if (r.username !== undefined) explicit[r.host] = { username: r.username, password: r.password ?? '' }
  }
  const insecureHosts = new Set(
    config.registries.filter((r) => r.insecure).map((r) => canonicalRegistry(r.host))
  )
  const caFiles: Array<{ path: string; from: string }> = []
  if (ctx.global.caFile !== undefined) caFiles.push({ path: ctx.global.caFile, from: '--ca-file' })
  for (const r of config.registries) {
    if (r.caFile !== undefined) caFiles.push({ path: r.caFile, from: `ca-file of ${r.host}` })
  }
  const ca = caFiles.length === 0 ? undefined : caFiles.map((f) => readCa(f.path, f.from)).join('\n')
  const transport = new Transport({
    credentials: defaultCredentialSource({ env: ctx.env, logger: ctx.logger, explicit }),
    ecr: ecrAuthFromEnv(ctx.env),
    insecure: (registry) => ctx.global.insecure || insecureHosts.has(canonicalRegistry(registry)),
    ca,
    logger: ctx.logger,
    onRequest: requestTrace(ctx.env.IMAGE_MIRROR_TRACE),
    schemeProbes: ctx.schemeProbes
  })
  // sync's delete-unmatched removes tags with the registry's own API (docs/delete.md).
  return new RegistryClient(transport, {
    logger: ctx.logger,
    unauthorizedIsAbsent: ctx.global.unauthorizedIsAbsent,
    deleteVendors: deleteVendorsFromEnv(ctx.env)
  })
}

function readCa(path: string, from: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read ${from} ${path}: ${errorMessage(error)}`)
  }
}

/** IMAGE_MIRROR_TRACE=FILE: one JSON line per HTTP request, as for every other command. */
function requestTrace(file: string | undefined) {
  if (!file) return undefined
  return (info: { method: string; url: string; status: number }) => {
    const url = info.url.split('?')[0]
    appendFileSync(file, JSON.stringify({ method: info.method, url, status: info.status }) + '\n')
  }
}
