// The vendor strategies of a tag delete (R-DEL-2): each checks its
// credentials before anything changes, re-checks that the tag still holds the
// recorded digest, then asks the vendor API to remove the tag. The caller
// verifies the outcome the same way for every strategy (R-DEL-3).
import { errorMessage, UserError } from '../../errors.js'
import type { RegistryClient } from '../client.js'
import { assertUnchanged, isolateTag } from '../delete-dummy.js'
import { formatReference } from '../reference.js'
import type { ManifestHead, Reference } from '../types.js'
import { dockerHubUntag, hubLogin } from './dockerhub.js'
import { checkEcr, ecrUntag } from './ecr.js'
import { checkGhcr, deleteGhcrVersion } from './ghcr.js'
import { checkGitLab, gitlabUntag } from './gitlab.js'
import { harborAuthorization, harborUntag } from './harbor.js'
import type { DeleteStrategy, DeleteVendorOptions } from './strategy.js'

export type VendorStrategy = Exclude<DeleteStrategy, 'generic'>

/** How each vendor strategy reports itself in a DeleteTagResult. */
export const VENDOR_METHODS = {
  ecr: 'ecr-batch-delete',
  gitlab: 'gitlab-api',
  harbor: 'harbor-api',
  dockerhub: 'dockerhub-api',
  ghcr: 'ghcr-version'
} as const
export type VendorMethod = (typeof VENDOR_METHODS)[VendorStrategy]

/** Removes `ref`'s tag (recorded as `head`) through the vendor API of `strategy`. */
export async function vendorUntag(
  strategy: VendorStrategy,
  client: RegistryClient,
  ref: Reference,
  head: ManifestHead,
  vendors: DeleteVendorOptions,
  now: Date
): Promise<VendorMethod> {
  const transport = client.transport
  switch (strategy) {
    case 'ecr':
      checkEcr(ref, vendors.ecr)
      await assertUnchanged(client, ref, head)
      await ecrUntag(transport, ref, vendors.ecr, now)
      break
    case 'gitlab':
      checkGitLab(ref, vendors.gitlab)
      await assertUnchanged(client, ref, head)
      await gitlabUntag(transport, ref, vendors.gitlab)
      break
    case 'harbor':
      await harborAuthorization(transport, ref)
      await assertUnchanged(client, ref, head)
      await harborUntag(transport, ref, head.digest)
      break
    case 'dockerhub':
      await hubLogin(transport, ref)
      await assertUnchanged(client, ref, head)
      await dockerHubUntag(transport, ref, vendors.dockerhub)
      break
    case 'ghcr':
      await ghcrIsolateAndDelete(client, ref, head, vendors.ghcr ?? {}, now)
      break
  }
  return VENDOR_METHODS[strategy]
}

/** GHCR: the tag moves onto a placeholder, whose own package version is then deleted. */
async function ghcrIsolateAndDelete(
  client: RegistryClient,
  ref: Reference,
  head: ManifestHead,
  opts: NonNullable<DeleteVendorOptions['ghcr']>,
  now: Date
): Promise<void> {
  checkGhcr(ref, opts)
  const dummy = await isolateTag(client, ref, head, now)
  try {
    await deleteGhcrVersion(client.transport, ref, dummy, opts)
  } catch (error) {
    const label = formatReference(ref)
    const reason = errorMessage(error).replace(`${label}: `, '')
    throw new UserError(
      `${label} now points to dummy ${dummy}; the original was ${head.digest}; deleting the dummy's package version failed: ${reason}`
    )
  }
}
