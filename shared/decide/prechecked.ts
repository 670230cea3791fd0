import type { DocumentState, Lang, Paragraph } from '../index.js';

/**
 * Blocking-finding counts by checkedKey: what a batch approval needs from the
 * quality checks, worked out ahead of the decision (server/src/services/documents/precheck.ts).
 */
export type Prechecked = ReadonlyMap<string, number>;

/** The texts a count was worked out on: the paragraph, and the revisions of its target and source cells. */
export function checkedKey(doc: DocumentState, p: Paragraph, lang: Lang): string {
  return `${p.id}\u0000${p.cells[lang]?.rev ?? 0}\u0000${p.cells[doc.sourceLang]?.rev ?? 0}`;
}
