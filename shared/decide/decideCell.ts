import { AppError, cellTextTooLong, merge3 } from '../index.js';
import type { CellEditAck, CellEditPayload, DocumentState } from '../index.js';
import { cellIn, findParagraph, requireLang, textAtRevision } from './decision.js';
import type { Decision } from './decision.js';

/**
 * Decides a cell edit against the current document (pure; no I/O).
 *
 * - baseRev newer than the cell: the client invented a revision → bad_revision.
 * - baseRev current: the text becomes the next revision.
 * - baseRev stale: three-way merge of (text at baseRev, current, incoming) on
 *   graphemes. A clean merge is a new `merge` revision; a clash keeps the current
 *   text and records the sender's text as a `conflict` entry in history, so that
 *   nothing anyone typed is lost.
 * - a result equal to the current text: `unchanged`, no event.
 */
export function decideCellEdit(doc: DocumentState, input: CellEditPayload): Decision<CellEditAck> {
  if (cellTextTooLong(input.text)) throw new AppError('text_too_long', 'cell text is over the size limit');
  requireLang(doc, input.lang);
  const { p } = findParagraph(doc, input.paragraphId);
  const cell = cellIn(p, input.lang);
  if (input.baseRev > cell.rev) {
    throw new AppError('bad_revision', `base revision ${input.baseRev} is newer than the cell (${cell.rev})`);
  }

  let text = input.text;
  let kind: 'edit' | 'merge' = 'edit';
  if (input.baseRev < cell.rev) {
    const base = textAtRevision(doc, input.paragraphId, input.lang, input.baseRev);
    if (base === undefined) throw new AppError('bad_revision', `revision ${input.baseRev} is not in the cell's history`);
    const merged = merge3(base, cell.text, input.text);
    if (!merged.ok) return conflict(input, cell.rev);
    text = merged.text;
    kind = 'merge';
  }
  if (text === cell.text) {
    return {
      bodies: [],
      finish: (_doc, seq) => ({ outcome: 'unchanged', seq, rev: cell.rev, text: cell.text, status: cell.status }),
    };
  }
  return {
    bodies: [
      {
        type: 'cell.edited',
        paragraphId: input.paragraphId,
        lang: input.lang,
        kind,
        text,
        rev: cell.rev + 1,
        // Any text change (approved cells included) goes back to draft; the reducer
        // keeps approvedRev/approvedText so readers still see the approved text.
        status: text === '' ? 'empty' : 'draft',
      },
    ],
    finish: (after, seq) => {
      const now = cellIn(findParagraph(after, input.paragraphId).p, input.lang);
      return { outcome: kind === 'edit' ? 'applied' : 'merged', seq, rev: now.rev, text: now.text, status: now.status };
    },
  };
}

function conflict(input: CellEditPayload, rev: number): Decision<CellEditAck> {
  return {
    bodies: [{ type: 'cell.conflicted', paragraphId: input.paragraphId, lang: input.lang, text: input.text, rev }],
    finish: (after, seq) => {
      const now = cellIn(findParagraph(after, input.paragraphId).p, input.lang);
      return { outcome: 'conflict', seq, rev: now.rev, text: now.text, status: now.status, yours: input.text };
    },
  };
}
