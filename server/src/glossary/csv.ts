import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError, LANGS } from '../../../shared/index.js';
import type { Lang } from '../../../shared/index.js';
import type { GlossaryTerm } from '../../../shared/qa/types.js';

/**
 * Glossary as CSV (RFC 4180, UTF-8, header row): one column per language, a
 * note, and one `forbidden_<lang>` column per language whose variants are
 * separated by " | " (a bar is not used inside terms; a comma or semicolon
 * can be). Unknown columns are ignored, so a spreadsheet with extra columns
 * still imports; column order does not matter.
 */
const FORBIDDEN_SEPARATOR = ' | ';
export const CSV_COLUMNS = [...LANGS, 'note', ...LANGS.map((l) => `forbidden_${l}`)] as const;

export function glossaryToCsv(terms: readonly GlossaryTerm[]): string {
  const rows = terms.map((t) => [
    ...LANGS.map((l) => t[l] ?? ''),
    t.note ?? '',
    ...LANGS.map((l) =>
      (t.forbidden ?? [])
        .filter((f) => f.lang === l)
        .map((f) => f.text)
        .join(FORBIDDEN_SEPARATOR),
    ),
  ]);
  // BOM: spreadsheet programs otherwise read UTF-8 Cyrillic and Chinese as mojibake.
  return '\uFEFF' + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}

/** Terms as plain objects, not yet validated (the caller runs the glossary schema on them). */
export function glossaryFromCsv(text: string): Record<string, unknown>[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/u, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    throw new AppError('bad_request', `not a readable CSV file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  if (!LANGS.some((l) => col(l) >= 0)) throw new AppError('bad_request', `the CSV header names no language column (${LANGS.join(', ')})`);
  return rows.slice(1).map((r) => {
    const term: Record<string, unknown> = {};
    for (const l of LANGS) {
      const v = r[col(l)];
      if (col(l) >= 0 && v) term[l] = v;
    }
    const note = r[col('note')];
    if (col('note') >= 0 && note) term.note = note;
    const forbidden: { lang: Lang; text: string }[] = [];
    for (const l of LANGS) {
      const i = col(`forbidden_${l}`);
      const v = i >= 0 ? r[i] : undefined;
      if (v)
        for (const text of v
          .split('|')
          .map((x) => x.trim())
          .filter(Boolean))
          forbidden.push({ lang: l, text });
    }
    if (forbidden.length > 0) term.forbidden = forbidden;
    return term;
  });
}
