import type { SyncClient } from './types.js'

/**
 * Decides whether another copy may start without spending Docker Hub's pull
 * budget (R-RETRY-5): the remaining pulls last reported, less the copies
 * already in flight (their responses have not lowered the figure yet), must
 * stay above the reserve. Once it says no, it keeps saying no for the rest
 * of the run, so nothing starts after a stop.
 */
export class RateBudget {
  readonly #client: Pick<SyncClient, 'lastRateLimit'>
  readonly reserve: number
  #inFlight = 0
  stoppedAt?: number

  constructor(client: Pick<SyncClient, 'lastRateLimit'>, reserve: number) {
    this.#client = client
    this.reserve = reserve
  }

  /** True when the run has stopped for the rate limit. */
  get stopped(): boolean {
    return this.stoppedAt !== undefined
  }

  /** Claims one copy; false (and stopped from now on) when the budget is down to the reserve. */
  claim(): boolean {
    if (this.stopped) return false
    const limit = this.#client.lastRateLimit
    if (limit !== undefined && limit.remaining - this.#inFlight <= this.reserve) {
      this.stoppedAt = limit.remaining
      return false
    }
    this.#inFlight++
    return true
  }

  /** Ends a claimed copy. */
  done(): void {
    this.#inFlight--
  }
}
