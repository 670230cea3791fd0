import { docLangs } from '../domain/types.js';
import { stripTags } from '../inline/index.js';
import type { Cell, DocumentMeta, Paragraph } from '../domain/types.js';
import type { Lang } from '../languages.js';
import type { ReaderDocument, ReaderParagraph } from '../protocol/share.js';

/**
 * What a reader sees of one cell: the last approved text. The source language
 * is the original everything is translated from, so when nobody reviewed it
 * its current text stands (as in the interchange "approved" export); a target
 * never approved shows nothing rather than a draft.
 */
export function approvedTextOf(cell: Cell | undefined, isSource: boolean): string | null {
  if (!cell) return null;
  // Readers see words: inline codes (imported bold, links, footnote marks) are left out.
  if (cell.approvedText !== null && cell.approvedRev !== null) return stripTags(cell.approvedText);
  return isSource && cell.text !== '' ? stripTags(cell.text) : null;
}

export function readerParagraph(p: Paragraph, langs: readonly Lang[], sourceLang: Lang): ReaderParagraph {
  const texts: ReaderParagraph['texts'] = {};
  for (const lang of langs) texts[lang] = approvedTextOf(p.cells[lang], lang === sourceLang);
  return { id: p.id, texts };
}

/**
 * The public view of a document. Built field by field (never by copying and
 * deleting) so that nothing added to the document model later can leak into it.
 */
export function toReaderDocument(
  doc: Pick<DocumentMeta, 'title' | 'sourceLang' | 'targetLangs'> & { paragraphs: readonly Paragraph[] },
): ReaderDocument {
  const langs = docLangs(doc);
  return {
    title: doc.title,
    sourceLang: doc.sourceLang,
    langs,
    paragraphs: doc.paragraphs.map((p) => readerParagraph(p, langs, doc.sourceLang)),
  };
}
