// Options, requests and bodies of the registry transport (transport.ts).
import type { Readable } from 'node:stream'
import type { Logger } from '../logger.js'
import type { CredentialSource } from './credentials.js'
import type { EcrAuthSettings } from './ecr-auth.js'
import type { Scheme } from './scheme-sniff.js'

export interface TransportOptions {
  credentials?: CredentialSource
  /** ECR GetAuthorizationToken for ECR hosts `credentials` has nothing for (ecr-auth.ts). */
  ecr?: EcrAuthSettings
  /** Registries reached over unverified TLS, falling back to plain http. */
  insecure?: boolean | ((registry: string) => boolean)
  /** Extra PEM roots, trusted in addition to Node's defaults. */
  ca?: string
  logger?: Logger
  userAgent?: string
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number }
  sleep?: (ms: number) => Promise<void>
  /** Clock for token and credential lifetimes (tests). */
  now?: () => number
  headersTimeoutMs?: number
  bodyTimeoutMs?: number
  maxConnectionsPerHost?: number
  /**
   * Scheme probes (scheme-sniff.ts) already under way, by registry: the CLI
   * starts them for the registries on its command line while the engine loads.
   */
  schemeProbes?: ReadonlyMap<string, Promise<Scheme | undefined>>
  /** Called once per HTTP exchange (every hop, token requests included). */
  onRequest?: (info: { method: string; url: string; status: number }) => void
}

/** A body that can be sent again (retries, 307/308): a buffer or a stream factory. */
export type RequestBody = Buffer | { length: number; open: () => Readable | Promise<Readable> }

export interface RegistryRequest {
  method: string
  /** Registry host as in references (`docker.io`, `127.0.0.1:5000`). */
  registry: string
  /** `/v2/…` on the registry. */
  path?: string
  /** Absolute URL the registry gave (upload Location, Link). */
  url?: URL
  headers?: Record<string, string>
  body?: RequestBody
  /** Token scopes the request needs (`repository:foo:pull`). */
  scopes: string[]
  /** Statuses the caller handles; any other one is read and thrown as RegistryError. */
  expect?: number[]
  /** False for requests that must not be repeated blindly (the closing upload PUT). */
  retry?: boolean
}

/** A request to a vendor API (Transport.api): one exchange, no registry auth, no redirects followed. */
export interface ApiRequest {
  method: string
  /** Credentials the API takes (Authorization, PRIVATE-TOKEN, …) go here. */
  headers?: Record<string, string>
  body?: Buffer
  /** The body carries a secret (a login): sent like credential headers, never over plain http. */
  secretBody?: boolean
  /** The registry this API belongs to: its --insecure setting applies to its own origin. */
  registry?: string
  /** False for calls that must not be repeated blindly (mutations). Default true. */
  retry?: boolean
}
