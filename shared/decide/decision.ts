import { AppError, cellKey, docLangs } from '../index.js';
import type { Cell, DocEventBody, DocumentState, Lang, Paragraph } from '../index.js';

/**
 * What a use case decided, before it is applied: the event bodies to append
 * (seq, time, author and opId are stamped by the service) and how to build the
 * acknowledgement from the document once they are applied.
 */
export interface Decision<A> {
  bodies: DocEventBody[];
  finish(doc: DocumentState, seq: number): A;
}

export function findParagraph(doc: DocumentState, paragraphId: string): { p: Paragraph; index: number } {
  const index = doc.paragraphs.findIndex((x) => x.id === paragraphId);
  const p = doc.paragraphs[index];
  if (!p) throw new AppError('paragraph_not_found', `no paragraph ${paragraphId} in document ${doc.id}`);
  return { p, index };
}

export function requireLang(doc: DocumentState, lang: Lang): void {
  if (!docLangs(doc).includes(lang)) {
    throw new AppError('language_not_in_document', `document ${doc.id} has no ${lang} column`);
  }
}

/** The cell as the reducer would see it: a missing cell of a document language is an empty one. */
export function cellIn(p: Paragraph, lang: Lang): Pick<Cell, 'text' | 'rev' | 'status'> {
  return p.cells[lang] ?? { text: '', rev: 0, status: 'empty' };
}

/**
 * The text a cell had at revision `rev`, from its history (revision 0 is the
 * empty text every cell starts with). Undefined when history has no such
 * revision, which a well-formed document never produces.
 */
export function textAtRevision(doc: DocumentState, paragraphId: string, lang: Lang, rev: number): string | undefined {
  if (rev === 0) return '';
  const revisions = doc.history[cellKey(paragraphId, lang)] ?? [];
  // Newest first: a `conflict` entry shares its rev with the text it lost to, so skip it.
  for (let i = revisions.length - 1; i >= 0; i--) {
    const r = revisions[i]!;
    if (r.rev === rev && r.kind !== 'conflict') return r.text;
  }
  return undefined;
}
