// Command-line flags that stand in for, or override, parts of the config file
// for one-off runs. Flag values go through the same validation as the file.
import { resolve } from 'node:path'
import { stringify } from 'yaml'
import { UserError } from '../errors.js'
import { DEFAULT_CONFIG_FILE, loadConfig, parseConfig } from '../engine/config/load.js'
import type { Config } from '../engine/config/types.js'
import type { CommandContext, OptionValues } from './command.js'

/** Options of `sync` that describe one entry without a config file. */
export const SYNC_ENTRY_OPTIONS = {
  source: { type: 'string' },
  target: { type: 'string' },
  tags: { type: 'string', multiple: true },
  platform: { type: 'string', multiple: true },
  'delete-unmatched': { type: 'boolean' }
} as const

/** Options of `mirror` that override its `mirror:` section. */
export const MIRROR_OVERRIDE_OPTIONS = {
  'mirror-registry': { type: 'string' },
  mode: { type: 'string' }
} as const

/** The config file named by --config (default .image-mirror.yml). */
export function loadConfigFile(ctx: CommandContext, values: OptionValues): Promise<Config> {
  const file = (values.config as string | undefined) ?? DEFAULT_CONFIG_FILE
  return loadConfig(resolve(ctx.cwd, file), ctx.env)
}

/**
 * `sync --source REPO --target REPO [--tags P]…` syncs that one entry and reads
 * no config file; without --source the config file's entries are synced.
 */
export function syncConfig(ctx: CommandContext, values: OptionValues): Promise<Config> {
  const source = values.source as string | undefined
  if (source === undefined) {
    for (const flag of ['target', 'tags', 'platform', 'delete-unmatched']) {
      if (values[flag] !== undefined) throw new UserError(`--${flag} describes a one-off entry and needs --source`)
    }
    return loadConfigFile(ctx, values)
  }
  if (values.config !== undefined) throw new UserError('--source syncs one entry without a config file: drop --config')
  const target = values.target as string | undefined
  if (target === undefined) throw new UserError('--source needs --target (the repository to sync into)')
  const entry: Record<string, unknown> = { source, target, tags: (values.tags as string[] | undefined) ?? ['*'] }
  if (values.platform !== undefined) entry.platforms = values.platform
  if (values['delete-unmatched'] === true) entry['delete-unmatched'] = true
  return Promise.resolve(parseConfig(stringify({ version: 1, sync: [entry] }), 'command line', {}))
}

/** `mirror --mirror-registry HOST --mode service|cluster` override the file's `mirror:` section. */
export async function mirrorConfig(ctx: CommandContext, values: OptionValues): Promise<Config> {
  const config = await loadConfigFile(ctx, values)
  const registry = values['mirror-registry'] as string | undefined
  const mode = values.mode as string | undefined
  if (registry === undefined && mode === undefined) return config
  const mirror = { registry: registry ?? config.mirror?.registry, mode: mode ?? config.mirror?.mode ?? 'service', repository: config.mirror?.repository ?? 'mirror' }
  // Re-validated as a file would be: host syntax, mode, and the images' service rules for that mode.
  const check = { version: 1, mirror, images: config.images.map((i) => (i.service === undefined || mirror.mode === 'cluster' ? { source: i.text } : { source: i.text, service: i.service })) }
  const checked = parseConfig(stringify(check), 'command line (--mirror-registry/--mode)', {})
  return { ...config, mirror: checked.mirror, images: checked.images }
}
