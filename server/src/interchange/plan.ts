import { LANGS, LANG_TAG } from '../../../shared/index.js';
import type { CellStatus, DocumentSnapshot, Lang } from '../../../shared/index.js';
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

/**
 * The cell edits an imported XLIFF file asks for, matched by unit id =
 * paragraph id. Pure: it changes nothing; the server applies the edits later
 * as `import` revisions. Refused as a whole (no partial import) when the
 * languages do not fit the document or any unit id is unknown or repeated.
 * Units whose target equals the cell's text and status give no edit.
 */
export function planXliffImport(doc: DocumentSnapshot, parsed: ParsedXliff): ParseOutcome<ImportPlan> {
  const p = new Problems();
  const src = langFromTag(parsed.srcLang);
  const lang = langFromTag(parsed.trgLang);
  if (src !== doc.sourceLang) {
    p.add('import.source-language', `the file's source language "${parsed.srcLang}" is not the document's (${LANG_TAG[doc.sourceLang]})`);
  }
  if (!lang || !doc.targetLangs.includes(lang)) {
    p.add('import.target-language', `the file's target language "${parsed.trgLang ?? ''}" is not a target language of the document`);
  }
  const byId = new Map(doc.paragraphs.map((para) => [para.id, para]));
  const seen = new Set<string>();
  const edits: CellImportEdit[] = [];
  const warnings: Problem[] = [];
  for (const u of parsed.units) {
    const para = byId.get(u.id);
    if (seen.has(u.id)) p.add('import.unit-repeated', `unit "${u.id}" appears twice`, u.id);
    seen.add(u.id);
    if (!para) {
      p.add('import.unknown-unit', `unit "${u.id}" matches no paragraph of the document`, u.id);
      continue;
    }
    if (!lang || u.target === null) continue;
    const current = para.cells[doc.sourceLang]?.text ?? '';
    if (u.source !== current) {
      warnings.push({
        rule: 'import.source-changed',
        message: `the source of "${u.id}" differs from the document's; check the translation`,
        where: u.id,
      });
    }
    const status = fromUnit(u);
    const cell = para.cells[lang];
    if (cell && cell.text === u.target && cell.status === status) continue;
    edits.push({ paragraphId: u.id, lang, text: u.target, status });
  }
  if (!p.empty || !lang) return { ok: false, problems: p.list };
  return { ok: true, value: { lang, edits, warnings } };
}
