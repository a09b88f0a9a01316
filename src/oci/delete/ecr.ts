// Untagging on Amazon ECR (registry-protocol §6.2): BatchDeleteImage with the
// tag alone. By tag ECR removes only that tag ("When you remove the last tag
// from an image, the image is deleted"); by imageDigest it deletes the image
// with all its tags, so a digest is never sent (AT-DEL-4).
import { UserError } from '../../errors.js'
import { formatReference } from '../reference.js'
import type { Transport } from '../transport.js'
import type { Reference } from '../types.js'
import { apiError, callApi, jsonOf } from './api.js'
import { signV4 } from './sigv4.js'
import { parseEcrHost, type DeleteVendorOptions, type EcrHost } from './strategy.js'
import { ecrApiEndpoint } from '../ecr-endpoint.js'

const TARGET = 'AmazonEC2ContainerRegistry_V20150921.BatchDeleteImage'
const CONTENT_TYPE = 'application/x-amz-json-1.1'

interface BatchDeleteImageResponse {
  imageIds?: Array<{ imageTag?: string; imageDigest?: string }>
  failures?: Array<{ failureCode?: string; failureReason?: string }>
}

/** Fails before any request when the credentials or the region are missing. */
export function checkEcr(ref: Reference, opts: DeleteVendorOptions['ecr'] = {}): void {
  const label = formatReference(ref)
  if (opts.credentials === undefined) {
    throw new UserError(
      `${label}: the ecr delete strategy needs AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, with AWS_SESSION_TOKEN for temporary ones)`
    )
  }
  if (parseEcrHost(ref.registry) === undefined && opts.region === undefined) {
    throw new UserError(
      `${label}: ${ref.registry} is not an ECR host, so the ecr delete strategy needs a region (AWS_REGION)`
    )
  }
}

/** Removes `ref`'s tag with BatchDeleteImage; a failure entry in the answer is an error. */
export async function ecrUntag(
  transport: Transport,
  ref: Reference,
  opts: DeleteVendorOptions['ecr'] = {},
  now: Date
): Promise<void> {
  checkEcr(ref, opts)
  const what = `${formatReference(ref)}: ECR BatchDeleteImage`
  const host = parseEcrHost(ref.registry)
  const region = host?.region ?? opts.region!
  const url = new URL(opts.endpoint ?? defaultEndpoint(host, region))
  const body = Buffer.from(
    JSON.stringify({
      ...(host === undefined ? {} : { registryId: host.account }),
      repositoryName: ref.repository,
      imageIds: [{ imageTag: ref.tag }]
    })
  )
  const headers = signV4(
    { method: 'POST', url, headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': TARGET }, body },
    opts.credentials!,
    { region, service: 'ecr', now }
  )
  // Not repeated: a second call after a lost answer would report ImageNotFound for a done job.
  const answer = await callApi(transport, what, url, { method: 'POST', headers, body, retry: false })
  if (answer.status !== 200) {
    const denied = answer.status === 403 || answer.body.includes('AccessDenied')
    throw apiError(what, answer, denied ? 'needs ecr:BatchDeleteImage on the repository' : undefined)
  }
  const failure = jsonOf<BatchDeleteImageResponse>(what, answer).failures?.[0]
  if (failure !== undefined) {
    const reason = [failure.failureCode, failure.failureReason].filter(Boolean).join(' ')
    throw new UserError(`${what} failed: ${reason || 'unknown failure'}; nothing was changed`)
  }
}

/** The regional API endpoint of the registry host (ecr-endpoint.ts). */
function defaultEndpoint(host: EcrHost | undefined, region: string): string {
  return ecrApiEndpoint(region, host?.domain ?? 'amazonaws.com', host?.fips === true)
}
