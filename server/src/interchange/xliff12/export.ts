import { LANG_TAG } from '../../../../shared/index.js';
import type { DocumentSnapshot, Lang } from '../../../../shared/index.js';
import { escapeAttr, escapeTextLossy } from '../xml/write.js';
import { toXliff12 } from '../statusMap.js';
import { toXliff12Inline } from '../inline/write.js';

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/**
 * One XLIFF 1.2 file for one target language (for tools that read only 1.2,
 * e.g. translate-toolkit): a trans-unit per paragraph, id = paragraph id.
 * States follow statusMap.ts; approved cells get approved="yes". Inline codes
 * travel as <g>/<x> (inline/write.ts).
 */
export function exportXliff12(doc: DocumentSnapshot, lang: Lang): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF12_NS}">`,
    ` <file original="${escapeAttr(`anor:${doc.id}`)}" source-language="${LANG_TAG[doc.sourceLang]}" target-language="${LANG_TAG[lang]}" datatype="plaintext">`,
    '  <header>',
    `   <note from="anor">${escapeTextLossy(doc.title)}</note>`,
    '  </header>',
    '  <body>',
  ];
  for (const p of doc.paragraphs) {
    const src = p.cells[doc.sourceLang]?.text ?? '';
    const cell = p.cells[lang];
    const mapped = cell && cell.text !== '' ? toXliff12(cell.status) : null;
    const approved = mapped?.approved ? ' approved="yes"' : '';
    lines.push(`   <trans-unit id="${escapeAttr(p.id)}" xml:space="preserve"${approved}>`);
    lines.push(`    <source>${toXliff12Inline(src, escapeTextLossy)}</source>`);
    if (mapped && cell) lines.push(`    <target state="${mapped.state}">${toXliff12Inline(cell.text, escapeTextLossy)}</target>`);
    lines.push('   </trans-unit>');
  }
  lines.push('  </body>', ' </file>', '</xliff>', '');
  return lines.join('\n');
}
