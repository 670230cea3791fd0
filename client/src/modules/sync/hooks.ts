import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { flushInBackground } from './backgroundFlush.js';
import { DocSync } from './docSync.js';
import type { DocSyncOptions } from './docSync.js';
import { LocalStorageOutboxStorage, Outbox } from './outbox.js';
import type { SyncTransport } from './transport.js';
import { api } from '../../api/http.js';

/**
 * Opens one document for the lifetime of the component and re-renders when
 * its layout changes (load state, paragraph list, settings), not on every
 * keystroke: children that show cell content subscribe themselves with
 * useSyncVersion or useSyncSelector. The caller keys the component by
 * document and user, so one instance never changes documents.
 */
export function useDocSync(docId: string, userId: string, transport: SyncTransport): DocSync {
  const [sync] = useState(() => new DocSync(docId, transport, new Outbox(new LocalStorageOutboxStorage(userId)), restOptions(docId)));
  useEffect(() => {
    sync.start();
    openSyncs.add(sync);
    // The outbox is on disk at every keystroke; a hidden or closing page sends what it can at once too.
    const flush = (): void => sync.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') sync.flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      openSyncs.delete(sync);
      sync.stop();
    };
  }, [sync]);
  useSyncExternalStore(sync.subscribe, sync.getLayout);
  return sync;
}

/** The documents open on screen (at most one today), for settling before the session ends. */
const openSyncs = new Set<DocSync>();

/**
 * Before signing out: sends what is waiting and gives the acks up to
 * `timeoutMs`. Whatever is still unsent then (offline, say) stays in the
 * user's outbox in this browser and goes out when they sign in again.
 */
export async function settleOpenDocuments(timeoutMs: number): Promise<void> {
  await Promise.all([...openSyncs].map((s) => settle(s, timeoutMs)));
}

/** Sends what can go and resolves once the engine is idle (true), or after `timeoutMs` (false: it waits in the outbox). */
export function settle(sync: DocSync, timeoutMs: number): Promise<boolean> {
  sync.flush();
  if (sync.idle) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (ok: boolean): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    const unsubscribe = sync.subscribe(() => {
      if (sync.idle) finish(true);
    });
  });
}

/** Re-renders on every change of the engine (text, statuses, outbox, presence). */
export function useSyncVersion(sync: DocSync): number {
  return useSyncExternalStore(sync.subscribe, sync.getVersion);
}

/**
 * Re-renders only when `select` gives a different value (Object.is). The
 * selector must return a primitive or a value it keeps stable, such as a
 * string signature; a fresh object each call would re-render every time.
 * It runs once per engine version and selector (React asks for the snapshot
 * several times a render), so a selector may scan the document.
 */
export function useSyncSelector<T>(sync: DocSync, select: (sync: DocSync) => T): T {
  const last = useRef<{ version: number; select: (sync: DocSync) => T; value: T } | null>(null);
  const snapshot = (): T => {
    const version = sync.getVersion();
    const m = last.current;
    if (m && m.version === version && m.select === select) return m.value;
    const value = select(sync);
    last.current = { version, select, value };
    return value;
  };
  return useSyncExternalStore(sync.subscribe, snapshot);
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
