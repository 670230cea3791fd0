import { docLangs } from '../../../shared/index.js';
import { stripTags } from '../../../shared/inline/index.js';
import type { DocEventBody, DocumentState, Lang, PretranslateResult } from '../../../shared/index.js';
import type { Decision } from '../../../shared/decide/decision.js';
import type { Unit } from './memoryIndex.js';

/** The text to fill a `lang` cell with, for a given source text; null when the memory has no 100% match. */
export type ExactFinder = (sourceText: string, sourceLang: Lang, targetLang: Lang) => string | null;

function sameText(a: string, b: string): boolean {
  return a.normalize('NFC').trim() === b.normalize('NFC').trim();
}

/**
 * Among units whose source normalises to the same text, the translation to
 * use: only an identical source counts as 100% (a case or apostrophe
 * difference may change the translation), and the newest approval wins when
 * translators disagreed over time.
 */
export function chooseExact(units: readonly Unit[], sourceText: string, sourceLang: Lang, targetLang: Lang): string | null {
  let best: Unit | null = null;
  for (const u of units) {
    const src = u.texts[sourceLang];
    if (src === undefined || u.texts[targetLang] === undefined || !sameText(src, sourceText)) continue;
    if (!best || u.at > best.at) best = u;
  }
  return best?.texts[targetLang] ?? null;
}

/**
 * Pre-translation of one document, decided against its state at one moment:
 * every empty target cell (in `langs`, default all targets) whose source has a
 * 100% match becomes a draft of kind `pretranslate`. Cells with any text are
 * never touched, so running it twice, or while people type, loses nothing.
 */
export function decidePretranslate(
  doc: DocumentState,
  langs: readonly Lang[] | undefined,
  find: ExactFinder,
): Decision<PretranslateResult> {
  const targets = (langs ?? doc.targetLangs).filter((l) => doc.targetLangs.includes(l) && docLangs(doc).includes(l));
  const bodies: DocEventBody[] = [];
  const filled: PretranslateResult['filled'] = [];
  for (const p of doc.paragraphs) {
    const source = stripTags(p.cells[doc.sourceLang]?.text ?? '');
    if (source.trim() === '') continue;
    for (const lang of targets) {
      const cell = p.cells[lang];
      if (cell && cell.text !== '') continue;
      const text = find(source, doc.sourceLang, lang);
      if (text === null || text === '') continue;
      bodies.push({ type: 'cell.edited', paragraphId: p.id, lang, kind: 'pretranslate', text, rev: (cell?.rev ?? 0) + 1, status: 'draft' });
      filled.push({ paragraphId: p.id, lang });
    }
  }
  return { bodies, finish: (_doc, seq) => ({ seq, filled }) };
}
