import { LANG_TAG } from '../../../../shared/index.js';
import type { DocumentSnapshot, Lang } from '../../../../shared/index.js';
import { escapeAttr, escapeTextWithCp } from '../xml/write.js';
import { toXliff2 } from '../statusMap.js';
import { toXliff2Inline } from '../inline/write.js';
import { XLIFF2_NS, XLIFF22_NS } from './ns.js';

/**
 * One XLIFF 2 file for one target language: a unit per paragraph (unit id =
 * paragraph id, one segment). Inline codes of an imported DOCX/HTML/Markdown
 * paragraph travel as <pc>/<ph> (inline/write.ts).
 * Source and target keep their whitespace (xml:space="preserve"): a cell's
 * leading spaces or line breaks are the translator's, not indentation.
 * `version` picks 2.0 or 2.1 (same namespace and core; 2.1 adds modules) or
 * 2.2 (its own namespace); the core Anor writes is the same in all three.
 */
export function exportXliff2(doc: DocumentSnapshot, lang: Lang, version: '2.0' | '2.1' | '2.2' = '2.0'): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${version === '2.2' ? XLIFF22_NS : XLIFF2_NS}" version="${version}" srcLang="${LANG_TAG[doc.sourceLang]}" trgLang="${LANG_TAG[lang]}">`,
    ` <file id="f1" original="${escapeAttr(`anor:${doc.id}`)}">`,
    '  <notes>',
    `   <note id="title" category="anor:title">${escapeTextWithCp(doc.title)}</note>`,
    '  </notes>',
  ];
  for (const p of doc.paragraphs) {
    const src = p.cells[doc.sourceLang]?.text ?? '';
    const cell = p.cells[lang];
    const hasTarget = !!cell && cell.status !== 'empty' && cell.text !== '';
    const { state, subState } = toXliff2(hasTarget ? cell.status : 'empty');
    const sub = subState ? ` subState="${subState}"` : '';
    lines.push(`  <unit id="${escapeAttr(p.id)}">`, `   <segment state="${state}"${sub}>`);
    lines.push(`    <source xml:space="preserve">${toXliff2Inline(src, escapeTextWithCp)}</source>`);
    if (hasTarget) lines.push(`    <target xml:space="preserve">${toXliff2Inline(cell.text, escapeTextWithCp)}</target>`);
    lines.push('   </segment>', '  </unit>');
  }
  lines.push(' </file>', '</xliff>', '');
  return lines.join('\n');
}
