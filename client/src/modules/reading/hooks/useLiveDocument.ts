import { useEffect, useRef, useState } from 'react';
import { applyEvent, EventMismatchError } from '../../../../../shared/domain/reducer.js';
import type { ReducibleDoc } from '../../../../../shared/domain/reducer.js';
import type { DocEvent } from '../../../../../shared/domain/events.js';
import type { DocumentSnapshot } from '../../../../../shared/protocol/dto.js';
import type { SyncTransport } from '../../sync/index.js';

export type LiveDocState =
  | { status: 'loading' }
  | { status: 'error'; code: string }
  | { status: 'ready'; doc: DocumentSnapshot; version: number; connected: boolean };

/**
 * A read-only copy of a document kept live the way the editor keeps its own:
 * the join snapshot, then every `doc:event` applied with the shared reducer
 * (events at or below our seq dropped, a gap → rejoin with `sinceSeq`, and
 * so on `doc:stale`, after the join on the way if there is one: it may have
 * been answered from the server's old copy).
 * `beforeChange` runs before each change reaches React, so the reading view
 * can note the reader's place first.
 *
 * The socket is not made to leave the document on unmount: the tab's one
 * connection may be joined to it for the editor or the background flush too,
 * and a stray event for a document not on screen is simply ignored.
 */
export function useLiveDocument(docId: string, transport: SyncTransport, beforeChange: () => void): LiveDocState {
  const [state, setState] = useState<LiveDocState>({ status: 'loading' });
  const before = useRef(beforeChange);
  before.current = beforeChange;

  useEffect(() => {
    let doc: ReducibleDoc | null = null;
    let version = 0;
    let joining = false;
    let staleMeanwhile = false;
    let closed = false;
    const buffered: DocEvent[] = [];

    // A burst of events (typing elsewhere, a batch approval) becomes one render per frame:
    // rebuilding a 2,000-row view per event would fall behind the stream.
    let scheduled = false;
    const render = (): void => {
      scheduled = false;
      if (closed || !doc) return;
      before.current();
      const { history: _h, ...snapshot } = doc;
      setState({ status: 'ready', doc: snapshot, version: ++version, connected: transport.connected });
    };
    const publish = (): void => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(render);
    };
    const apply = (ev: DocEvent): boolean => {
      if (!doc || ev.seq <= doc.seq) return false;
      try {
        applyEvent(doc, ev);
        return true;
      } catch (err) {
        if (!(err instanceof EventMismatchError)) throw err;
        void join();
        return false;
      }
    };
    const join = async (): Promise<void> => {
      if (joining || closed) return;
      joining = true;
      const r = await transport.join(doc ? { docId, sinceSeq: doc.seq } : { docId });
      joining = false;
      if (closed) return;
      if (!r.ok) {
        // Deleted while shown (a stale copy's rejoin learns it so): the screen says so rather than keep it.
        if (doc && r.error.code !== 'document_not_found') return;
        doc = null; // nothing more to render from
        setState({ status: 'error', code: r.error.code });
        return;
      }
      if (r.data.mode === 'snapshot') doc = structuredClone(r.data.doc);
      else for (const ev of r.data.events) apply(ev);
      for (const ev of buffered.splice(0)) apply(ev);
      publish();
      if (staleMeanwhile) {
        staleMeanwhile = false;
        void join();
      }
    };

    const offEvent = transport.onEvent((ev) => {
      if (ev.docId !== docId) return;
      if (!doc || joining) buffered.push(ev);
      else if (apply(ev)) publish();
    });
    const offConnect = transport.onConnect(() => void join());
    const offDisconnect = transport.onDisconnect(() => publish());
    const offStale = transport.onStale((id) => {
      if (id !== docId) return;
      if (joining) staleMeanwhile = true;
      else void join();
    });
    if (transport.connected) void join();
    return () => {
      closed = true;
      offEvent();
      offConnect();
      offDisconnect();
      offStale();
    };
  }, [docId, transport]);

  return state;
}
