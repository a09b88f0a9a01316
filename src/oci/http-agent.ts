// undici agents of the transport: keep-alive, no pipelining, bounded
// connections per origin, HTTP/1.1 only, extra CA roots appended to Node's.
import { rootCertificates } from 'node:tls'
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
      ca: opts.ca === undefined ? undefined : [...rootCertificates, opts.ca],
      rejectUnauthorized: opts.verify,
      timeout: 15_000
    }
  })
}
