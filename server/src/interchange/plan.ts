import { LANGS, LANG_TAG } from '../../../shared/index.js';
import type { CellStatus, DocumentSnapshot, Lang } from '../../../shared/index.js';
import { matchUnits } from './match.js';
import type { MatchCounts } from './match.js';
import { Problems } from './problems.js';
import type { ParseOutcome, Problem } from './problems.js';
import { fromUnit } from './statusMap.js';
import type { ParsedXliff } from './units.js';

export interface CellImportEdit {
  paragraphId: string;
  lang: Lang;
  text: string;
  status: CellStatus;
}

export interface ImportPlan {
  lang: Lang;
  edits: CellImportEdit[];
  /** Not fatal: e.g. a unit whose source no longer matches the paragraph (its translation may be stale). */
  warnings: Problem[];
  /** How the file's units found their paragraphs. */
  matched: MatchCounts;
}

/** Maps a language tag from a file (zh-Hans, zh-CN, ru-RU, uz-Latn-UZ …) to a document language. */
export function langFromTag(tag: string | null): Lang | undefined {
  if (!tag) return undefined;
  const primary = tag.toLowerCase().split(/[-_]/u)[0];
  const t = tag.toLowerCase().replace(/_/gu, '-');
  // Anor's uz is Latin script and its zh is Simplified: a file in the other script is another language here.
  if (/^uz-cyrl(-|$)/u.test(t) || /^zh-(hant|tw|hk|mo)(-|$)/u.test(t)) return undefined;
  return LANGS.find((l) => l === primary || LANG_TAG[l].toLowerCase() === tag.toLowerCase());
}

export interface PlanOptions {
  /**
   * The target language the person importing names (`--lang`, the dialog's
   * field): needed when the file names none (translate-toolkit's po2xliff
   * writes no target-language), refused when the file names another. Naming
   * it also makes a differing source language in the file a warning, not a
   * refusal: po2xliff writes en-US whatever the source was.
   */
  lang?: Lang | undefined;
}

/**
 * The cell edits an imported XLIFF or PO file asks for. Pure: it changes
 * nothing; the server applies the edits later as `import` revisions. Units
 * find their paragraphs by id, by reference/context, or by source text
 * (matchUnits). Refused as a whole (no partial import) when the languages do
 * not fit the document, a unit id is repeated, or any unit matches no
 * paragraph. Units whose target equals the cell's text and status give no edit,
 * nor do units with no target or an empty one (nothing translated there).
 */
export function planXliffImport(doc: DocumentSnapshot, parsed: ParsedXliff, opts: PlanOptions = {}): ParseOutcome<ImportPlan> {
  const p = new Problems();
  const warnings: Problem[] = [];
  const src = langFromTag(parsed.srcLang);
  const fileLang = langFromTag(parsed.trgLang);
  let lang = fileLang;
  if (opts.lang) {
    if (parsed.trgLang && fileLang !== opts.lang) {
      p.add('import.target-language', `the file's target language "${parsed.trgLang}" is not the language chosen (${LANG_TAG[opts.lang]})`);
    }
    lang = opts.lang;
  }
  if (parsed.srcLang && src !== doc.sourceLang) {
    const message = `the file's source language "${parsed.srcLang}" is not the document's (${LANG_TAG[doc.sourceLang]})`;
    if (opts.lang) warnings.push({ rule: 'import.source-language', message });
    else p.add('import.source-language', message);
  }
  if (!lang) {
    p.add(
      'import.target-language',
      parsed.trgLang
        ? `the file's target language "${parsed.trgLang}" is not a language Anor has`
        : 'the file names no target language: choose one (--lang on the command line)',
    );
  } else if (!doc.targetLangs.includes(lang)) {
    p.add('import.target-language', `${LANG_TAG[lang]} is not a target language of the document`);
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const u of parsed.units) {
    if (seen.has(u.id)) {
      p.add('import.unit-repeated', `unit "${u.id}" appears twice`, u.id);
      repeated.add(u.id);
    }
    seen.add(u.id);
  }
  const { matches, counts } = matchUnits(doc, parsed.units);
  const byId = new Map(doc.paragraphs.map((para) => [para.id, para]));
  const edits: CellImportEdit[] = [];
  for (const m of matches) {
    const para = m.paragraphId ? byId.get(m.paragraphId) : undefined;
    if (!para) {
      if (repeated.has(m.unit.id)) continue;
      p.add('import.unknown-unit', `unit "${m.unit.id}" matches no paragraph of the document (by id, reference or source text)`, m.unit.id);
      continue;
    }
    const u = m.unit;
    // An empty target is no translation (po2xliff writes <target></target> for an untranslated entry): it never clears a cell.
    if (!lang || u.target === null || u.target === '') continue;
    if (u.source !== (para.cells[doc.sourceLang]?.text ?? '')) {
      warnings.push({
        rule: 'import.source-changed',
        message: `the source of "${u.id}" differs from the document's; check the translation`,
        where: u.id,
      });
    }
    const status = fromUnit(u);
    const cell = para.cells[lang];
    if (cell && cell.text === u.target && cell.status === status) continue;
    edits.push({ paragraphId: para.id, lang, text: u.target, status });
  }
  if (!p.empty || !lang) return { ok: false, problems: p.list };
  return { ok: true, value: { lang, edits, warnings, matched: counts } };
}
