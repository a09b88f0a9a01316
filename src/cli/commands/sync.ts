import { randomBytes } from 'node:crypto'
import { appendFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { UserError, errorMessage } from '../../errors.js'
import { parseShard } from '../../engine/shard.js'
import {
  DEFAULT_RATE_LIMIT_RESERVE,
  DEFAULT_STATE_REPOSITORY,
  entryNotes,
  syncAll,
  syncSummaryMarkdown,
  type EntryReport
} from '../../engine/sync/index.js'
import type { Command } from '../command.js'
import { configRegistryClient } from '../config-client.js'
import { SYNC_ENTRY_OPTIONS, syncConfig } from '../config-overrides.js'

export const command: Command = {
  usage:
    'sync [--config FILE | --source REPO --target REPO [--tags P]...] [--force] [--dry-run] [--shard I/N] [--summary FILE] [--rate-limit-reserve N] [--state-repository NAME] [--json]',
  description: [
    'Syncs every `sync:` entry of the config: the source tags selected by `tags:` are copied to the',
    'target when their digest changed; an unchanged tag costs one HEAD. `delete-unmatched` removes',
    'target tags no longer selected (never another tag\'s image); `rollback` puts back the tags a',
    'failed entry had moved. State (last sync, digests, a lease so two runs never sync the same entry)',
    `lives in the mirror registry, repository ${DEFAULT_STATE_REPOSITORY} unless --state-repository`,
    'names another; `interval` is honoured from it unless --force. --shard I/N syncs one slice of the',
    'entries (CI matrices). Docker Hub\'s rate limit stops the run cleanly when its remaining pulls',
    `fall to --rate-limit-reserve (default ${DEFAULT_RATE_LIMIT_RESERVE}). Events go to the log, to`,
    'notifications.webhook and, with --summary FILE, as Markdown appended to FILE (GITHUB_STEP_SUMMARY).',
    'Prints one line per entry (--json: the report); exits 1 when an entry failed.',
    '',
    'One-off use without a config file: --source REPO --target REPO [--tags PATTERN]... [--platform P]...',
    '[--delete-unmatched] syncs that single entry (tags default to "*").'
  ].join('\n'),
  options: {
    config: { type: 'string', short: 'c' },
    ...SYNC_ENTRY_OPTIONS,
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    shard: { type: 'string' },
    summary: { type: 'string' },
    'rate-limit-reserve': { type: 'string' },
    'state-repository': { type: 'string' }
  },
  positionals: [0, 0],
  async run(ctx, values) {
    const shard = typeof values.shard === 'string' ? parseShard(values.shard) : undefined
    const reserve = reserveOf(values['rate-limit-reserve'])
    const config = await syncConfig(ctx, values)
    if (config.sync.length === 0) ctx.logger.info(`${config.file} lists no sync: entries`)
    const client = configRegistryClient(ctx, config)
    const report = await syncAll(config, {
      client,
      logger: ctx.logger,
      now: () => new Date(),
      runId: runId(ctx.env),
      force: values.force === true,
      dryRun: values['dry-run'] === true,
      ...(shard === undefined ? {} : { shard }),
      ...(typeof values['state-repository'] === 'string'
        ? { stateRepository: values['state-repository'] }
        : {}),
      rateLimitReserve: reserve
    })
    if (ctx.global.json) ctx.out(JSON.stringify(report))
    else for (const e of report.entries) ctx.out(describe(e))
    if (typeof values.summary === 'string') {
      const path = resolve(ctx.cwd, values.summary)
      try {
        await appendFile(path, syncSummaryMarkdown(report))
      } catch (error) {
        throw new UserError(`--summary ${path}: cannot write it (${errorMessage(error)})`)
      }
    }
    const failed = report.entries.filter((e) => e.status === 'failed')
    for (const e of failed) {
      process.stderr.write(`image-mirror sync: ${e.name}: ${oneLine(entryNotes(e))}\n`)
    }
    return failed.length > 0 ? 1 : 0
  }
}

function reserveOf(value: unknown): number {
  if (typeof value !== 'string') return DEFAULT_RATE_LIMIT_RESERVE
  if (!/^\d+$/.test(value.trim())) {
    throw new UserError(`--rate-limit-reserve "${value}": expected a whole number of pulls`)
  }
  return Number(value)
}

/** The lease holder: the CI job when there is one, so a lease in the state names who holds it. */
function runId(env: NodeJS.ProcessEnv): string {
  const job = env.GITHUB_RUN_ID
    ? `github-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? ''}`
    : env.CI_JOB_ID
      ? `gitlab-${env.CI_JOB_ID}`
      : `${hostname()}-${process.pid}`
  return `${job}-${randomBytes(3).toString('hex')}`
}

function describe(e: EntryReport): string {
  const counts = `${e.copied.length} copied, ${e.unchanged.length} unchanged, ${e.deleted.length} deleted`
  const notes = entryNotes(e)
  return `${e.name}: ${e.status} (${counts})${notes === '' ? '' : `: ${oneLine(notes)}`}`
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}
