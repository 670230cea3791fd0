import { DocSync } from './docSync.js';
import type { DocSyncOptions } from './docSync.js';
import type { Outbox } from './outbox.js';
import type { SyncTransport } from './transport.js';

/**
 * Sends outbox entries of documents that are not open on screen — typed
 * offline, then the user went back to the list or closed the tab. One
 * headless DocSync per such document; each stops once nothing it can send by
 * itself is left (conflicts and refusals wait for the user in the editor).
 * Returns a stop function.
 */
export function flushInBackground(
  transport: SyncTransport,
  outbox: Outbox,
  openDocId: string | null,
  opts: (docId: string) => DocSyncOptions = () => ({}),
): () => void {
  const docIds = new Set(
    outbox
      .all()
      .filter((e) => e.state === 'pending' && e.docId !== openDocId)
      .map((e) => e.docId),
  );
  const running: DocSync[] = [];
  for (const docId of docIds) {
    const sync = new DocSync(docId, transport, outbox, opts(docId));
    running.push(sync);
    const unsubscribe = sync.subscribe(() => {
      if (sync.state !== 'loading' && sync.sendableCount === 0) {
        unsubscribe();
        sync.stop();
      }
    });
    sync.start();
  }
  return () => {
    for (const s of running) s.stop();
  };
}
