import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UserError, errorMessage } from '../../errors.js'
import { mirrorDotenv, mirrorImages, mirrorMap, type MirrorResult } from '../../engine/mirror/index.js'
import type { Command } from '../command.js'
import { configRegistryClient } from '../config-client.js'
import { MIRROR_OVERRIDE_OPTIONS, mirrorConfig } from '../config-overrides.js'

export const command: Command = {
  usage: 'mirror [--config FILE] [--mirror-registry HOST] [--mode service|cluster] [--dry-run] [--output FILE] [--dotenv FILE] [--json]',
  description: [
    'Copies every `images:` entry of the config into the mirror registry: service mode puts each',
    'in <repository>/<service>, cluster mode in <repository>/cluster; the tag is derived from the',
    'source (path and tag, plus a hash of the full reference). A source already on the mirror',
    'registry is left where it is. An unchanged image costs one HEAD on each side; an upstream tag',
    'that moved is mirrored again. Sources not pinned by digest get a warning.',
    '',
    'Prints each source with its mirror reference, digest and status (copied, up-to-date,',
    'skipped-on-mirror, would-copy with --dry-run, failed); --json prints them as a JSON array.',
    '--output FILE writes {"<source as written>": {mirror, digest, reference, service}} for deploy',
    'steps; --dotenv FILE writes MIRROR_<SERVICE>_<IMAGE>=<mirror>@<digest> lines (GitLab dotenv',
    'reports). Exits 1 when an image failed; the others are still mirrored.'
  ].join('\n'),
  options: {
    config: { type: 'string', short: 'c' },
    ...MIRROR_OVERRIDE_OPTIONS,
    'dry-run': { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    dotenv: { type: 'string' }
  },
  positionals: [0, 0],
  async run(ctx, values) {
    const config = await mirrorConfig(ctx, values)
    if (config.images.length === 0) {
      ctx.logger.info(`${config.file} lists no images: to mirror`)
    }
    const client = configRegistryClient(ctx, config)
    const dryRun = values['dry-run'] === true
    const results = await mirrorImages(config, { client, logger: ctx.logger, dryRun })
    if (ctx.global.json) ctx.out(JSON.stringify(results))
    else for (const r of results) ctx.out(describe(r))
    if (typeof values.output === 'string') {
      const json = JSON.stringify(mirrorMap(results), null, 2) + '\n'
      await write(resolve(ctx.cwd, values.output), json, '--output')
    }
    if (typeof values.dotenv === 'string') {
      await write(resolve(ctx.cwd, values.dotenv), mirrorDotenv(results), '--dotenv')
    }
    const failed = results.filter((r) => r.status === 'failed')
    for (const r of failed) process.stderr.write(`image-mirror mirror: ${r.error}\n`)
    return failed.length > 0 ? 1 : 0
  }
}

function describe(r: MirrorResult): string {
  if (r.status === 'failed') return `${r.source} → ${r.mirror}: failed`
  return `${r.source} → ${r.mirror} ${r.digest}: ${r.status}`
}

async function write(path: string, text: string, flag: string): Promise<void> {
  try {
    await writeFile(path, text)
  } catch (error) {
    throw new UserError(`${flag} ${path}: cannot write it (${errorMessage(error)})`)
  }
}
