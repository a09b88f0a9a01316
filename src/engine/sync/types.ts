import type { RateLimit } from '../../oci/client.js'
import type { CopyRegistry } from '../../oci/copy.js'
import type { DeleteTagOptions, DeleteTagResult } from '../../oci/delete.js'
import type { Reference } from '../../oci/types.js'
import type { StateRegistry } from './state-store.js'

/** The registry calls a sync makes; RegistryClient implements them all. */
export interface SyncClient extends CopyRegistry, Omit<StateRegistry, 'uploadBlob' | 'putManifest'> {
  uploadBlob: CopyRegistry['uploadBlob'] & StateRegistry['uploadBlob']
  listTags(registry: string, repository: string): Promise<string[]>
  deleteTag(ref: Reference, opts?: DeleteTagOptions): Promise<DeleteTagResult>
  /** The last Docker Hub RateLimit headers seen (R-RETRY-5). */
  lastRateLimit?: RateLimit
}

/**
 * - synced: at least one tag was copied or removed;
 * - up-to-date: every selected tag already held the source digest;
 * - skipped: not synced this run (interval, lease, or the rate limit stopped the run before it);
 * - incomplete: the rate limit stopped the run inside this entry; `leftUndone` names the tags;
 * - failed: see `error` and `failed`; with rollback, `rolledBack` says what was put back;
 * - dry-run: nothing written; `copied` and `deleted` say what a real run would do.
 */
export type EntryStatus = 'synced' | 'up-to-date' | 'skipped' | 'incomplete' | 'failed' | 'dry-run'

export interface EntryReport {
  name: string
  source: string
  target: string
  status: EntryStatus
  /** Why the entry was skipped or failed: one line. */
  reason?: string
  copied: string[]
  unchanged: string[]
  deleted: string[]
  failed: Array<{ tag: string; error: string }>
  /** Tags due for a copy that the run did not start (rate limit). */
  leftUndone: string[]
  rolledBack?: { restored: string[]; removed: string[]; errors: string[] }
}

export type SyncEventKind = 'started' | 'succeeded' | 'failed'

export interface SyncEvent {
  kind: SyncEventKind
  entry: string
  /** ISO time. */
  time: string
  /** One line for humans; also the webhook's Slack-compatible `text`. */
  text: string
}

export interface SyncReport {
  runId: string
  entries: EntryReport[]
  events: SyncEvent[]
  /** Set when Docker Hub's remaining pulls fell to the reserve and the run stopped early. */
  rateLimited?: { remaining: number; reserve: number }
}
