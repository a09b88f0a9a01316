import { UserError } from '../../errors.js'
import { formatReference, parseReference } from '../../oci/reference.js'
import { registryClient } from '../client.js'
import type { Command } from '../command.js'

export const command: Command = {
  usage: 'delete REF --yes [--dry-run] [--no-dummy] [--json]',
  description: [
    'Deletes a tag without touching any other tag. Registries that cannot untag (distribution 2.x)',
    'delete by digest, which removes every tag on that digest: image-mirror does that only when no',
    'other tag resolves to the digest or to an index listing it. Otherwise it isolates the tag on a',
    'unique placeholder manifest and deletes that (--no-dummy refuses instead). Afterwards it checks',
    'that every other tag still resolves to what it did, and restores any that do not.',
    '',
    'REF@DIGEST deletes the manifest itself, with every tag on it; the tags it takes are listed first.',
    '--dry-run prints what would happen. --yes is required for anything else.'
  ].join('\n'),
  options: {
    yes: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'no-dummy': { type: 'boolean' }
  },
  positionals: [1, 1],
  async run(ctx, values, [input]) {
    const ref = parseReference(input!)
    const dryRun = values['dry-run'] === true
    if (!dryRun && values.yes !== true) {
      throw new UserError(`refusing to delete ${formatReference(ref)} without --yes (or see what would happen with --dry-run)`)
    }
    const client = registryClient(ctx)
    if (ref.tag === undefined && ref.digest !== undefined) {
      if (!dryRun) await client.deleteManifest(ref.registry, ref.repository, ref.digest)
      const result = { reference: formatReference(ref), method: 'manifest-delete', digest: ref.digest, dryRun }
      ctx.out(ctx.global.json ? JSON.stringify(result) : `${dryRun ? 'would delete' : 'deleted'} ${result.reference}`)
      return
    }
    if (ref.tag === undefined) throw new UserError(`${input} names no tag or digest to delete`)
    const result = await client.deleteTag(ref, { dryRun, allowDummyFallback: values['no-dummy'] !== true })
    if (ctx.global.json) {
      ctx.out(JSON.stringify({ reference: formatReference(ref), ...result }))
      return
    }
    const kept = result.sharedWith.length > 0 ? `; kept ${result.sharedWith.join(', ')}` : ''
    ctx.out(`${dryRun ? 'would delete' : 'deleted'} ${formatReference(ref)} (${result.digest}, ${result.method})${kept}`)
  }
}
