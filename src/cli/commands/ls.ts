import { parseRepository } from '../../oci/reference.js'
import { registryClient } from '../client.js'
import type { Command } from '../command.js'

export const command: Command = {
  usage: 'ls REPOSITORY [--json]',
  description: 'Lists the tags of a repository, sorted, following pagination.',
  options: {},
  positionals: [1, 1],
  async run(ctx, _values, [input]) {
    const { registry, repository } = parseRepository(input!)
    const tags = [...(await registryClient(ctx).listTags(registry, repository))].sort()
    if (ctx.global.json) ctx.out(JSON.stringify(tags))
    else for (const tag of tags) ctx.out(tag)
  }
}
