import type { EntryReport, SyncReport } from './types.js'

/**
 * The run as Markdown for a CI job summary (GitHub's GITHUB_STEP_SUMMARY, a
 * GitLab artifact): one table row per entry, then the events and anything
 * the rate limit left undone.
 */
export function syncSummaryMarkdown(report: SyncReport): string {
  const lines = [
    `### image-mirror sync (${report.runId})`,
    '',
    '| Entry | Status | Copied | Unchanged | Deleted | Notes |',
    '|---|---|---|---|---|---|'
  ]
  for (const e of report.entries) {
    const counts = [e.copied.length, e.unchanged.length, e.deleted.length].join(' | ')
    lines.push(`| ${cell(e.name)} | ${e.status} | ${counts} | ${cell(notes(e))} |`)
  }
  if (report.rateLimited !== undefined) {
    const { remaining, reserve } = report.rateLimited
    lines.push('', `Stopped for the Docker Hub rate limit: ${remaining} pulls left, reserve ${reserve}.`)
  }
  if (report.events.length > 0) {
    lines.push('', ...report.events.map((ev) => `- ${ev.time} **${ev.kind}**: ${ev.text}`))
  }
  return lines.join('\n') + '\n\n'
}

/** One line for an entry: reason, failed tags, what was undone or rolled back. */
export function entryNotes(e: EntryReport): string {
  return notes(e)
}

function notes(e: EntryReport): string {
  const parts: string[] = []
  if (e.reason !== undefined) parts.push(e.reason)
  for (const f of e.failed) parts.push(`${f.tag}: ${f.error}`)
  if (e.leftUndone.length > 0) parts.push(`left undone: ${e.leftUndone.join(', ')}`)
  if (e.rolledBack !== undefined) {
    const r = e.rolledBack
    const errors = r.errors.length > 0 ? `; ${r.errors.join('; ')}` : ''
    parts.push(`rolled back: restored ${list(r.restored)}, removed ${list(r.removed)}${errors}`)
  }
  return parts.join('; ')
}

function list(tags: string[]): string {
  return tags.length === 0 ? 'none' : tags.join(', ')
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}
