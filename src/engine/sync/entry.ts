import { errorMessage } from '../../errors.js'
import type { Logger } from '../../logger.js'
import { copyImage } from '../../oci/copy.js'
import { parsePlatform } from '../../oci/platform.js'
import { formatReference } from '../../oci/reference.js'
import type { RawManifest, Reference } from '../../oci/types.js'
import { limiter } from '../../util/limit.js'
import type { RepositoryRef, SyncRule } from '../config/types.js'
import { formatDuration } from '../duration.js'
import type { EventSink } from './events.js'
import type { RateBudget } from './rate-budget.js'
import type { StateStore, SyncState } from './state-store.js'
import type { EntryReport, SyncClient } from './types.js'

/** A lease outlives any sane entry; a crashed run frees the entry after it. */
export const LEASE_TTL_MS = 60 * 60 * 1000

export interface EntryContext {
  client: SyncClient
  logger: Logger
  now: () => Date
  runId: string
  force: boolean
  dryRun: boolean
  store: StateStore
  budget: RateBudget
  events: EventSink
  /** Manifest HEADs and copies in flight per entry. */
  concurrency: number
}

/** A tag the run moved on the target, and what it held before (absent: the tag is new). */
interface Moved {
  tag: string
  previous?: RawManifest
}

/**
 * Syncs one entry: interval and lease first, then one HEAD per selected
 * source tag; a tag whose source digest equals the digest recorded at the
 * last sync costs nothing more, any other gets one HEAD on the target and a
 * copy when they differ. State (digests, lastSync) is written and the lease
 * released at the end, whatever happened in between.
 */
export async function syncEntry(rule: SyncRule, ctx: EntryContext): Promise<EntryReport> {
  const report: EntryReport = {
    name: rule.name,
    source: repo(rule.source),
    target: repo(rule.target),
    status: 'up-to-date',
    copied: [],
    unchanged: [],
    deleted: [],
    failed: [],
    leftUndone: []
  }
  const skip = (reason: string): EntryReport => {
    ctx.logger.info(`${rule.name}: skipped: ${reason}`)
    return { ...report, status: 'skipped', reason }
  }
  if (ctx.budget.stopped) return skip('left undone: Docker Hub rate limit reached earlier in this run')
  const now = ctx.now()
  let state = await ctx.store.read(rule.name)
  const due = intervalDue(rule, state, now)
  if (!ctx.force && due !== undefined) return skip(due)
  if (!ctx.dryRun) {
    const lease = await ctx.store.acquire(rule.name, ctx.runId, LEASE_TTL_MS, now, state)
    if (!lease.acquired) {
      const held = lease.state.lease
      return skip(`leased by ${held?.holder ?? 'another run'} until ${held?.expires ?? 'unknown'}`)
    }
    state = lease.state
  }
  const previousDigests = { ...state.digests }
  const digests: Record<string, string> = { ...state.digests }
  const moved: Moved[] = []
  if (!ctx.dryRun) {
    await ctx.events.emit('started', rule.name, `sync ${rule.name} started: ${report.source} → ${report.target}`)
  }
  let error: string | undefined
  try {
    await copyChanged(rule, ctx, report, digests, moved)
    if (rule.deleteUnmatched && report.failed.length === 0 && report.leftUndone.length === 0) {
      await deleteUnmatched(rule, ctx, report, digests)
    }
  } catch (e) {
    error = errorMessage(e)
  }
  if (error === undefined && report.failed.length > 0) {
    const tags = report.failed.map((f) => `${f.tag} (${f.error})`).join('; ')
    error = `${report.failed.length} tag(s) failed: ${tags}`
  }
  if (error !== undefined && rule.rollback && !ctx.dryRun && moved.length > 0) {
    report.rolledBack = await rollback(rule, ctx, moved)
    for (const tag of report.rolledBack.restored.concat(report.rolledBack.removed)) {
      if (previousDigests[tag] === undefined) delete digests[tag]
      else digests[tag] = previousDigests[tag]
    }
  }
  if (error !== undefined) {
    report.status = 'failed'
    report.reason = error
  } else if (ctx.dryRun) report.status = 'dry-run'
  else if (report.leftUndone.length > 0) report.status = 'incomplete'
  else if (report.copied.length > 0 || report.deleted.length > 0) report.status = 'synced'
  if (!ctx.dryRun) {
    // lastSync only moves on a complete run, so `interval` never hides undone work.
    const complete = report.status === 'synced' || report.status === 'up-to-date'
    const next: SyncState = { ...state, digests, ...(complete ? { lastSync: now.toISOString() } : {}) }
    try {
      await ctx.store.release(next)
    } catch (e) {
      report.status = 'failed'
      const before = report.reason === undefined ? '' : `${report.reason}; `
      report.reason = `${before}state not written: ${errorMessage(e)}`
    }
    await ctx.events.emit(report.status === 'failed' ? 'failed' : 'succeeded', rule.name, outcome(report))
  }
  return report
}

/** Why the entry is not due yet, or undefined when it is. */
function intervalDue(rule: SyncRule, state: SyncState, now: Date): string | undefined {
  if (rule.intervalMs === undefined || state.lastSync === undefined) return undefined
  const next = Date.parse(state.lastSync) + rule.intervalMs
  if (!(next > now.getTime())) return undefined
  const at = new Date(next).toISOString()
  return `interval ${formatDuration(rule.intervalMs)} not elapsed since ${state.lastSync}; due at ${at} (--force syncs now)`
}

async function copyChanged(
  rule: SyncRule,
  ctx: EntryContext,
  report: EntryReport,
  digests: Record<string, string>,
  moved: Moved[]
): Promise<void> {
  const { client } = ctx
  const listed = await client.listTags(rule.source.registry, rule.source.repository)
  const tags = listed.filter((t) => rule.tags.matches(t)).sort()
  const limit = limiter(ctx.concurrency)
  const platforms = rule.platforms?.map(parsePlatform)
  // Forget tags that are gone or no longer selected: their digests would only go stale.
  for (const tag of Object.keys(digests)) if (!tags.includes(tag)) delete digests[tag]
  await Promise.all(
    tags.map((tag) =>
      limit(async () => {
        const src: Reference = { ...rule.source, tag }
        const dst: Reference = { ...rule.target, tag }
        try {
          const head = await client.headManifest(src)
          if (head === undefined) return // deleted upstream since the listing
          if (!ctx.force && digests[tag] === head.digest) {
            report.unchanged.push(tag)
            return
          }
          const current = await client.headManifest(dst)
          if (current?.digest === head.digest) {
            digests[tag] = head.digest
            report.unchanged.push(tag)
            return
          }
          if (ctx.dryRun) {
            ctx.logger.info(`${rule.name}: would copy ${tag} (${head.digest})`)
            report.copied.push(tag)
            return
          }
          if (!ctx.budget.claim()) {
            report.leftUndone.push(tag)
            return
          }
          try {
            const previous = rule.rollback && current !== undefined
              ? await client.getManifest({ ...dst, tag: undefined, digest: current.digest })
              : undefined
            // Pinned to the digest just seen: a tag moving during the copy cannot mix two images.
            const options = { logger: ctx.logger, ...(platforms ? { platforms } : {}) }
            const result = await copyImage(client, { ...src, digest: head.digest }, dst, options)
            if (result.status === 'copied') {
              moved.push({ tag, ...(previous ? { previous } : {}) })
              report.copied.push(tag)
            } else report.unchanged.push(tag)
            digests[tag] = head.digest
          } finally {
            ctx.budget.done()
          }
        } catch (e) {
          report.failed.push({ tag, error: errorMessage(e) })
        }
      })
    )
  )
  for (const list of [report.copied, report.unchanged, report.leftUndone]) list.sort()
  report.failed.sort((a, b) => (a.tag < b.tag ? -1 : 1))
}

/**
 * `delete-unmatched`: target tags that are no longer selected upstream go,
 * each with deleteTag, which never removes an image another tag still uses.
 * `sha256-*` tags are left alone: they carry referrers (the OCI fallback tag
 * scheme) and the state of other tools.
 */
async function deleteUnmatched(
  rule: SyncRule,
  ctx: EntryContext,
  report: EntryReport,
  digests: Record<string, string>
): Promise<void> {
  const keep = new Set([...report.copied, ...report.unchanged])
  const targetTags = await ctx.client.listTags(rule.target.registry, rule.target.repository)
  for (const tag of targetTags.sort()) {
    if (keep.has(tag) || tag.startsWith('sha256-')) continue
    const ref = { ...rule.target, tag }
    if (ctx.dryRun) {
      report.deleted.push(tag)
      continue
    }
    await ctx.client.deleteTag(ref)
    delete digests[tag]
    report.deleted.push(tag)
    ctx.logger.info(`${rule.name}: deleted ${formatReference(ref)}: ${rule.tags.explain(tag)}`)
  }
}

/** Puts back what a failed entry moved: saved manifests PUT again, new tags removed. */
async function rollback(rule: SyncRule, ctx: EntryContext, moved: Moved[]) {
  const done = { restored: [] as string[], removed: [] as string[], errors: [] as string[] }
  for (const m of moved.sort((a, b) => (a.tag < b.tag ? -1 : 1))) {
    const ref = { ...rule.target, tag: m.tag }
    try {
      if (m.previous !== undefined) {
        await ctx.client.putManifest(ref.registry, ref.repository, m.tag, m.previous)
        done.restored.push(m.tag)
      } else {
        await ctx.client.deleteTag(ref)
        done.removed.push(m.tag)
      }
    } catch (e) {
      done.errors.push(`rollback of ${m.tag}: ${errorMessage(e)}`)
    }
  }
  const counts = `restored ${done.restored.length} tag(s), removed ${done.removed.length} new tag(s)`
  ctx.logger.warning(`${rule.name}: rolled back: ${counts}`)
  return done
}

function outcome(r: EntryReport): string {
  const head = `sync ${r.name} ${r.status === 'failed' ? 'failed' : 'succeeded'}: ${r.source} → ${r.target}`
  const counts = `${r.copied.length} copied, ${r.unchanged.length} unchanged, ${r.deleted.length} deleted`
  const extra: string[] = []
  if (r.leftUndone.length > 0) extra.push(`left undone (rate limit): ${r.leftUndone.join(', ')}`)
  if (r.reason !== undefined) extra.push(r.reason)
  if (r.rolledBack !== undefined) {
    const { restored, removed } = r.rolledBack
    extra.push(`rolled back: restored ${restored.join(', ') || 'none'}, removed ${removed.join(', ') || 'none'}`)
  }
  return [`${head} (${counts})`, ...extra].join('; ')
}

function repo(r: RepositoryRef): string {
  return `${r.registry}/${r.repository}`
}
