// Labels image-mirror puts on every image it builds. The OCI ones follow
// image-spec annotations.md (pre-defined annotation keys).

/** The content tag the image was built for. */
export const LABEL_CONTENT_TAG = 'io.image-mirror.content-tag'
/** The tag inputs (summarizeInputs JSON): what `tag --diff` compares against, from the registry alone. */
export const LABEL_INPUTS = 'io.image-mirror.inputs'
/** Seconds the builder took: what a later cache hit reports as time saved (docs/build.md). */
export const LABEL_BUILD_SECONDS = 'io.image-mirror.build-seconds'

export const LABEL_REVISION = 'org.opencontainers.image.revision'
export const LABEL_SOURCE = 'org.opencontainers.image.source'
export const LABEL_CREATED = 'org.opencontainers.image.created'

/** What goes into the labels of one build, apart from the build time. */
export interface LabelInputs {
  tag: string
  inputsSummary: string
  created: Date
  revision?: string
  source?: string
  /** The user's own labels: they may replace the OCI ones, never image-mirror's. */
  user?: Record<string, string>
}

/**
 * The labels of a build, in the order the builder applies them. The build
 * time is not among them: it is known only once the build has run, and is
 * appended last for the final, cached build step (see buildah.ts, docker.ts).
 */
export function buildLabels(inputs: LabelInputs): Record<string, string> {
  const oci: Record<string, string> = {}
  if (inputs.revision) oci[LABEL_REVISION] = inputs.revision
  if (inputs.source) oci[LABEL_SOURCE] = inputs.source
  oci[LABEL_CREATED] = inputs.created.toISOString()
  // `tag --diff` and time saved read these back: a user label must not replace them.
  const ours = { [LABEL_CONTENT_TAG]: inputs.tag, [LABEL_INPUTS]: inputs.inputsSummary }
  const user = Object.entries(inputs.user ?? {}).filter(([key]) => !key.startsWith('io.image-mirror.'))
  return { ...oci, ...Object.fromEntries(user), ...ours }
}

/** Formats a build duration for the build-seconds label: tenths of a second. */
export function formatSeconds(seconds: number): string {
  return (Math.round(seconds * 10) / 10).toFixed(1)
}

/** Reads the build-seconds label; undefined when absent or not a number. */
export function parseBuildSeconds(labels: Record<string, string> | undefined): number | undefined {
  const value = labels?.[LABEL_BUILD_SECONDS]
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined
  return Number(value)
}
