import type { Cell, CellEditAck, DocEvent, DocumentSnapshot, Lang, Revision } from '../../../../shared/index.js';
import type { OutboxEntry } from './outbox.js';
import { settleAfterAck } from './rebase.js';

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

/**
 * After a reload only a snapshot is available: for edits that were sent but
 * never acknowledged, the cell history says whether (and as what) they landed.
 * Returns the settled replacement (null: nothing left to send) per entry it could settle.
 */
export async function settleFromHistory(
  entries: readonly OutboxEntry[],
  doc: DocumentSnapshot,
  fetchHistory: (paragraphId: string, lang: Lang) => Promise<Revision[] | null>,
): Promise<Map<OutboxEntry, OutboxEntry | null>> {
  const out = new Map<OutboxEntry, OutboxEntry | null>();
  for (const e of entries) {
    const cell = doc.paragraphs.find((p) => p.id === e.paragraphId)?.cells[e.lang];
    if (!e.sent || !cell || cell.rev === e.baseRev) continue;
    const mine = (await fetchHistory(e.paragraphId, e.lang))?.find((r) => r.opId === e.sent?.opId);
    if (mine) out.set(e, settleAfterAck(e, e.sent, ackFromHistory(mine, cell, doc.seq)));
  }
  return out;
}
