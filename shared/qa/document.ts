import type { Lang } from '../languages.js';
import type { DocumentMeta, Paragraph } from '../domain/types.js';
import { checkAcrossTargets } from './across.js';
import { runChecks } from './run.js';
import type { CheckId, Finding, Glossary, Severity } from './types.js';

export interface CellFindings {
  paragraphId: string;
  /** Position of the paragraph in the document, from 0. */
  index: number;
  lang: Lang;
  findings: Finding[];
}

/**
 * A whole document on demand: every target cell against its source, plus the
 * vote across the targets of each paragraph (its findings go to the cell they
 * are about). Only cells with findings are listed, in document order.
 */
export function checkDocumentState(
  doc: Pick<DocumentMeta, 'sourceLang' | 'targetLangs'> & { paragraphs: Paragraph[] },
  options: { glossary?: Glossary } = {},
): CellFindings[] {
  const out: CellFindings[] = [];
  doc.paragraphs.forEach((p, index) => {
    const source = p.cells[doc.sourceLang]?.text ?? '';
    const targets: Partial<Record<Lang, string>> = {};
    for (const lang of doc.targetLangs) targets[lang] = p.cells[lang]?.text ?? '';
    const across = checkAcrossTargets(targets);
    for (const lang of doc.targetLangs) {
      const findings = [
        ...runChecks({ source, target: targets[lang] ?? '', sourceLang: doc.sourceLang, targetLang: lang, glossary: options.glossary }),
        ...across.filter((f) => f.lang === lang),
      ];
      if (findings.length > 0) out.push({ paragraphId: p.id, index, lang, findings });
    }
  });
  return out;
}

export interface FindingFilter {
  severity?: Severity;
  checks?: readonly CheckId[];
  lang?: Lang;
}

/** The list views' filter: by severity, by check and by language, all optional. */
export function filterFindings(cells: readonly CellFindings[], filter: FindingFilter): CellFindings[] {
  return cells
    .filter((c) => filter.lang === undefined || c.lang === filter.lang)
    .map((c) => ({
      ...c,
      findings: c.findings.filter(
        (f) =>
          (filter.severity === undefined || f.severity === filter.severity) &&
          (filter.checks === undefined || filter.checks.includes(f.check)),
      ),
    }))
    .filter((c) => c.findings.length > 0);
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  byCheck: Partial<Record<CheckId, number>>;
}

export function summarizeFindings(cells: readonly CellFindings[]): FindingSummary {
  const summary: FindingSummary = { errors: 0, warnings: 0, byCheck: {} };
  for (const c of cells) {
    for (const f of c.findings) {
      if (f.severity === 'error') summary.errors++;
      else summary.warnings++;
      summary.byCheck[f.check] = (summary.byCheck[f.check] ?? 0) + 1;
    }
  }
  return summary;
}
