import { useEffect, useState } from 'react';
import { appendActivity } from '../../../../../shared/domain/activity.js';
import type { ActivityItem } from '../../../../../shared/protocol/review.js';
import { reviewApi } from '../../../api/review.js';
import type { SyncTransport } from '../../sync/index.js';

/**
 * The document's activity: the server's recent lines, then every live event
 * folded in with the same pure rule (shared/domain/activity.ts). Events the
 * initial fetch already covered are dropped by seq.
 */
export function useActivity(docId: string, transport: SyncTransport): ActivityItem[] {
  const [items, setItems] = useState<ActivityItem[]>([]);
  useEffect(() => {
    let live = true;
    let pending: Parameters<Parameters<SyncTransport['onEvent']>[0]>[0][] = [];
    let loaded = false;
    const off = transport.onEvent((ev) => {
      if (ev.docId !== docId) return;
      if (!loaded) pending.push(ev);
      else setItems((prev) => (prev.some((i) => i.seq >= ev.seq) ? prev : appendActivity(prev, ev)));
    });
    void reviewApi.activity(docId).then((r) => {
      if (!live) return;
      let base = r.ok ? r.data.items : [];
      const last = base.at(-1)?.seq ?? 0;
      for (const ev of pending) if (ev.seq > last) base = appendActivity(base, ev);
      pending = [];
      loaded = true;
      setItems(base);
    });
    return () => {
      live = false;
      off();
    };
  }, [docId, transport]);
  return items;
}
