import { AppError } from '../../../../shared/index.js';
import type { CellStatusAck, CellStatusPayload } from '../../../../shared/index.js';
import type { DocumentState } from '../../../../shared/index.js';
import { cellIn, findParagraph, requireLang } from './decision.js';
import type { Decision } from './decision.js';

/**
 * Review workflow. A status names the revision the reviewer saw: if the text
 * moved on since, the status would vouch for words nobody read, so that is
 * `bad_revision`. Approving records approvedRev/approvedText (the reducer).
 * Anyone signed in may set any status: Anor has no reviewer role yet.
 */
export function decideStatus(doc: DocumentState, input: CellStatusPayload): Decision<CellStatusAck> {
  requireLang(doc, input.lang);
  const { p } = findParagraph(doc, input.paragraphId);
  const cell = cellIn(p, input.lang);
  if (input.rev !== cell.rev) throw new AppError('bad_revision', `status for revision ${input.rev}, the cell is at ${cell.rev}`);
  if (cell.text === '') throw new AppError('bad_request', 'an empty cell has no text to review');
  const finish = (after: DocumentState, seq: number): CellStatusAck => {
    const now = cellIn(findParagraph(after, input.paragraphId).p, input.lang);
    return { seq, rev: now.rev, status: now.status };
  };
  if (cell.status === input.status) return { bodies: [], finish };
  return {
    bodies: [{ type: 'cell.status', paragraphId: input.paragraphId, lang: input.lang, status: input.status, rev: cell.rev }],
    finish,
  };
}
