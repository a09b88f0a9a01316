import type { ParseArgsOptionsConfig } from 'node:util'
import { UserError } from '../../errors.js'
import { parseKeyValues } from '../../engine/build/key-values.js'
import { resolveInputs } from '../../engine/build/resolve-inputs.js'
import {
  computeContentTag,
  explainJson,
  explainLines,
  type ContentTagOptions
} from '../../engine/content-tag/index.js'
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
    // The registry client loads only for --diff: plain `tag` runs in every CI step.
    if (values.diff !== undefined) return (await import('./tag-diff.js')).printDiff(ctx, result, values.diff as string)
    if (values.explain) {
      if (ctx.global.json) ctx.out(JSON.stringify(explainJson(result)))
      else for (const line of explainLines(result)) ctx.out(line)
      return
    }
    ctx.out(ctx.global.json ? JSON.stringify({ tag: result.tag, digest: result.digest, source: result.source }) : result.tag)
  }
}
