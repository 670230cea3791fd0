import { stripTags } from '../../../shared/inline/index.js';
import { LANGS } from '../../../shared/index.js';
import type { DocumentMeta, Lang, Paragraph } from '../../../shared/index.js';
import { foldForMatch } from '../../../shared/text/normalize.js';
import type { TmEntryRecord } from '../storage/types.js';
import type { UnitInput } from './memoryIndex.js';

/** How the memory's units are made from document rows and imported entries (pure; TmService keeps the index). */

/** The unit key of a document row: one unit per paragraph holds its source and approved targets. */
export function rowKey(docId: string, paragraphId: string): string {
  return `d:${docId}:${paragraphId}`;
}

/**
 * A row's memory unit: the source text plus every target whose approved text
 * still belongs to this source (approved and not outdated). A deliberate
 * choice: the memory is a function of the documents as they are, so the live
 * updates and a rebuild after restart give exactly the same memory.
 */
export function unitFromRow(meta: Pick<DocumentMeta, 'id' | 'sourceLang' | 'targetLangs'>, p: Paragraph): UnitInput {
  const texts: Partial<Record<Lang, string>> = {};
  let at = '';
  const source = p.cells[meta.sourceLang];
  if (source) texts[meta.sourceLang] = stripTags(source.text);
  for (const l of meta.targetLangs) {
    const c = p.cells[l];
    if (!c || c.approvedText === null || c.outdated) continue;
    texts[l] = stripTags(c.approvedText);
    if ((c.updatedAt ?? '') > at) at = c.updatedAt ?? '';
  }
  return { id: rowKey(meta.id, p.id), origin: 'document', docId: meta.id, paragraphId: p.id, texts, at };
}

/**
 * A unit's identity by content: every language with its text, in a fixed
 * order. Derived from what is stored, so no key needs storing (and a store
 * behind storage/types.ts needs nothing new).
 */
export function contentKey(texts: Partial<Record<Lang, string>>): string {
  return LANGS.map((l) => `${texts[l] ?? '\u0001'}`).join('\u0000');
}

export function fromRecord(e: TmEntryRecord): UnitInput {
  return { id: e.id, origin: 'tmx', docId: null, paragraphId: null, texts: e.texts, at: e.importedAt };
}

/** Where the phrase is in the original text: folded the same length-keeping way, so offsets are the original's. */
export function findPhrase(text: string, q: string, lang: Lang): { start: number; end: number }[] {
  const hay = foldForMatch(text.normalize('NFC'), lang);
  const needle = foldForMatch(q.normalize('NFC').trim(), lang);
  const out: { start: number; end: number }[] = [];
  if (needle === '') return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}
