import type { Cell, CellEditAck, DocEvent, Revision } from '../../../../shared/index.js';

/**
 * Our own operation seen as an event (its ack was lost, or the event simply
 * arrived first): the ack it stands for. `cell` is the cell after the event.
 */
export function ackFromEvent(ev: DocEvent & { type: 'cell.edited' | 'cell.conflicted' }, cell: Cell | undefined): CellEditAck {
  if (ev.type === 'cell.conflicted') {
    return { outcome: 'conflict', seq: ev.seq, rev: cell?.rev ?? ev.rev, text: cell?.text ?? '', status: cell?.status ?? 'empty', yours: ev.text };
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
