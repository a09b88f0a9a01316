// Image references: the distribution/reference grammar and its Docker Hub
// normalisation, implemented verbatim (registry-protocol.md §5, R-REF-PARSE-1).
import { UserError } from '../errors.js'
import { digestProblem } from './digest.js'
import type { Reference } from './types.js'

/** The registry that familiar names (`ubuntu`, `foo/bar`) belong to. */
export const DEFAULT_REGISTRY = 'docker.io'
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io'
const OFFICIAL_REPO_PREFIX = 'library/'
/** distribution's RepositoryNameTotalLengthMax, counted without the domain (commit aaca75e). */
export const REPOSITORY_NAME_MAX = 255
export const TAG_MAX = 128

// Building blocks of distribution/reference regexp.go. JS `\w` without the `u`
// flag is ASCII-only, like RE2's.
const ALPHANUMERIC = '[a-z0-9]+'
const SEPARATOR = '(?:[._]|__|[-]+)'
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN_NAME = `${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*`
const IPV6_ADDRESS = '\\[(?:[a-fA-F0-9:]+)\\]'
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME}|${IPV6_ADDRESS})(?::[0-9]+)?`
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`
const TAG = `[\\w][\\w.-]{0,${TAG_MAX - 1}}`
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}'

/** The anchored regexps of distribution/reference, for callers that validate pieces. */
export const referencePatterns = {
  /** `domainAndPort`: a registry host with optional port. */
  domainAndPort: new RegExp(`^${DOMAIN_AND_PORT}$`),
  /** `anchoredNameRegexp`: groups are domain and remote name. */
  anchoredName: new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`),
  /** `ReferenceRegexp`: groups are name, tag and digest. */
  reference: new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`),
  /** `anchoredIdentifierRegexp`: a bare image ID, never a repository name. */
  identifier: /^[a-f0-9]{64}$/,
  tag: new RegExp(`^${TAG}$`)
} as const

// What follows the domain once it has been split off: path[:tag][@digest].
const REMAINDER = new RegExp(`^(${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`)
const REMAINDER_ANY_TAG_LENGTH = new RegExp(`^${REMOTE_NAME}(?::([\\w][\\w.-]*))?(?:@${DIGEST})?$`)
const REMOTE_NAME_ONLY = new RegExp(`^${REMOTE_NAME}$`)

// distribution/reference sentinel errors (R-REF-PARSE-2).
export const ERR_INVALID_FORMAT = 'invalid reference format'
export const ERR_NAME_UPPERCASE = 'repository name must be lowercase'
export const ERR_NAME_EMPTY = 'repository name must have at least one component'
export const ERR_NAME_TOO_LONG =
  `repository name must not be more than ${REPOSITORY_NAME_MAX} characters`
export const ERR_TAG_INVALID = 'invalid tag format'
export const ERR_TAG_TOO_LONG = `tag must not be more than ${TAG_MAX} characters`
export const ERR_IDENTIFIER = 'cannot specify 64-byte hexadecimal strings as a repository name'

/** A reference the user wrote does not follow the grammar. */
export class InvalidReferenceError extends UserError {
  override name = 'InvalidReferenceError'
  /** The reference as written. */
  readonly reference: string
  /** distribution's wording of what is wrong. */
  readonly reason: string
  constructor(reference: string, reason: string) {
    super(`invalid reference "${reference}": ${reason}`)
    this.reference = reference
    this.reason = reason
  }
}

/**
 * Parses `[registry/]repository[:tag][@digest]` like docker and containerd do
 * (ParseNormalizedNamed): familiar names are placed on Docker Hub with the
 * `library/` prefix, `index.docker.io` becomes `docker.io`. A tag and a digest
 * may both be present and are both kept; no default tag is added.
 * @throws InvalidReferenceError naming the input and what is wrong
 */
export function parseReference(input: string): Reference {
  if (input === '') throw new InvalidReferenceError(input, ERR_NAME_EMPTY)
  const { registry, remainder } = splitName(input)
  // distribution lets an invalid host such as `ex_ample.com` fall back into a
  // domain-less path; every reference here needs a registry, so it is an error.
  const validRegistry = referencePatterns.domainAndPort.test(registry)
  const m = validRegistry ? REMAINDER.exec(remainder) : null
  if (m === null) {
    // distribution only says "invalid reference format"; naming the tag length helps more.
    const anyTag = validRegistry ? REMAINDER_ANY_TAG_LENGTH.exec(remainder)?.[1] : undefined
    const tooLong = anyTag !== undefined && anyTag.length > TAG_MAX
    throw new InvalidReferenceError(input, tooLong ? ERR_TAG_TOO_LONG : ERR_INVALID_FORMAT)
  }
  const [, repository = '', tag, digest] = m
  if (repository.length > REPOSITORY_NAME_MAX) {
    throw new InvalidReferenceError(input, ERR_NAME_TOO_LONG)
  }
  if (digest !== undefined) {
    const problem = digestProblem(digest)
    if (problem !== undefined) throw new InvalidReferenceError(input, problem)
  }
  const ref: Reference = { registry, repository }
  if (tag !== undefined) ref.tag = tag
  if (digest !== undefined) ref.digest = digest
  return ref
}

/**
 * Parses a repository name without tag or digest (`ghcr.io/owner/app`,
 * `nginx` → docker.io/library/nginx), as distribution's WithName does after
 * normalisation.
 * @throws InvalidReferenceError, also when a tag or digest is present
 */
export function parseRepository(input: string): { registry: string; repository: string } {
  if (input === '') throw new InvalidReferenceError(input, ERR_INVALID_FORMAT)
  const { registry, remainder } = splitName(input)
  const validRegistry = referencePatterns.domainAndPort.test(registry)
  if (!validRegistry || !REMOTE_NAME_ONLY.test(remainder)) {
    const hasTagOrDigest = validRegistry && REMAINDER_ANY_TAG_LENGTH.test(remainder)
    const hint = hasTagOrDigest ? ' (a repository name takes no tag or digest)' : ''
    throw new InvalidReferenceError(input, ERR_INVALID_FORMAT + hint)
  }
  if (remainder.length > REPOSITORY_NAME_MAX) {
    throw new InvalidReferenceError(input, ERR_NAME_TOO_LONG)
  }
  return { registry, repository: remainder }
}

/** `registry/repository[:tag][@digest]`: the fully qualified form, parseable again. */
export function formatReference(ref: Reference): string {
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`
  const digest = ref.digest === undefined ? '' : `@${ref.digest}`
  return `${ref.registry}/${ref.repository}${tag}${digest}`
}

/** The name docker shows: no `docker.io/`, and no `library/` for official images. */
export function familiarName(ref: Pick<Reference, 'registry' | 'repository'>): string {
  if (ref.registry !== DEFAULT_REGISTRY) return `${ref.registry}/${ref.repository}`
  const official = ref.repository.startsWith(OFFICIAL_REPO_PREFIX)
    ? ref.repository.slice(OFFICIAL_REPO_PREFIX.length)
    : undefined
  // Only single-component names under library/ are official images (FamiliarName).
  return official !== undefined && !official.includes('/') ? official : ref.repository
}

/** familiarName plus tag and digest, for messages and summaries. */
export function familiarString(ref: Reference): string {
  return formatReference(ref).replace(`${ref.registry}/${ref.repository}`, familiarName(ref))
}

/** True when `tag` is a valid tag: `[\w][\w.-]{0,127}`. */
export function isValidTag(tag: string): boolean {
  return referencePatterns.tag.test(tag)
}

/**
 * The same reference with `tag` (an existing digest is kept).
 * @throws InvalidReferenceError when the tag is invalid
 */
export function withTag(ref: Reference, tag: string): Reference {
  if (!isValidTag(tag)) {
    const tooLong = tag.length > TAG_MAX && /^[\w][\w.-]*$/.test(tag)
    const written = formatReference({ ...ref, tag: undefined, digest: undefined }) + `:${tag}`
    throw new InvalidReferenceError(written, tooLong ? ERR_TAG_TOO_LONG : ERR_TAG_INVALID)
  }
  return { ...ref, tag }
}

/**
 * The same reference with `digest` (an existing tag is kept).
 * @throws InvalidReferenceError when the digest is not a sha256/sha512 digest
 */
export function withDigest(ref: Reference, digest: string): Reference {
  const problem = digestProblem(digest)
  if (problem !== undefined) {
    const written = formatReference({ ...ref, digest: undefined }) + `@${digest}`
    throw new InvalidReferenceError(written, problem)
  }
  return { ...ref, digest }
}

/**
 * What a pull resolves (ParseDockerRef): the digest alone when there is one,
 * the tag shown for information only (R-REF-PARSE-3); `latest` when neither
 * is given (TagNameOnly).
 */
export function toDockerRef(ref: Reference): Reference {
  const { registry, repository } = ref
  if (ref.digest !== undefined) return { registry, repository, digest: ref.digest }
  return { registry, repository, tag: ref.tag ?? 'latest' }
}

/** The API base URL of a registry: Docker Hub's API lives on registry-1.docker.io (§5). */
export function registryBaseUrl(registry: string, scheme: 'https' | 'http'): string {
  return `${scheme}://${registry === DEFAULT_REGISTRY ? 'registry-1.docker.io' : registry}`
}

/**
 * splitDockerDomain plus the checks ParseNormalizedNamed makes before parsing:
 * a bare image ID is refused and the path (up to the tag) must be lowercase.
 */
function splitName(input: string): { registry: string; remainder: string } {
  if (referencePatterns.identifier.test(input)) {
    throw new InvalidReferenceError(input, ERR_IDENTIFIER)
  }
  let registry = DEFAULT_REGISTRY
  let remainder = input
  const slash = input.indexOf('/')
  if (slash !== -1) {
    const first = input.slice(0, slash)
    if (first === LEGACY_DEFAULT_DOMAIN) {
      remainder = input.slice(slash + 1)
    } else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
      // A '.' or ':' marks a host or port; an uppercase letter cannot be a
      // namespace, so it must be a host too (normalize_test.go LOCALDOMAIN).
      registry = first
      remainder = input.slice(slash + 1)
    }
  }
  // Official images: docker.io/ubuntu is docker.io/library/ubuntu.
  if (registry === DEFAULT_REGISTRY && !remainder.includes('/')) {
    remainder = OFFICIAL_REPO_PREFIX + remainder
  }
  const colon = remainder.indexOf(':')
  const path = colon === -1 ? remainder : remainder.slice(0, colon)
  if (path.toLowerCase() !== path) throw new InvalidReferenceError(input, ERR_NAME_UPPERCASE)
  return { registry, remainder }
}
