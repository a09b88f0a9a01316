import type { Logger } from '../../logger.js'
import type { Config, SyncRule } from '../config/types.js'
import { selectShard, type Shard } from '../shard.js'
import { syncEntry } from './entry.js'
import { EventSink } from './events.js'
import { RateBudget } from './rate-budget.js'
import { StateStore } from './state-store.js'
import type { EntryReport, SyncClient, SyncReport } from './types.js'

/** Where sync state lives unless the caller names another repository. */
export const DEFAULT_STATE_REPOSITORY = 'image-mirror-state'
/** Pulls kept in hand when Docker Hub reports its budget. */
export const DEFAULT_RATE_LIMIT_RESERVE = 10

export interface SyncContext {
  client: SyncClient
  logger: Logger
  now: () => Date
  /** Names this run as the lease holder: unique per CI job. */
  runId: string
  /** Sync every entry now, ignoring `interval` and the recorded digests. */
  force?: boolean
  /** Look up everything, write nothing (no lease, no state, no events). */
  dryRun?: boolean
  shard?: Shard
  /** Repository of the state artifacts on the mirror registry. */
  stateRepository?: string
  /** Stop when Docker Hub's remaining pulls fall to this many. */
  rateLimitReserve?: number
  /** HEADs and copies in flight per entry (default 8). */
  concurrency?: number
}

/**
 * Syncs every `sync:` entry of the config (of one shard with `shard`), one
 * entry after the other, tags of an entry in parallel. An entry that fails
 * does not stop the others; the Docker Hub rate limit does stop the run, and
 * the report names what it left undone.
 */
export async function syncAll(config: Config, ctx: SyncContext): Promise<SyncReport> {
  const rules =
    ctx.shard === undefined ? config.sync : selectShard(config.sync, (r) => r.name, ctx.shard)
  const webhook = ctx.dryRun ? undefined : config.notifications.webhook
  const events = new EventSink(ctx.logger, webhook, ctx.now)
  const budget = new RateBudget(ctx.client, ctx.rateLimitReserve ?? DEFAULT_RATE_LIMIT_RESERVE)
  const entries: EntryReport[] = []
  for (const rule of rules) {
    const store = new StateStore(ctx.client, stateLocation(config, rule, ctx.stateRepository))
    entries.push(
      await ctx.logger.group(`sync ${rule.name}`, () =>
        syncEntry(rule, {
          client: ctx.client,
          logger: ctx.logger,
          now: ctx.now,
          runId: ctx.runId,
          force: ctx.force === true,
          dryRun: ctx.dryRun === true,
          store,
          budget,
          events,
          concurrency: ctx.concurrency ?? 8
        }).catch(async (error: unknown) => failedEntry(rule, error, events, ctx.dryRun === true))
      )
    )
  }
  const report: SyncReport = { runId: ctx.runId, entries, events: events.events }
  if (budget.stoppedAt !== undefined) {
    report.rateLimited = { remaining: budget.stoppedAt, reserve: budget.reserve }
    ctx.logger.warning(
      `stopped for the Docker Hub rate limit (${budget.stoppedAt} pulls left, ` +
        `reserve ${budget.reserve}); left undone: ${undone(entries)}`
    )
  }
  return report
}

/** The state lives on the mirror registry; without a mirror section, on the entry's target's. */
export function stateLocation(
  config: Config,
  rule: SyncRule,
  repository = DEFAULT_STATE_REPOSITORY
): { registry: string; repository: string } {
  return { registry: config.mirror?.registry ?? rule.target.registry, repository }
}

/** An entry that failed before it started (state unreadable, lease not written). */
async function failedEntry(
  rule: SyncRule,
  error: unknown,
  events: EventSink,
  dryRun: boolean
): Promise<EntryReport> {
  const reason = `state of ${rule.name}: ${error instanceof Error ? error.message : String(error)}`
  if (!dryRun) await events.emit('failed', rule.name, `sync ${rule.name} failed: ${reason}`)
  return {
    name: rule.name,
    source: `${rule.source.registry}/${rule.source.repository}`,
    target: `${rule.target.registry}/${rule.target.repository}`,
    status: 'failed',
    reason,
    copied: [],
    unchanged: [],
    deleted: [],
    failed: [],
    leftUndone: []
  }
}

function undone(entries: EntryReport[]): string {
  const parts = entries.flatMap((e) => {
    if (e.leftUndone.length > 0) return [`${e.name} (${e.leftUndone.join(', ')})`]
    if (e.status === 'skipped' && e.reason?.includes('rate limit')) return [`${e.name} (all tags)`]
    return []
  })
  return parts.join(', ')
}
