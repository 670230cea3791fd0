import { stripTags } from '../../../../shared/inline/index.js';
import { LANG_TAG, docLangs } from '../../../../shared/index.js';
import type { DocumentSnapshot } from '../../../../shared/index.js';
import { escapeAttr, escapeTextLossy } from '../xml/write.js';

export interface TmxExportOptions {
  /** For the header's creationdate; injected so tests and exports are reproducible. */
  now?: Date;
  toolVersion?: string;
}

/**
 * TMX 1.4 of the approved pairs: one <tu> per paragraph (tuid = paragraph id)
 * with the source and every target that is approved and not outdated. An
 * outdated approval belongs to an older source text, so pairing it with the
 * current source would teach a translation memory a wrong pair; it is left out.
 * Paragraphs with no such target are left out. `version="1.4"` as the DTD fixes
 * it (not "1.4b"). No DOCTYPE line: readers would try to load tmx14.dtd from
 * beside the file, where it never is; validators take the DTD as an argument.
 */
export function exportTmx(doc: DocumentSnapshot, opts: TmxExportOptions = {}): string {
  const now = (opts.now ?? new Date())
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d{3}/u, '');
  const src = doc.sourceLang;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Anor" creationtoolversion="${escapeAttr(opts.toolVersion ?? '0.1.0')}" segtype="paragraph"` +
      ` o-tmf="anor" adminlang="en" srclang="${LANG_TAG[src]}" datatype="plaintext" creationdate="${now}">`,
    `    <prop type="x-anor-document">${escapeTextLossy(doc.id)}</prop>`,
    '  </header>',
    '  <body>',
  ];
  for (const p of doc.paragraphs) {
    const source = p.cells[src];
    if (!source || source.text === '') continue;
    const targets = docLangs(doc)
      .filter((l) => l !== src)
      .flatMap((l) => {
        const c = p.cells[l];
        return c && c.status === 'approved' && !c.outdated && c.text !== '' ? [{ lang: l, text: c.text }] : [];
      });
    if (targets.length === 0) continue;
    lines.push(`    <tu tuid="${escapeAttr(p.id)}">`);
    for (const v of [{ lang: src, text: source.text }, ...targets]) {
      // A memory holds words: inline codes (tags) are left out (XLIFF carries them).
      lines.push(`      <tuv xml:lang="${LANG_TAG[v.lang]}"><seg>${escapeTextLossy(stripTags(v.text))}</seg></tuv>`);
    }
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}
