// Generic retry with exponential backoff and full jitter (R-RETRY-1/2).
// The caller decides what is retryable; this module only counts attempts,
// waits, and parses Retry-After.

/** What the retry loop does with one outcome. */
export type RetryDecision = { retry: false } | { retry: true; afterMs?: number }

/** One attempt's outcome: a value or a thrown error. */
export type Outcome<T> = { value: T } | { error: unknown }

export interface RetryOptions<T> {
  /** Total attempts, the first one included. Default 5. */
  attempts?: number
  /** First backoff ceiling; doubles per attempt. Default 1000 ms. */
  baseDelayMs?: number
  /** Ceiling for computed backoff. Default 30 s. */
  maxDelayMs?: number
  /** Longest Retry-After honoured; a longer request ends the retries. Default 60 s. */
  maxRetryAfterMs?: number
  sleep?: (ms: number) => Promise<void>
  /** Returns a number in [0, 1): injectable so tests see deterministic delays. */
  random?: () => number
  /** Decides whether an outcome is retried and, optionally, how long the server asked to wait. */
  classify: (outcome: Outcome<T>) => RetryDecision
  /** Called before each wait, e.g. to drain a response body or log. */
  onRetry?: (outcome: Outcome<T>, attempt: number, delayMs: number) => void | Promise<void>
}

/** Real sleep. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `op` until `classify` accepts its outcome or the attempts run out;
 * the last outcome is returned or thrown as is.
 */
export async function retry<T>(
  op: (attempt: number) => Promise<T>,
  opts: RetryOptions<T>
): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 5)
  const base = opts.baseDelayMs ?? 1000
  const max = opts.maxDelayMs ?? 30_000
  const maxRetryAfter = opts.maxRetryAfterMs ?? 60_000
  const wait = opts.sleep ?? sleep
  const random = opts.random ?? Math.random
  for (let attempt = 0; ; attempt++) {
    let outcome: Outcome<T>
    try {
      outcome = { value: await op(attempt) }
    } catch (error) {
      outcome = { error }
    }
    const decision = opts.classify(outcome)
    const last = attempt + 1 >= attempts
    const tooLong =
      decision.retry && decision.afterMs !== undefined && decision.afterMs > maxRetryAfter
    if (!decision.retry || last || tooLong) {
      if ('error' in outcome) throw outcome.error
      return outcome.value
    }
    const delay = decision.afterMs ?? backoffDelay(attempt, base, max, random)
    await opts.onRetry?.(outcome, attempt, delay)
    await wait(delay)
  }
}

/** Full-jitter backoff: uniform in [0, min(max, base·2^attempt)). */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt)
  return Math.floor(random() * ceiling)
}

/**
 * Parses Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Returns milliseconds from `now`, never negative; undefined when absent or
 * unparseable.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now()
): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}

/**
 * The wait a response asks for: `Retry-After`, else Docker Hub's
 * `X-Retry-After` (a unix timestamp in seconds, R-RETRY-2).
 */
export function retryAfterFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  now: number = Date.now()
): number | undefined {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const standard = parseRetryAfter(first(headers['retry-after']), now)
  if (standard !== undefined) return standard
  const epoch = first(headers['x-retry-after'])
  if (epoch === undefined || !/^\d+$/.test(epoch.trim())) return undefined
  return Math.max(0, Number(epoch.trim()) * 1000 - now)
}
