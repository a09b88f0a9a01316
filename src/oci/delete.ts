// Deleting one tag without deleting anything else (registry-protocol §6).
// DELETE by digest removes every tag on that digest, so the digest route is
// taken only once no other tag is proven to need it (R-DEL-1):
//  1. Record the tag's digest and manifest bytes; find every other tag that
//     resolves to the digest, or to an index that lists it.
//  2. Remove the tag with the strategy of the registry (R-DEL-2): a vendor
//     API on ECR, GitLab, Harbor, Docker Hub and GHCR (delete/vendors.ts),
//     otherwise the generic steps 3-5.
//  3. Try the OCI tag DELETE (distribution 3 untags; 2.8 answers 400).
//     405 means deletion is disabled: stop, nothing changed.
//  4. Unsupported and nothing else shares the digest → DELETE by digest.
//  5. Shared → isolate the tag on a unique dummy manifest, then DELETE the
//     dummy by digest (R-DEL-4), or refuse when the fallback is off.
//  6. Verify, whatever the strategy: the tag is gone and every sharing tag
//     still resolves to what it did; otherwise PUT the saved bytes back and
//     fail loudly (R-DEL-3).
import { UserError, errorMessage } from '../errors.js'
import { limiter } from '../util/limit.js'
import { digestOf } from './digest.js'
import { RegistryError } from './errors.js'
import { assertUnchanged, isolateTag } from './delete-dummy.js'
import { assertGhcrAllowed } from './delete/ghcr.js'
import { detectStrategy, type DeleteStrategy, type DeleteVendorOptions } from './delete/strategy.js'
import { VENDOR_METHODS, vendorUntag, type VendorMethod } from './delete/vendors.js'
import { INDEX_MEDIATYPES } from './media-types.js'
import { formatReference } from './reference.js'
import type { Transport } from './transport.js'
import type { ImageIndex, ManifestHead, RawManifest, Reference } from './types.js'
import type { RegistryClient } from './client.js'
import { repositoryScope } from './scope.js'

export interface DeleteTagOptions {
  /** Isolate a shared tag on a dummy manifest when the registry cannot untag. Default true. */
  allowDummyFallback?: boolean
  /** Inspect only: report the digest and the tags sharing it, change nothing. */
  dryRun?: boolean
  now?: () => Date
  /** Which API removes the tag; by default the one of the registry host (detectStrategy). */
  strategy?: DeleteStrategy
  /** Credentials and endpoints of the vendor APIs. */
  vendors?: DeleteVendorOptions
}

export interface DeleteTagResult {
  method: 'tag-delete' | 'dummy-manifest' | 'digest-unshared' | VendorMethod
  digest: string
  /** Other tags that resolved to the digest (or to an index listing it) and were kept. */
  sharedWith: string[]
  dryRun?: boolean
}

/** A tag whose content depends on the digest being deleted. */
interface Dependent {
  tag: string
  /** What the tag resolved to before: the digest itself, or an index that lists it. */
  digest: string
  /** Bytes to restore the tag with if it is lost. */
  manifest?: RawManifest
}

// R-DEL-7: Docker Hub and GitLab challenge a DELETE for the `delete` action.
const deleteScope = (repository: string) => [repositoryScope(repository, ['pull', 'delete'])]

/** DELETE /v2/<name>/manifests/<digest>; every tag on the digest goes with it. */
export async function deleteManifest(
  transport: Transport,
  registry: string,
  repository: string,
  digest: string
): Promise<void> {
  const res = await transport.request({
    method: 'DELETE',
    registry,
    path: `/v2/${repository}/manifests/${digest}`,
    scopes: deleteScope(repository),
    expect: [200, 202, 204]
  })
  await res.dump()
}

/** Removes `ref`'s tag; see the steps above. */
export async function deleteTag(
  client: RegistryClient,
  ref: Reference,
  opts: DeleteTagOptions = {}
): Promise<DeleteTagResult> {
  if (ref.tag === undefined || ref.digest !== undefined) {
    throw new UserError(`${formatReference(ref)}: name a tag (and no digest) to delete`)
  }
  const label = formatReference(ref)
  const strategy = opts.strategy ?? detectStrategy(ref.registry, opts.vendors)
  // Refused by default, before a single request (dry runs included).
  if (strategy === 'ghcr') assertGhcrAllowed(ref, opts.vendors?.ghcr)
  const head = await client.headManifest(ref)
  if (head === undefined) throw new UserError(`${label} not found`)
  const saved = await client.getManifest({ ...ref, tag: undefined, digest: head.digest })
  const dependents = await dependentsOf(client, ref, head.digest)
  const sharedWith = dependents.map((d) => d.tag)
  const result = (method: DeleteTagResult['method']): DeleteTagResult => ({
    method,
    digest: head.digest,
    sharedWith
  })
  if (opts.dryRun) {
    return { ...result(strategy === 'generic' ? 'tag-delete' : VENDOR_METHODS[strategy]), dryRun: true }
  }
  const now = opts.now?.() ?? new Date()
  const method =
    strategy === 'generic'
      ? await genericDelete(client, ref, head, dependents, opts.allowDummyFallback !== false, now)
      : await vendorUntag(strategy, client, ref, head, opts.vendors ?? {}, now)
  await verify(client, ref, saved, dependents)
  return result(method)
}

/** Steps 3-5: the OCI tag DELETE, else by digest when unshared, else dummy isolation. */
async function genericDelete(
  client: RegistryClient,
  ref: Reference,
  head: ManifestHead,
  dependents: Dependent[],
  allowDummy: boolean,
  now: Date
): Promise<DeleteTagResult['method']> {
  if (await tagDelete(client, ref)) return 'tag-delete'
  if (dependents.length === 0) {
    await assertUnchanged(client, ref, head)
    await deleteManifest(client.transport, ref.registry, ref.repository, head.digest)
    return 'digest-unshared'
  }
  if (!allowDummy) {
    throw new UserError(
      `${formatReference(ref)}: the registry cannot delete a tag on its own and ${dependents.map((d) => d.tag).join(', ')} share its image ${head.digest}; nothing was changed (allow the dummy-manifest fallback to delete it)`
    )
  }
  await isolateAndDelete(client, ref, head, now)
  return 'dummy-manifest'
}

/** Other tags resolving to `digest` or to an index listing it: deleting the digest breaks them. */
async function dependentsOf(
  client: RegistryClient,
  ref: Reference,
  digest: string
): Promise<Dependent[]> {
  const tags = (await client.listTags(ref.registry, ref.repository)).filter((t) => t !== ref.tag)
  const limit = limiter(8)
  const found = await Promise.all(
    tags.map((tag) =>
      limit(async (): Promise<Dependent | undefined> => {
        const head = await client.headManifest({ ...ref, tag })
        if (head === undefined) return undefined
        if (head.digest === digest) return { tag, digest }
        if (!INDEX_MEDIATYPES.has(head.mediaType)) return undefined
        const index = await client.getManifest({ ...ref, tag: undefined, digest: head.digest })
        const children = (JSON.parse(index.bytes.toString('utf8')) as ImageIndex).manifests ?? []
        return children.some((c) => c.digest === digest)
          ? { tag, digest: head.digest, manifest: index }
          : undefined
      })
    )
  )
  return found.filter((d): d is Dependent => d !== undefined)
}

/**
 * The OCI tag DELETE. True when the registry untagged; false when it does not
 * support untagging (400 DIGEST_INVALID on distribution 2.x, 404 elsewhere).
 * 405 means deleting is disabled: nothing else would work either.
 */
async function tagDelete(client: RegistryClient, ref: Reference): Promise<boolean> {
  const req = {
    method: 'DELETE',
    registry: ref.registry,
    path: `/v2/${ref.repository}/manifests/${ref.tag}`,
    scopes: deleteScope(ref.repository)
  }
  const res = await client.transport.request(req)
  if (res.status === 200 || res.status === 202 || res.status === 204) {
    await res.dump()
    return true
  }
  const error = await client.transport.errorFrom(req, res)
  if (error.status === 405 || error.hasCode('UNSUPPORTED')) throw disabled(ref, error)
  if (error.status === 400 || error.status === 404) return false
  throw error
}

function disabled(ref: Reference, error: RegistryError): UserError {
  return new UserError(
    `${formatReference(ref)}: ${ref.registry} does not allow deleting (${error.status} ${error.codes.join(' ') || 'refused'}); nothing was changed`
  )
}

/** Points the tag at a unique dummy manifest, then deletes the dummy by digest (R-DEL-4). */
async function isolateAndDelete(
  client: RegistryClient,
  ref: Reference,
  head: ManifestHead,
  now: Date
): Promise<void> {
  const label = formatReference(ref)
  // Probe with a digest nobody stored: a 405 says deletion is off before anything changed (AT-DEL-3).
  // node:crypto loads here, not with the client: most commands never delete.
  const probe = `sha256:${digestOf(process.getBuiltinModule('node:crypto').randomBytes(32)).slice('sha256:'.length)}`
  try {
    await deleteManifest(client.transport, ref.registry, ref.repository, probe)
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error
    if (error.status === 405 || error.hasCode('UNSUPPORTED')) throw disabled(ref, error)
    if (error.status !== 404) throw error
  }
  const dummy = await isolateTag(client, ref, head, now)
  try {
    await deleteManifest(client.transport, ref.registry, ref.repository, dummy)
  } catch (error) {
    throw new UserError(
      `${label} now points to dummy ${dummy}; the original was ${head.digest}; deleting the dummy failed: ${errorMessage(error)}`
    )
  }
}

/** Checks the outcome and puts back whatever was lost (R-DEL-3, AT-DEL-5). */
async function verify(
  client: RegistryClient,
  ref: Reference,
  saved: RawManifest,
  dependents: Dependent[]
): Promise<void> {
  const label = formatReference(ref)
  const left = await client.headManifest(ref)
  const lost: Dependent[] = []
  for (const d of dependents) {
    const head = await client.headManifest({ ...ref, tag: d.tag })
    if (head?.digest !== d.digest) lost.push(d)
  }
  const childLost =
    dependents.some((d) => d.manifest) &&
    (await client.headManifest({ ...ref, tag: undefined, digest: saved.digest })) === undefined
  if (lost.length === 0 && !childLost) {
    if (left !== undefined)
      throw new UserError(
        `${label} still resolves to ${left.digest} after the registry accepted the delete`
      )
    return
  }
  const names = lost.map((d) => d.tag)
  try {
    if (childLost) await client.putManifest(ref.registry, ref.repository, saved.digest, saved)
    for (const d of lost)
      await client.putManifest(ref.registry, ref.repository, d.tag, d.manifest ?? saved)
  } catch (error) {
    throw new UserError(
      `deleting ${label} also removed ${names.join(', ') || saved.digest} and restoring failed (${errorMessage(error)}); re-tag them to ${saved.digest}`
    )
  }
  throw new UserError(
    `deleting ${label} also removed ${names.join(', ') || saved.digest}; they were restored to their previous digests, check the registry's delete semantics`
  )
}
