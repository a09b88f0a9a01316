import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../errors.js'
import { RegistryError } from '../../oci/errors.js'
import { formatReference, parseRepository } from '../../oci/reference.js'
import type { ManifestHead, Reference } from '../../oci/types.js'
import { computeContentTag, summarizeInputs } from '../content-tag/index.js'
import type { BuildSpec } from './builder.js'
import { readImageLabels } from './image-config.js'
import { buildLabels, formatSeconds, LABEL_BUILD_SECONDS, parseBuildSeconds } from './labels.js'
import { resolveInputs } from './resolve-inputs.js'
import { selectBuilder } from './select-builder.js'
import type { BuildDeps, BuildOptions, BuildResult } from './types.js'

export type { BuildDeps, BuildOptions, BuildResult } from './types.js'

/**
 * Builds an image only when the mirror registry does not have it yet: the
 * content tag names the inputs, one manifest HEAD answers whether the image
 * exists (an error is an error, never a miss), and only a miss runs the
 * builder. Extra tags are added by pushing the manifest under them.
 */
export async function runBuild(opts: BuildOptions, deps: BuildDeps): Promise<BuildResult> {
  const { registry, repository } = parseRepository(opts.image)
  const inputs = resolveInputs(opts, deps.env)
  const content = await computeContentTag({
    context: inputs.context,
    dockerfile: inputs.dockerfile,
    buildArgs: inputs.buildArgs,
    target: opts.target,
    platforms: inputs.platforms,
    extraFiles: opts.extraFiles,
    extraValues: opts.extraValues,
    includeCommit: opts.includeCommit,
    prefix: opts.tagPrefix
  })
  const ref: Reference = { registry, repository, tag: content.tag }
  const image = formatReference(ref)
  deps.logger.info(`content tag ${content.tag} (from ${content.source})`)
  for (const warning of content.warnings) deps.logger.warning(warning)

  const head = await headOrRefused(deps, ref, image)
  if (head !== undefined) {
    deps.logger.info(`${image} exists (${head.digest}): nothing to build`)
    const extraTags = await addTags(deps, ref, head.digest, inputs.tags)
    const buildSeconds = opts.reportTimeSaved ? await recordedBuildSeconds(deps, ref, head.digest) : undefined
    return { image, digest: head.digest, tag: content.tag, cacheHit: true, buildSeconds, extraTags }
  }

  deps.logger.info(`${image} not in the registry: building`)
  const builder = await selectBuilder(opts.builder ?? 'auto', deps.env, deps.logger)
  const workDir = mkdtempSync(join(tmpdir(), 'image-mirror-build-'))
  const started = performance.now()
  try {
    const spec: BuildSpec = {
      context: inputs.context,
      dockerfile: inputs.dockerfile,
      buildArgs: inputs.buildArgs,
      target: opts.target,
      platforms: inputs.platforms,
      secrets: inputs.secrets,
      labels: buildLabels({
        tag: content.tag,
        inputsSummary: summarizeInputs(content.inputs),
        created: deps.now(),
        revision: opts.revision,
        source: opts.source,
        user: opts.labels
      }),
      ref: image,
      registry,
      insecure: opts.insecure ?? false,
      caFile: opts.caFile,
      credential: await deps.client.transport.credential(registry),
      workDir
    }
    await deps.logger.group(`${builder.name}: build ${image}`, () => builder.build(spec))
    // The image records how long its build took; the second pass is served
    // from the builder's layer cache and only adds this label (docs/build.md).
    const seconds = (performance.now() - started) / 1000
    const labels = { ...spec.labels, [LABEL_BUILD_SECONDS]: formatSeconds(seconds) }
    const reported = await deps.logger.group(`${builder.name}: push ${image}`, () => builder.push({ ...spec, labels }))
    const digest = await verifyPushed(deps, ref, image, builder.name, reported)
    const extraTags = await addTags(deps, ref, digest, inputs.tags)
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10
    return { image, digest, tag: content.tag, cacheHit: false, buildSeconds, extraTags, builder: builder.name }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

/** The existence check: one HEAD. Refused credentials get a message that says so. */
async function headOrRefused(deps: BuildDeps, ref: Reference, image: string): Promise<ManifestHead | undefined> {
  try {
    return await deps.client.headManifest(ref)
  } catch (error) {
    if (error instanceof RegistryError && (error.status === 401 || error.status === 403)) {
      throw new UserError(
        `cannot check ${image}: ${ref.registry} refused access (${error.status}): check the credentials for ${ref.registry}`,
        { cause: error }
      )
    }
    throw error
  }
}

/** Compares the builder's digest with what the registry serves under the tag now. */
async function verifyPushed(deps: BuildDeps, ref: Reference, image: string, builder: string, reported: string): Promise<string> {
  const head = await deps.client.headManifest(ref)
  if (head === undefined) throw new UserError(`build failed: ${builder} reported a push but ${image} is not in the registry`)
  if (head.digest !== reported) {
    throw new UserError(`build failed: ${builder} pushed ${reported} but ${image} resolves to ${head.digest}`)
  }
  return head.digest
}

/** Pushes the manifest under each extra tag: one GET, one PUT per tag, no blob traffic. */
async function addTags(deps: BuildDeps, ref: Reference, digest: string, tags: string[]): Promise<string[]> {
  const extra = tags.filter((t) => t !== ref.tag)
  if (extra.length === 0) return []
  const manifest = await deps.client.getManifest({ registry: ref.registry, repository: ref.repository, digest })
  for (const tag of extra) {
    await deps.client.putManifest(ref.registry, ref.repository, tag, manifest)
    deps.logger.info(`tagged ${formatReference({ ...ref, tag })}`)
  }
  return extra
}

/** The build time recorded on the reused image: the time this hit saved. Unknown is not an error. */
async function recordedBuildSeconds(deps: BuildDeps, ref: Reference, digest: string): Promise<number | undefined> {
  try {
    const labels = await readImageLabels(deps.client, { registry: ref.registry, repository: ref.repository, digest })
    return parseBuildSeconds(labels)
  } catch (error) {
    deps.logger.warning(`cannot read the build time of ${formatReference(ref)}: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}
