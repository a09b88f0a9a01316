// Checks applied to every manifest read from a registry (registry-protocol
// §1.3): schema1 refused, mediaType consistent with Content-Type, digest
// computed over the raw bytes and compared with what was asked and what the
// registry claims.
import { UserError } from '../errors.js'
import { digestOf, type DigestAlgorithm } from './digest.js'
import { MEDIATYPE_OCI_INDEX, MEDIATYPE_OCI_MANIFEST, SCHEMA1_MEDIATYPES } from './media-types.js'
import type { RawManifest } from './types.js'

/** Content types that say nothing about the manifest kind. */
const GENERIC_TYPES = new Set([
  '',
  'application/json',
  'text/plain',
  'application/octet-stream',
  'binary/octet-stream'
])

/** A Content-Type without parameters, lower-cased (AT-MAN-5: parameters are ignored). */
export function bareMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/** True when a Content-Type names no specific manifest kind. */
export function isGenericType(mediaType: string): boolean {
  return GENERIC_TYPES.has(mediaType)
}

/** The algorithm of a digest string (`sha256` of `sha256:…`). */
export function digestAlgorithm(digest: string): string {
  return digest.slice(0, digest.indexOf(':'))
}

/** The algorithm to hash with: the one of the digest asked for or claimed, sha256 otherwise. */
function manifestAlgorithm(digest: string | undefined): DigestAlgorithm {
  const algorithm = digest === undefined ? 'sha256' : digestAlgorithm(digest)
  return algorithm === 'sha512' ? 'sha512' : 'sha256'
}

function schema1Error(label: string): UserError {
  return new UserError(
    `${label} is a Docker schema 1 manifest, which is deprecated and not supported; rebuild or re-push it with a current tool`
  )
}

/**
 * Validates raw manifest bytes and returns them with their media type and
 * digest (R-MAN-2/3/4). `label` names the reference in errors.
 */
export function checkManifest(
  label: string,
  bytes: Buffer,
  contentType: string | undefined,
  claimedDigest: string | undefined,
  requestedDigest: string | undefined
): RawManifest {
  const headerType = bareMediaType(contentType)
  if (SCHEMA1_MEDIATYPES.has(headerType)) throw schema1Error(label)
  let body: { schemaVersion?: unknown; mediaType?: unknown; manifests?: unknown }
  try {
    body = JSON.parse(bytes.toString('utf8')) as typeof body
  } catch {
    throw new UserError(`${label}: the manifest is not valid JSON`)
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UserError(`${label}: the manifest is not a JSON object`)
  }
  if (body.schemaVersion === 1) throw schema1Error(label)
  const bodyType = typeof body.mediaType === 'string' ? body.mediaType : undefined
  if (bodyType !== undefined && !isGenericType(headerType) && bodyType !== headerType) {
    throw new UserError(
      `${label}: the registry sent Content-Type ${headerType} for a manifest whose mediaType is ${bodyType}`
    )
  }
  const mediaType =
    bodyType ??
    (!isGenericType(headerType)
      ? headerType
      : Array.isArray(body.manifests)
        ? MEDIATYPE_OCI_INDEX
        : MEDIATYPE_OCI_MANIFEST)
  const algorithm = manifestAlgorithm(requestedDigest ?? claimedDigest)
  const digest = digestOf(bytes, algorithm)
  if (requestedDigest !== undefined && digest !== requestedDigest) {
    throw new UserError(
      `${label}: the registry returned a manifest with digest ${digest} instead of ${requestedDigest}`
    )
  }
  if (
    claimedDigest !== undefined &&
    digestAlgorithm(claimedDigest) === algorithm &&
    claimedDigest !== digest
  ) {
    throw new UserError(
      `${label}: Docker-Content-Digest ${claimedDigest} does not match the manifest bytes (${digest})`
    )
  }
  return { bytes, mediaType, digest }
}
