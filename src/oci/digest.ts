// Content digests (image-spec descriptor.md "Digests") and streaming
// verification of downloaded blobs (R-BLOB-1).
import type { Hash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { UserError } from '../errors.js'

/** Digest algorithms this client computes and verifies. */
export type DigestAlgorithm = 'sha256' | 'sha512'

// Hex length of each supported algorithm; lowercase only ([A-F] MUST NOT be used).
const ENCODED_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 }
// go-digest's DigestRegexpAnchored: tells an unknown-but-well-formed algorithm
// ("unsupported") from a malformed digest ("invalid format").
const DIGEST_SHAPE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const LOWER_HEX = /^[a-f0-9]+$/

/** Sentinel wording of opencontainers/go-digest, reused so messages match other tools. */
export const DIGEST_INVALID_FORMAT = 'invalid checksum digest format'
export const DIGEST_INVALID_LENGTH = 'invalid checksum digest length'
export const DIGEST_UNSUPPORTED = 'unsupported digest algorithm'

/**
 * Why `s` is not a digest this client accepts, in go-digest's wording, or
 * undefined when it is valid. Follows `Digest.Validate` step by step so the
 * same input yields the same reason.
 */
export function digestProblem(s: string): string | undefined {
  const i = s.indexOf(':')
  if (i <= 0 || i + 1 === s.length) return DIGEST_INVALID_FORMAT
  const algorithm = s.slice(0, i)
  const encoded = s.slice(i + 1)
  if (!isAlgorithm(algorithm)) {
    return DIGEST_SHAPE.test(s) ? DIGEST_UNSUPPORTED : DIGEST_INVALID_FORMAT
  }
  if (encoded.length !== ENCODED_LENGTH[algorithm]) return DIGEST_INVALID_LENGTH
  return LOWER_HEX.test(encoded) ? undefined : DIGEST_INVALID_FORMAT
}

/**
 * Splits a digest into algorithm and hex part.
 * @throws UserError naming the digest and what is wrong with it.
 */
export function parseDigest(s: string): { algorithm: DigestAlgorithm; encoded: string } {
  const problem = digestProblem(s)
  if (problem !== undefined) throw new UserError(`invalid digest "${s}": ${problem}`)
  const i = s.indexOf(':')
  return { algorithm: s.slice(0, i) as DigestAlgorithm, encoded: s.slice(i + 1) }
}

/** True when `s` is a sha256 or sha512 digest with the exact lowercase hex length. */
export function isDigest(s: string): boolean {
  return digestProblem(s) === undefined
}

/** The digest (`algorithm:hex`) of `bytes`. */
export function digestOf(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
}

/**
 * The tag under which referrers are stored on registries without the
 * referrers API (distribution-spec "Referrers Tag Schema", §1.9): algorithm
 * truncated to 32 characters, encoded part to 64, and every character outside
 * `[a-zA-Z0-9_.-]` replaced by `-`. Accepts any well-shaped digest, not only
 * the algorithms this client verifies, since the schema is defined for all.
 */
export function referrersTagFor(digest: string): string {
  const i = digest.indexOf(':')
  if (i <= 0 || i + 1 === digest.length) {
    throw new UserError(`invalid digest "${digest}": ${DIGEST_INVALID_FORMAT}`)
  }
  const clean = (part: string) => part.replace(/[^a-zA-Z0-9_.-]/g, '-')
  return `${clean(digest.slice(0, i).slice(0, 32))}-${clean(digest.slice(i + 1).slice(0, 64))}`
}

/** Downloaded content does not match its descriptor (R-BLOB-1): a corrupt or tampered registry answer, reported as one line. */
export class DigestMismatchError extends UserError {
  override name = 'DigestMismatchError'
  readonly expected: { digest: string; size: number }
  constructor(message: string, expected: { digest: string; size: number }) {
    super(message)
    this.expected = expected
  }
}

/**
 * A pass-through stream that hashes and counts what flows through it and
 * fails with DigestMismatchError when the content is longer or shorter than
 * the descriptor's size, or hashes to another digest (R-BLOB-1). Excess bytes
 * are never passed on, so a consumer cannot commit more than was promised.
 */
export class DigestVerifier extends Transform {
  /** Bytes passed through so far. */
  bytes = 0
  readonly #expected: { digest: string; size: number }
  readonly #label: string
  readonly #hash: Hash

  /**
   * @param expected the descriptor's digest and size
   * @param label what is being read, for messages (`registry/repo@digest`)
   * @throws UserError when `expected.digest` is not a supported digest
   */
  constructor(expected: { digest: string; size: number }, label: string) {
    super()
    this.#hash = createHash(parseDigest(expected.digest).algorithm)
    this.#expected = { digest: expected.digest, size: expected.size }
    this.#label = label
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.#expected.size) {
      callback(this.#mismatch(`received more than the expected ${this.#expected.size} bytes`))
      return
    }
    this.#hash.update(chunk)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes !== this.#expected.size) {
      callback(this.#mismatch(`received ${this.bytes} bytes, expected ${this.#expected.size}`))
      return
    }
    const algorithm = parseDigest(this.#expected.digest).algorithm
    const actual = `${algorithm}:${this.#hash.digest('hex')}`
    if (actual !== this.#expected.digest) {
      callback(this.#mismatch(`content has digest ${actual}, expected ${this.#expected.digest}`))
      return
    }
    callback()
  }

  #mismatch(what: string): DigestMismatchError {
    return new DigestMismatchError(`${this.#label}: ${what}`, this.#expected)
  }
}

function isAlgorithm(s: string): s is DigestAlgorithm {
  return Object.hasOwn(ENCODED_LENGTH, s)
}

/**
 * node:crypto, loaded on the first hash: a command that only compares digests
 * the registries report (a repeat copy) then never pays its start-up time.
 */
function createHash(algorithm: string): Hash {
  return process.getBuiltinModule('node:crypto').createHash(algorithm)
}

/**
 * Loads node:crypto now, for a caller that will hash soon and is waiting on
 * the network meanwhile: loading takes 7–15 ms, which then overlaps a round
 * trip instead of following it.
 */
export function preloadHashing(): void {
  process.getBuiltinModule('node:crypto')
}
