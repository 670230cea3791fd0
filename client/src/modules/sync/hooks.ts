import { useEffect, useState, useSyncExternalStore } from 'react';
import { flushInBackground } from './backgroundFlush.js';
import { DocSync } from './docSync.js';
import type { DocSyncOptions } from './docSync.js';
import { LocalStorageOutboxStorage, Outbox } from './outbox.js';
import type { SyncTransport } from './transport.js';
import { api } from '../../api/http.js';

/**
 * Opens one document for the lifetime of the component and re-renders on
 * every change. The caller keys the component by document and user, so one
 * instance never changes documents.
 */
export function useDocSync(docId: string, userId: string, transport: SyncTransport): DocSync {
  const [sync] = useState(() => new DocSync(docId, transport, new Outbox(new LocalStorageOutboxStorage(userId)), restOptions(docId)));
  useEffect(() => {
    sync.start();
    return () => sync.stop();
  }, [sync]);
  useSyncExternalStore(sync.subscribe, sync.getVersion);
  return sync;
}

function restOptions(docId: string): DocSyncOptions {
  return {
    fetchHistory: async (paragraphId, lang) => {
      const r = await api.cellHistory(docId, paragraphId, lang);
      return r.ok ? r.data.revisions : null;
    },
  };
}

/** Sends waiting edits of every document except the one on screen (which its editor sends). */
export function useBackgroundFlush(transport: SyncTransport | null, userId: string | null, openDocId: string | null): void {
  useEffect(() => {
    if (!transport || !userId) return;
    return flushInBackground(transport, new Outbox(new LocalStorageOutboxStorage(userId)), openDocId, restOptions);
  }, [transport, userId, openDocId]);
}
