import { copyImage, type CopyResult } from '../../oci/copy.js'
import { parsePlatform } from '../../oci/platform.js'
import { parseReference } from '../../oci/reference.js'
import { UserError } from '../../errors.js'
import { registryClient } from '../client.js'
import type { Command } from '../command.js'

export const command: Command = {
  usage: 'copy SRC DST [--platform OS/ARCH[/VARIANT]]... [--concurrency N] [--json]',
  description: [
    'Copies an image, a multi-platform index or an artifact from SRC to DST by digest.',
    'When DST already holds the same digest nothing is transferred. Blobs already in DST are',
    'not uploaded again, and blobs on the same registry are mounted instead of copied.',
    'DST without a tag takes the tag of SRC.',
    '',
    '--platform selects platforms of an index (repeatable). This writes a new index that lists',
    'only those platforms, so the copied index has a different digest than the source.'
  ].join('\n'),
  options: {
    platform: { type: 'string', multiple: true },
    concurrency: { type: 'string' }
  },
  positionals: [2, 2],
  async run(ctx, values, [src, dst]) {
    const platforms = (values.platform as string[] | undefined)?.map(parsePlatform)
    const concurrency = values.concurrency === undefined ? undefined : parseConcurrency(values.concurrency as string)
    const client = registryClient(ctx)
    const result = await copyImage(client, parseReference(src!), parseReference(dst!), {
      platforms,
      concurrency,
      logger: ctx.logger
    })
    ctx.out(ctx.global.json ? JSON.stringify(result) : describe(result))
  }
}

function parseConcurrency(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`--concurrency must be a whole number from 1 to 64 (got "${value}")`)
  return n
}

function describe(r: CopyResult): string {
  if (r.status === 'skipped') return `${r.target} already at ${r.digest}`
  const mb = (r.blobs.bytes / 1e6).toFixed(1)
  const foreign = r.foreignLayers?.length ?? 0
  const parts = [`${r.blobs.uploaded} blobs uploaded (${mb} MB)`, `${r.blobs.mounted} mounted`, `${r.blobs.skipped - foreign} present`]
  if (foreign > 0) parts.push(`${foreign} foreign layer(s) not copied`)
  return `copied ${r.source} → ${r.target} ${r.digest}: ${parts.join(', ')}`
}
