import { UserError } from '../../errors.js'
import { formatReference, parseReference } from '../../oci/reference.js'
import { registryClient } from '../client.js'
import type { Command } from '../command.js'

export const command: Command = {
  usage: 'digest REF [--json]',
  description: 'Prints the manifest digest REF resolves to, with one HEAD request (no pull is counted on Docker Hub).',
  options: {},
  positionals: [1, 1],
  async run(ctx, _values, [input]) {
    const ref = parseReference(input!)
    const head = await registryClient(ctx).headManifest(ref)
    if (head === undefined) throw new UserError(`${formatReference(ref)} not found`)
    ctx.out(ctx.global.json ? JSON.stringify({ reference: formatReference(ref), ...head }) : head.digest)
  }
}
