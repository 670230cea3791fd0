import { useEffect, useState, useSyncExternalStore } from 'react';
import { DocSync } from './docSync.js';
import { LocalStorageOutboxStorage, Outbox } from './outbox.js';
import type { SyncTransport } from './transport.js';
import { api } from '../../api/http.js';

/**
 * Opens one document for the lifetime of the component and re-renders on
 * every change. The caller keys the component by document and user, so one
 * instance never changes documents.
 */
export function useDocSync(docId: string, userId: string, transport: SyncTransport): DocSync {
  const [sync] = useState(
    () =>
      new DocSync(docId, transport, new Outbox(new LocalStorageOutboxStorage(userId)), {
        fetchHistory: async (paragraphId, lang) => {
          const r = await api.cellHistory(docId, paragraphId, lang);
          return r.ok ? r.data.revisions : null;
        },
      }),
  );
  useEffect(() => {
    sync.start();
    return () => sync.stop();
  }, [sync]);
  useSyncExternalStore(sync.subscribe, sync.getVersion);
  return sync;
}
