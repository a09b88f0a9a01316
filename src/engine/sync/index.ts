// Repository sync: interval syncs of whole repositories into the mirror
// registry, state and leases kept in the registry itself (docs/sync.md).
export { syncAll, stateLocation, DEFAULT_STATE_REPOSITORY, DEFAULT_RATE_LIMIT_RESERVE, type SyncContext } from './sync.js'
export { syncSummaryMarkdown, entryNotes } from './summary.js'
export { StateStore, stateTag, type SyncState } from './state-store.js'
export type { EntryReport, EntryStatus, SyncClient, SyncEvent, SyncReport } from './types.js'
