import * as core from '@actions/core'
import type { BuildResult } from '../engine/build/types.js'
import { syncSummaryMarkdown, type SyncReport } from '../engine/sync/index.js'

/**
 * Writes the job summary of a build: what users read on the run page to see
 * whether the image was reused or built, and how much build time a hit saved.
 */
export async function writeBuildSummary(result: BuildResult): Promise<void> {
  const rows: Array<[string, string]> = [
    ['Image', code(result.image)],
    ['Tag', code(result.tag)],
    ['Digest', code(result.digest)],
    [
      'Result',
      result.cacheHit
        ? 'reused: the registry already had this image, nothing was built'
        : 'built and pushed'
    ]
  ]
  if (result.buildSeconds !== undefined) {
    rows.push([
      result.cacheHit ? 'Build time saved' : 'Build time',
      formatDuration(result.buildSeconds)
    ])
  }
  if (result.extraTags.length > 0) rows.push(['Extra tags', result.extraTags.map(code).join(' ')])
  if (result.builder !== undefined && !result.cacheHit)
    rows.push(['Builder', escape(result.builder)])

  await core.summary
    .addHeading(
      `image-mirror build: ${result.cacheHit ? 'reused' : 'built'} ${escape(result.tag)}`,
      3
    )
    .addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true }
      ],
      ...rows.map(([k, v]) => [k, v])
    ])
    .write()
}

/** `83.4` → `1 min 23 s`; under a minute with one decimal. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const whole = Math.round(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = whole % 60
  return [h > 0 ? `${h} h` : '', `${m} min`, `${s} s`].filter(Boolean).join(' ')
}

function code(value: string): string {
  return `<code>${escape(value)}</code>`
}

// The summary is HTML: references cannot hold markup, but builder names and
// tags are still escaped so that nothing a user passes is rendered.
function escape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** One destination of a promotion, as the `promoted` output lists it. */
export interface PromotedRow {
  source: string
  destination: string
  digest: string
  /** copied, up-to-date, overwritten, refused, not-matched, failed; `would-…` on a dry run. */
  status: string
  policy: string
  message?: string
}

/** Writes the job summary of a promotion: one row per destination. */
export async function writePromoteSummary(rows: PromotedRow[], dryRun: boolean): Promise<void> {
  const heading = `image-mirror promote${dryRun ? ' (dry run)' : ''}: ${rows.length} destination(s)`
  await writeTable(
    heading,
    ['Policy', 'Source', 'Destination', 'Digest', 'Result'],
    rows.map((r) => [
      escape(r.policy),
      code(r.source),
      code(r.destination),
      code(r.digest),
      escape(r.message === undefined ? r.status : `${r.status}: ${r.message}`)
    ])
  )
}

/** What writeMirrorSummary shows of one image. */
export interface MirroredRow {
  source: string
  mirror: string
  digest?: string
  status: string
  error?: string
}

/** Writes the job summary of a mirror run: one row per image. */
export async function writeMirrorSummary(rows: MirroredRow[], dryRun: boolean): Promise<void> {
  const heading = `image-mirror mirror${dryRun ? ' (dry run)' : ''}: ${rows.length} image(s)`
  await writeTable(
    heading,
    ['Source', 'Mirror', 'Digest', 'Result'],
    rows.map((r) => [
      code(r.source),
      code(r.mirror),
      r.digest === undefined ? '' : code(r.digest),
      escape(r.error === undefined ? r.status : `${r.status}: ${r.error}`)
    ])
  )
}

async function writeTable(heading: string, header: string[], rows: string[][]): Promise<void> {
  const s = core.summary.addHeading(escape(heading), 3)
  if (rows.length === 0) s.addRaw('Nothing to do.', true)
  else s.addTable([header.map((data) => ({ data, header: true })), ...rows])
  await s.write()
}

/** Writes the job summary of a sync run: the engine's Markdown report (entries, counts, notes). */
export async function writeSyncSummary(report: SyncReport): Promise<void> {
  await core.summary.addRaw(syncSummaryMarkdown(report), true).write()
}
