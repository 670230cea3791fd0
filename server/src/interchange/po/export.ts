import { po } from 'gettext-parser';
import type { GetTextTranslation } from 'gettext-parser';
import { LANG_TAG } from '../../../../shared/index.js';
import type { DocumentSnapshot, Lang } from '../../../../shared/index.js';

/**
 * Gettext plural rules of Anor's languages, for the header only: a document's
 * paragraphs have no plural forms, so every entry Anor writes is singular,
 * but tools expect the header to name the language's rule.
 */
export const PLURAL_FORMS: Record<Lang, string> = {
  en: 'nplurals=2; plural=(n != 1);',
  zh: 'nplurals=1; plural=0;',
  ru: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  kk: 'nplurals=2; plural=(n != 1);',
  uz: 'nplurals=2; plural=(n != 1);',
};

/**
 * One gettext PO file for one target language (gettext-parser writes it): an
 * entry per paragraph with msgctxt and a `#:` reference holding the paragraph
 * id (so the entry stays unique when two paragraphs read the same, and
 * translate-toolkit's po2xliff carries the id into a po-reference context),
 * msgid the source, msgstr the target. Approved targets are plain
 * translations; a target in any other status is `#, fuzzy` (not yet approved,
 * as translate-toolkit maps Anor's XLIFF); an empty cell is an empty msgstr.
 * The header names the languages and the document title.
 */
export function exportPo(doc: DocumentSnapshot, lang: Lang): string {
  const translations: Record<string, Record<string, GetTextTranslation>> = {
    '': { '': { msgid: '', msgstr: [''] } },
  };
  // The compiler walks the table by key, and JavaScript lists integer-like keys ("12") first: sort back into document order.
  const order = new Map<GetTextTranslation, number>();
  for (const p of doc.paragraphs) {
    const cell = p.cells[lang];
    const text = cell && cell.status !== 'empty' ? cell.text : '';
    const entry: GetTextTranslation = {
      msgctxt: p.id,
      msgid: p.cells[doc.sourceLang]?.text ?? '',
      msgstr: [text],
      comments: { reference: p.id, ...(text !== '' && cell?.status !== 'approved' ? { flag: 'fuzzy' } : {}) },
    };
    translations[p.id] = { [entry.msgid]: entry };
    order.set(entry, order.size);
  }
  const body = po.compile(
    {
      charset: 'utf-8',
      headers: {
        'Project-Id-Version': oneLine(doc.title),
        'PO-Revision-Date': new Date(doc.updatedAt).toISOString().replace('T', ' ').slice(0, 16) + '+0000',
        'Last-Translator': 'Anor',
        'Language-Team': LANG_TAG[lang],
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '8bit',
        'MIME-Version': '1.0',
        Language: LANG_TAG[lang],
        'Plural-Forms': PLURAL_FORMS[lang],
        'X-Generator': 'Anor',
        'X-Source-Language': LANG_TAG[doc.sourceLang],
        'X-Anor-Document': doc.id,
        'X-Anor-Title': oneLine(doc.title),
      },
      translations,
    },
    { foldLength: 0, sort: (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0) },
  );
  return body.toString('utf8');
}

/** A header value is one line. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/gu, ' ');
}
