export { DocSync } from './docSync.js';
export type { LoadState } from './docSync.js';
export { Outbox, LocalStorageOutboxStorage, entryKey, newOpId } from './outbox.js';
export type { OutboxEntry, OutboxStorage } from './outbox.js';
export { useDocSync, useBackgroundFlush } from './hooks.js';
export { flushInBackground } from './backgroundFlush.js';
export { SyncIndicator } from './components/SyncIndicator.js';
export type { SyncTransport, CallResult } from './transport.js';
export type { AnyErrorCode } from './retry.js';
