import type { ParseArgsOptionsConfig } from 'node:util'
import { UserError } from '../../errors.js'
import { readImageLabels } from '../../engine/build/image-config.js'
import { parseKeyValues } from '../../engine/build/key-values.js'
import { LABEL_CONTENT_TAG, LABEL_INPUTS } from '../../engine/build/labels.js'
import { resolveInputs } from '../../engine/build/resolve-inputs.js'
import {
  computeContentTag,
  diffInputs,
  explainJson,
  explainLines,
  type ContentTagOptions,
  type ContentTagResult
} from '../../engine/content-tag/index.js'
import { formatReference, parseReference } from '../../oci/reference.js'
import { registryClient } from '../client.js'
import type { Command, CommandContext, OptionValues } from '../command.js'

/** Options that feed the content tag, shared by `tag` and `build`. */
export const CONTENT_OPTIONS: ParseArgsOptionsConfig = {
  context: { type: 'string' },
  dockerfile: { type: 'string', short: 'f' },
  'build-arg': { type: 'string', multiple: true },
  target: { type: 'string' },
  platform: { type: 'string', multiple: true },
  prefix: { type: 'string' },
  'extra-file': { type: 'string', multiple: true },
  'extra-value': { type: 'string', multiple: true },
  'include-commit': { type: 'boolean' }
}

/** Reads the content-tag options from the command line; paths resolve against the working directory. */
export function contentTagOptions(ctx: CommandContext, values: OptionValues): ContentTagOptions {
  const inputs = resolveInputs(
    {
      context: (values.context as string | undefined) ?? '.',
      dockerfile: values.dockerfile as string | undefined,
      buildArgs: parseKeyValues('--build-arg', values['build-arg'] as string[] | undefined),
      platforms: splitPlatforms(values.platform as string[] | undefined)
    },
    ctx.env,
    ctx.cwd
  )
  return {
    context: inputs.context,
    dockerfile: inputs.dockerfile,
    buildArgs: inputs.buildArgs,
    target: values.target as string | undefined,
    platforms: inputs.platforms,
    prefix: values.prefix as string | undefined,
    extraFiles: values['extra-file'] as string[] | undefined,
    extraValues: parseKeyValues('--extra-value', values['extra-value'] as string[] | undefined),
    includeCommit: values['include-commit'] === true
  }
}

/** `--platform a,b` and `--platform a --platform b` mean the same, as in docker buildx. */
export function splitPlatforms(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')
}

export const command: Command = {
  usage:
    'tag --context DIR [--dockerfile PATH] [--build-arg K=V]... [--target T] [--platform P]... [--prefix P] ' +
    '[--extra-file F]... [--extra-value K=V]... [--include-commit] [--no-git] [--explain | --diff REF] [--json]',
  description: [
    'Prints the content tag of an image: a function of the build context after .dockerignore, the',
    'Dockerfile, the build args the Dockerfile declares, the target, the platforms and extra inputs',
    '(docs/content-tag.md). Nothing is built and no registry is asked.',
    '',
    '--explain lists every input with its digest (--json: an object whose `files` is the sorted',
    'list of paths the builder receives). --json alone prints {tag, digest, source}.',
    '--diff REF says why the tag differs from the image at REF, from the inputs that',
    '`image-mirror build` records on every image (label io.image-mirror.inputs).',
    '--no-git reads every file instead of taking unmodified ones from the git index: same tag, slower.'
  ].join('\n'),
  options: {
    ...CONTENT_OPTIONS,
    'no-git': { type: 'boolean' },
    explain: { type: 'boolean' },
    diff: { type: 'string' }
  },
  positionals: [0, 0],
  async run(ctx, values) {
    if (values.explain && values.diff !== undefined) throw new UserError('--explain and --diff cannot be combined')
    const options = { ...contentTagOptions(ctx, values), useGit: values['no-git'] === true ? false : undefined }
    const result = await computeContentTag(options)
    if (!values.explain) for (const warning of result.warnings) ctx.logger.warning(warning)
    if (values.diff !== undefined) return printDiff(ctx, result, values.diff as string)
    if (values.explain) {
      if (ctx.global.json) ctx.out(JSON.stringify(explainJson(result)))
      else for (const line of explainLines(result)) ctx.out(line)
      return
    }
    ctx.out(ctx.global.json ? JSON.stringify({ tag: result.tag, digest: result.digest, source: result.source }) : result.tag)
  }
}

/** Compares the local inputs with those recorded on the image at `input`: registry only, no pull. */
async function printDiff(ctx: CommandContext, result: ContentTagResult, input: string): Promise<number> {
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
