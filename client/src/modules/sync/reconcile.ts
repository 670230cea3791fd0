import type { Cell, CellEditAck, DocEvent, DocumentSnapshot, Lang, Revision } from '../../../../shared/index.js';
import { entryKey } from './outbox.js';
import type { OutboxEntry } from './outbox.js';
import { rebaseOnRemote, settleAfterAck } from './rebase.js';

/**
 * Our own operation seen as an event (its ack was lost, or the event simply
 * arrived first): the ack it stands for. `cell` is the cell after the event.
 */
export function ackFromEvent(ev: DocEvent & { type: 'cell.edited' | 'cell.conflicted' }, cell: Cell | undefined): CellEditAck {
  if (ev.type === 'cell.conflicted') {
    return {
      outcome: 'conflict',
      seq: ev.seq,
      rev: cell?.rev ?? ev.rev,
      text: cell?.text ?? '',
      status: cell?.status ?? 'empty',
      yours: ev.text,
    };
  }
  return { outcome: ev.kind === 'merge' ? 'merged' : 'applied', seq: ev.seq, rev: ev.rev, text: ev.text, status: ev.status };
}

/** Our own operation found in a cell's history after a reload: the ack it stands for. */
export function ackFromHistory(mine: Revision, cell: Cell, seq: number): CellEditAck {
  if (mine.kind === 'conflict') {
    return { outcome: 'conflict', seq, rev: cell.rev, text: cell.text, status: cell.status, yours: mine.text };
  }
  return { outcome: mine.kind === 'merge' ? 'merged' : 'applied', seq, rev: mine.rev, text: mine.text, status: mine.status };
}

/** A cell's history, by entry key, as fetched for the entries that may need it. */
export type Histories = ReadonlyMap<string, readonly Revision[]>;

/**
 * After a reload only a snapshot is available: for edits that were sent but
 * never acknowledged, the cell history says whether (and as what) they landed.
 * Fetches the histories of the cells that may need it: a sent entry whose cell
 * moved on since its base.
 */
export async function sentHistories(
  entries: readonly OutboxEntry[],
  doc: DocumentSnapshot,
  fetchHistory: ((paragraphId: string, lang: Lang) => Promise<Revision[] | null>) | undefined,
): Promise<Histories> {
  const out = new Map<string, Revision[]>();
  if (!fetchHistory) return out;
  for (const e of entries) {
    const cell = doc.paragraphs.find((p) => p.id === e.paragraphId)?.cells[e.lang];
    if (!e.sent || !cell || cell.rev === e.baseRev) continue;
    const revisions = await fetchHistory(e.paragraphId, e.lang);
    if (revisions) out.set(entryKey(e), revisions);
  }
  return out;
}

/**
 * What becomes of an idle entry (none on the wire) when a snapshot replaces
 * the document: a sent edit found in the history is settled as its ack would
 * have settled it, and whatever is left is rebased on the cell as the snapshot
 * has it. The entry itself when nothing changes; null when nothing is left to send.
 */
export function entryAfterSnapshot(e: OutboxEntry, doc: DocumentSnapshot, histories: Histories): OutboxEntry | null {
  const cell = doc.paragraphs.find((p) => p.id === e.paragraphId)?.cells[e.lang];
  if (!cell) return e;
  const mine = e.sent && histories.get(entryKey(e))?.find((r) => r.opId === e.sent?.opId);
  const now = e.sent && mine ? settleAfterAck(e, e.sent, ackFromHistory(mine, cell, doc.seq)) : e;
  return now && cell.rev !== now.baseRev ? rebaseOnRemote(now, cell.text, cell.rev) : now;
}
