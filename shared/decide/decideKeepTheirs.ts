import { AppError, cellKey, cellTextTooLong } from '../index.js';
import type { CellEditAck, CellKeepTheirsPayload, DocumentState } from '../index.js';
import { cellIn, findParagraph, requireLang } from './decision.js';
import type { Decision } from './decision.js';

/**
 * "Keep theirs" after a clash (pure; no I/O): the cell keeps its text, and the
 * text the user gives up becomes a `conflict` revision in the cell's history,
 * at the cell's current revision, so it can be seen and restored later.
 *
 * - `rev` newer than the cell: the client names a revision it cannot have seen → bad_revision.
 * - a text already in the cell's history (the server recorded the clash itself,
 *   or it is an earlier revision) or equal to the current text: nothing to keep
 *   (`unchanged`, no event).
 * - otherwise one `cell.conflicted` event; the ack reads `conflict` with `yours`.
 */
export function decideKeepTheirs(doc: DocumentState, input: CellKeepTheirsPayload): Decision<CellEditAck> {
  if (cellTextTooLong(input.text)) throw new AppError('text_too_long', 'cell text is over the size limit');
  requireLang(doc, input.lang);
  const { p } = findParagraph(doc, input.paragraphId);
  const cell = cellIn(p, input.lang);
  if (input.rev > cell.rev) throw new AppError('bad_revision', `revision ${input.rev} is newer than the cell (${cell.rev})`);
  const kept = input.text === cell.text || (doc.history[cellKey(input.paragraphId, input.lang)] ?? []).some((r) => r.text === input.text);
  const rev = cell.rev;
  const status = cell.status;
  const text = cell.text;
  if (kept) return { bodies: [], finish: (_doc, seq) => ({ outcome: 'unchanged', seq, rev, text, status }) };
  return {
    bodies: [{ type: 'cell.conflicted', paragraphId: input.paragraphId, lang: input.lang, text: input.text, rev }],
    finish: (_doc, seq) => ({ outcome: 'conflict', seq, rev, text, status, yours: input.text }),
  };
}
