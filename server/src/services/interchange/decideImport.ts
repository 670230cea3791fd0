import { AppError, cellTextTooLong } from '../../../../shared/index.js';
import type { CellStatus, DocEventBody, DocumentState, Lang, SeqAck } from '../../../../shared/index.js';
import { cellIn, findParagraph, requireLang } from '../../../../shared/decide/decision.js';
import type { Decision } from '../../../../shared/decide/decision.js';

export interface ImportEdit {
  paragraphId: string;
  lang: Lang;
  text: string;
  /** The status the file asks for; `approved` only when the importer may and chose to. */
  status: CellStatus;
}

/**
 * What an import changed, for the person who ran it: `edited` cells got a new
 * text or status, `unchanged` ones already held what the file says (importing
 * the same file twice reports them all unchanged).
 */
export interface ImportCounts {
  edited: number;
  unchanged: number;
}

export type ImportDecision = Decision<SeqAck> & { counts: ImportCounts };

/**
 * Cell edits from a file as events. A changed text is a `cell.edited` of kind
 * `import` (so history says where it came from); an approval is a separate
 * `cell.status` on that new revision, exactly as if a reviewer had approved it,
 * so approvedRev/approvedText follow the one reducer. The source column is
 * never written by an import of a translation. Checked as a whole first: one
 * bad edit refuses the import and changes nothing.
 */
export function decideImport(doc: DocumentState, edits: readonly ImportEdit[]): ImportDecision {
  const bodies: DocEventBody[] = [];
  const counts = { edited: 0, unchanged: 0 };
  for (const e of edits) {
    requireLang(doc, e.lang);
    if (e.lang === doc.sourceLang) throw new AppError('bad_request', 'an import of a translation cannot write the source column');
    const { p } = findParagraph(doc, e.paragraphId);
    if (cellTextTooLong(e.text))
      throw new AppError('text_too_long', `the text for paragraph ${e.paragraphId} is over the size limit`, { paragraphId: e.paragraphId });
    const cell = cellIn(p, e.lang);
    const approve = e.status === 'approved' && e.text !== '';
    let rev = cell.rev;
    if (cell.text !== e.text) {
      rev += 1;
      const status: CellStatus = e.text === '' ? 'empty' : approve ? 'draft' : e.status === 'empty' ? 'draft' : e.status;
      bodies.push({ type: 'cell.edited', paragraphId: p.id, lang: e.lang, kind: 'import', text: e.text, rev, status });
      if (approve) bodies.push({ type: 'cell.status', paragraphId: p.id, lang: e.lang, status: 'approved', rev });
      counts.edited++;
    } else if (e.text !== '' && e.status !== 'empty' && cell.status !== e.status) {
      bodies.push({ type: 'cell.status', paragraphId: p.id, lang: e.lang, status: e.status, rev });
      counts.edited++;
    } else {
      counts.unchanged++;
    }
  }
  return { bodies, counts, finish: (_doc, seq) => ({ seq }) };
}

/**
 * The notes of a file a document was created from (PO comments and msgctxt,
 * XLIFF 1.2 notes) as comments on their rows — in the source language, so
 * every column shows them — by the importer, mentioning nobody. One operation.
 */
export function decideNotes(
  doc: DocumentState,
  notes: readonly { paragraphId: string; text: string }[],
  commentId: () => string,
): Decision<SeqAck> {
  const bodies: DocEventBody[] = notes.map((n) => {
    findParagraph(doc, n.paragraphId);
    return { type: 'comment.added', commentId: commentId(), paragraphId: n.paragraphId, lang: doc.sourceLang, text: n.text, mentions: [] };
  });
  return { bodies, finish: (_doc, seq) => ({ seq }) };
}
