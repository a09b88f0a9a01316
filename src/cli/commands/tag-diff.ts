// `image-mirror tag --diff REF`: the local inputs against those an image records.
import { UserError } from '../../errors.js'
import { readImageLabels } from '../../engine/build/image-config.js'
import { LABEL_CONTENT_TAG, LABEL_INPUTS } from '../../engine/build/labels.js'
import { diffInputs, type ContentTagResult } from '../../engine/content-tag/index.js'
import { formatReference, parseReference } from '../../oci/reference.js'
import { registryClient } from '../client.js'
import type { CommandContext } from '../command.js'
import { delayWasmTierUp } from '../../heap.js'

/** Compares the local inputs with those recorded on the image at `input`: registry only, no pull. */
export async function printDiff(ctx: CommandContext, result: ContentTagResult, input: string): Promise<number> {
  // Set here, not in main: plain `tag` talks to no registry and should not load node:v8.
  delayWasmTierUp()
  const ref = parseReference(input)
  const client = registryClient(ctx)
  const head = await client.headManifest(ref)
  if (head === undefined) throw new UserError(`${formatReference(ref)} not found`)
  const labels = await readImageLabels(client, { registry: ref.registry, repository: ref.repository, digest: head.digest })
  const summary = labels[LABEL_INPUTS]
  if (summary === undefined) {
    throw new UserError(`${formatReference(ref)} has no ${LABEL_INPUTS} label: it was not built by image-mirror build`)
  }
  const remoteTag = labels[LABEL_CONTENT_TAG]
  const differences = diffInputs(result.inputs, summary)
  if (ctx.global.json) {
    ctx.out(JSON.stringify({ tag: result.tag, remoteTag, same: differences.length === 0, differences }))
  } else if (differences.length === 0) {
    ctx.out(`same inputs: ${result.tag} matches ${formatReference(ref)}`)
  } else {
    ctx.out(`${result.tag} differs from ${formatReference(ref)}${remoteTag ? ` (${remoteTag})` : ''}:`)
    for (const line of differences) ctx.out(`  ${line}`)
  }
  return 0
}
