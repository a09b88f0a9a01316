// Content digests (image-spec descriptor.md "Digests") and streaming
// verification of downloaded blobs (R-BLOB-1).
import type { Hash } from 'node:crypto'
import { Readable } from 'node:stream'
import { UserError } from '../errors.js'
import { sha256Hex } from './sha256-small.js'

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

/** Inputs up to this size are hashed in JavaScript until node:crypto has loaded. */
const SMALL_INPUT = 64 * 1024
/** node:crypto has been loaded (by the first hash that needed it). */
let cryptoLoaded = false

/**
 * The digest (`algorithm:hex`) of `bytes`. Until something has loaded
 * node:crypto, a small sha256 (a manifest) is computed in JavaScript
 * (sha256-small.ts): a fresh copy then loads node:crypto when its first blob
 * arrives, while it waits for the target's upload sessions, instead of
 * between the manifest's answer and the blobs' requests.
 */
export function digestOf(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  if (algorithm === 'sha256' && !cryptoLoaded && bytes.length <= SMALL_INPUT) return `sha256:${sha256Hex(bytes)}`
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
 * The bytes of a downloaded blob, hashed and counted as they pass (R-BLOB-1).
 * The stream fails with DigestMismatchError when the content is longer or
 * shorter than the descriptor's size, or hashes to another digest. The chunk
 * that completes the size is passed on only after the digest checks out, so a
 * consumer that forwards the bytes (an upload with Content-Length) never sends
 * a whole body of the wrong content; bytes beyond the size are never passed on.
 *
 * One Readable fed by the source's 'data' events, not a Transform: a
 * Transform's writable half costs a callback and a tick for every 64 KiB
 * socket read, which was a tenth of a copy's CPU time.
 */
export class VerifiedBlobStream extends Readable {
  /** Bytes received so far. */
  bytes = 0
  readonly #source: Readable
  readonly #expected: { digest: string; size: number }
  readonly #algorithm: DigestAlgorithm
  readonly #label: string
  readonly #hash: Hash
  #ended = false

  /**
   * @param source the response body
   * @param expected the descriptor's digest and size
   * @param label what is being read, for messages (`registry/repo@digest`)
   * @throws UserError when `expected.digest` is not a supported digest
   */
  constructor(source: Readable, expected: { digest: string; size: number }, label: string) {
    super()
    this.#algorithm = parseDigest(expected.digest).algorithm
    this.#hash = createHash(this.#algorithm)
    this.#source = source
    this.#expected = { digest: expected.digest, size: expected.size }
    this.#label = label
    source.once('end', () => this.#end())
    source.once('error', (error) => this.destroy(error))
    source.once('close', () => {
      if (!this.#ended) this.destroy(new UserError(`${label}: the registry closed the connection before the blob was complete`))
    })
    // Opened ahead of its consumer (the upload's POST may still be out): an
    // error meanwhile waits in the stream's state, where every consumer
    // (undici, pipeline, async iteration) finds it, instead of being thrown.
    this.on('error', () => {})
  }

  override _read(): void {
    // The source flows from the first read on: nothing is hashed or buffered
    // here before the consumer asks.
    if (this.#source.listenerCount('data') === 0) this.#source.on('data', (chunk: Buffer) => this.#take(chunk))
    else this.#source.resume()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#ended = true
    this.#source.destroy()
    callback(error)
  }

  #take(chunk: Buffer): void {
    if (this.destroyed) return
    this.bytes += chunk.length
    if (this.bytes > this.#expected.size) {
      this.#fail(`received more than the expected ${this.#expected.size} bytes`)
      return
    }
    this.#hash.update(chunk)
    if (this.bytes === this.#expected.size && !this.#digestMatches()) return
    if (!this.push(chunk)) this.#source.pause()
  }

  #end(): void {
    if (this.destroyed) return
    this.#ended = true
    if (this.bytes !== this.#expected.size) {
      this.#fail(`received ${this.bytes} bytes, expected ${this.#expected.size}`)
      return
    }
    // The empty blob has no chunk that completes it: its digest is checked here.
    if (this.#expected.size === 0 && !this.#digestMatches()) return
    this.push(null)
  }

  #digestMatches(): boolean {
    const actual = `${this.#algorithm}:${this.#hash.digest('hex')}`
    if (actual === this.#expected.digest) return true
    this.#fail(`content has digest ${actual}, expected ${this.#expected.digest}`)
    return false
  }

  #fail(what: string): void {
    this.destroy(new DigestMismatchError(`${this.#label}: ${what}`, this.#expected))
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
  cryptoLoaded = true
  return process.getBuiltinModule('node:crypto').createHash(algorithm)
}
