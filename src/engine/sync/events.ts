import type { Logger } from '../../logger.js'
import type { SyncEvent, SyncEventKind } from './types.js'

/** How long a webhook may take before the run moves on without it. */
const WEBHOOK_TIMEOUT_MS = 10_000

/**
 * Sends sync events to the log, the report and, when configured, a webhook:
 * a JSON POST whose `text` field Slack (and Mattermost, Teams' Slack-compatible
 * connectors) display as is. The URL carries a token, so it never appears in
 * a message; a webhook that fails is a warning, never a failed sync.
 */
export class EventSink {
  readonly events: SyncEvent[] = []
  readonly #logger: Logger
  readonly #webhook: string | undefined
  readonly #now: () => Date

  constructor(logger: Logger, webhook: string | undefined, now: () => Date) {
    this.#logger = logger
    this.#webhook = webhook
    this.#now = now
  }

  /** Records one event and delivers it. */
  async emit(kind: SyncEventKind, entry: string, text: string): Promise<void> {
    const event: SyncEvent = { kind, entry, time: this.#now().toISOString(), text }
    this.events.push(event)
    if (kind === 'failed') this.#logger.warning(text)
    else this.#logger.info(text)
    if (this.#webhook !== undefined) await this.#post(event)
  }

  async #post(event: SyncEvent): Promise<void> {
    try {
      const res = await fetch(this.#webhook as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          text: event.text,
          event: event.kind,
          entry: event.entry,
          time: event.time
        }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)
      })
      await res.arrayBuffer()
      if (!res.ok) {
        this.#logger.warning(`webhook: the ${event.kind} event of ${event.entry} got HTTP ${res.status}`)
      }
    } catch (error) {
      // fetch errors can quote the URL; only the error's kind is shown.
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      const why = timedOut ? 'timed out' : 'could not be delivered'
      this.#logger.warning(`webhook: the ${event.kind} event of ${event.entry} ${why}`)
      const kind = error instanceof Error ? error.name : typeof error
      this.#logger.debug(`webhook error type: ${kind}`)
    }
  }
}
