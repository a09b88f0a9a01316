// Untagging on Amazon ECR and ECR Public (registry-protocol §6.2):
// BatchDeleteImage with the tag alone. By tag ECR removes only that tag ("When
// you remove the last tag from an image, the image is deleted"); by
// imageDigest it deletes the image with all its tags, so a digest is never
// sent (AT-DEL-4). ECR Public has the same call in its own API.
import { UserError } from '../../errors.js'
import { ecrApi, ecrRegistryOf } from '../ecr-hosts.js'
import { formatReference } from '../reference.js'
import type { Transport } from '../transport.js'
import type { Reference } from '../types.js'
import { apiError, callApi, jsonOf } from './api.js'
import { signV4 } from './sigv4.js'
import type { DeleteVendorOptions } from './strategy.js'

const CONTENT_TYPE = 'application/x-amz-json-1.1'

interface BatchDeleteImageResponse {
  imageIds?: Array<{ imageTag?: string; imageDigest?: string }>
  failures?: Array<{ failureCode?: string; failureReason?: string }>
}

/** Fails before any request when the credentials, the region or the registry alias are missing. */
export function checkEcr(ref: Reference, opts: DeleteVendorOptions['ecr'] = {}): void {
  const label = formatReference(ref)
  if (opts.credentials === undefined) {
    throw new UserError(
      `${label}: the ecr delete strategy needs AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, with AWS_SESSION_TOKEN for temporary ones)`
    )
  }
  const registry = ecrRegistryOf(ref.registry, opts.aliases)
  if (registry === undefined && opts.region === undefined) {
    throw new UserError(
      `${label}: ${ref.registry} is not an ECR host, so the ecr delete strategy needs a region (AWS_REGION)`
    )
  }
  if (registry?.kind === 'public' && !ref.repository.includes('/')) {
    throw new UserError(
      `${label}: ECR Public repositories are named <registry alias>/<repository>, and this one names no alias`
    )
  }
}

/** The API call that removes `ref`'s tag: the registry's API and the request body. */
function batchDeleteImage(ref: Reference, opts: DeleteVendorOptions['ecr'] = {}) {
  const registry = ecrRegistryOf(ref.registry, opts.aliases)
  if (registry?.kind === 'public') {
    // public.ecr.aws/<alias>/<name>: the API takes the alias as the registry id.
    const slash = ref.repository.indexOf('/')
    return {
      api: ecrApi(registry, opts),
      body: {
        registryId: ref.repository.slice(0, slash),
        repositoryName: ref.repository.slice(slash + 1),
        imageIds: [{ imageTag: ref.tag }]
      }
    }
  }
  // A host that is not ECR's own name signs in the region the user gives.
  const host = registry ?? { kind: 'private' as const, region: opts.region!, domain: 'amazonaws.com', fips: false }
  return {
    api: ecrApi(host, opts),
    body: {
      ...(registry === undefined ? {} : { registryId: registry.account }),
      repositoryName: ref.repository,
      imageIds: [{ imageTag: ref.tag }]
    }
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
  const { api, body: request } = batchDeleteImage(ref, opts)
  const what = `${formatReference(ref)}: ${api.service === 'ecr' ? 'ECR' : 'ECR Public'} BatchDeleteImage`
  const url = new URL(api.endpoint)
  const body = Buffer.from(JSON.stringify(request))
  const headers = signV4(
    {
      method: 'POST',
      url,
      headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': `${api.targetPrefix}BatchDeleteImage` },
      body
    },
    opts.credentials!,
    { region: api.region, service: api.service, now }
  )
  // Not repeated: a second call after a lost answer would report ImageNotFound for a done job.
  const answer = await callApi(transport, what, url, { method: 'POST', headers, body, retry: false })
  if (answer.status !== 200) {
    const denied = answer.status === 403 || answer.body.includes('AccessDenied')
    const permission = `needs ${api.service}:BatchDeleteImage on the repository`
    throw apiError(what, answer, denied ? permission : undefined)
  }
  const failure = jsonOf<BatchDeleteImageResponse>(what, answer).failures?.[0]
  if (failure !== undefined) {
    const reason = [failure.failureCode, failure.failureReason].filter(Boolean).join(' ')
    throw new UserError(`${what} failed: ${reason || 'unknown failure'}; nothing was changed`)
  }
}
