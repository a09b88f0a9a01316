// undici agents of the transport: keep-alive, no pipelining, bounded
// connections per origin, HTTP/1.1 only, extra CA roots appended to Node's.
import { newAgent, type Agent } from './undici.js'

export interface AgentOptions {
  /** Verify certificates (false only for registries the user marked insecure). */
  verify: boolean
  /** Extra PEM roots, trusted in addition to the defaults. */
  ca?: string
  maxConnectionsPerHost?: number
  headersTimeoutMs?: number
  bodyTimeoutMs?: number
}

/** One agent per (ca, verify) combination; the transport keeps them. */
export function createAgent(opts: AgentOptions): Agent {
  return newAgent({
    connections: opts.maxConnectionsPerHost ?? 8,
    pipelining: 1,
    // HTTP/1.1 everywhere: registries and their CDNs all speak it, and one
    // protocol keeps redirect and body handling predictable.
    allowH2: false,
    keepAliveTimeout: 10_000,
    headersTimeout: opts.headersTimeoutMs ?? 60_000,
    // Idle time between body chunks, not total time: large layers may take long.
    bodyTimeout: opts.bodyTimeoutMs ?? 120_000,
    connect: {
      ca: trustedRoots(opts),
      rejectUnauthorized: opts.verify,
      timeout: 15_000
    }
  })
}

/**
 * The CA list for the agent's TLS contexts: Node's roots plus the user's
 * bundle; Node's default (undefined) without one. An unverified connection
 * never consults roots, and an empty list spares parsing Node's bundled
 * store, about 8 ms of every insecure start. node:tls loads only when needed.
 */
function trustedRoots(opts: AgentOptions): string[] | undefined {
  if (!opts.verify) return []
  if (opts.ca === undefined) return undefined
  return [...process.getBuiltinModule('node:tls').rootCertificates, opts.ca]
}
