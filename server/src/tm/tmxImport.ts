import { AppError } from '../../../shared/index.js';
import type { Lang } from '../../../shared/index.js';
import { formatProblem } from '../interchange/problems.js';
import type { Problem } from '../interchange/problems.js';
import { parseTmx } from '../interchange/tmx/parse.js';
import type { ParsedTmx } from '../interchange/tmx/parse.js';
import type { FileParser } from '../interchange/offThread/index.js';
import type { InterchangeFile } from '../interchange/read.js';
import { newIds } from '../services/ids.js';
import type { TmEntryRecord } from '../storage/types.js';
import { langFromTag } from './langTag.js';
import { contentKey } from './units.js';

/** A TMX file given as text (tests, and callers that already hold it as a string). */
export function tmxFromText(content: string): ParsedTmx {
  const parsed = parseTmx(content);
  if (!parsed.ok) throw tmxRefused(parsed.problems);
  return parsed.value;
}

/**
 * A TMX file as uploaded (or read by `anor import tmx`), read by `parser`
 * the way every other import is: decoded (UTF-8, or UTF-16 with a BOM) and
 * parsed in the import worker on the server, with its memory and time
 * limits, so a 16 MB file does not hold other users up while it is read.
 */
export async function tmxFromFile(bytes: Buffer, name: string | undefined, parser: FileParser): Promise<ParsedTmx> {
  let read: InterchangeFile;
  try {
    read = await parser.translation(bytes, name);
  } catch (e) {
    // The memory has answered a file it cannot read with bad_request since before the import worker: kept.
    // A structural bound (import_refused with its problems) keeps the code and the details the memory has always given.
    const problems = e instanceof AppError ? problemsOf(e.details) : [];
    if (e instanceof AppError && (e.code === 'malformed_file' || e.code === 'unsupported_format' || problems.length > 0))
      throw tmxRefused(problems);
    throw e;
  }
  if (read.format !== 'tmx')
    throw new AppError('bad_request', `not a TMX 1.4 file: this is ${read.format === 'po' ? 'a gettext PO' : 'an XLIFF'} file`);
  return read.tmx;
}

export interface TmxRecords {
  records: TmEntryRecord[];
  /** Units with fewer than two usable languages. */
  skipped: number;
  /** Units whose content the memory (`held`) or this file already holds. */
  duplicates: number;
}

/**
 * The memory records of a parsed file: each unit with at least two languages
 * Anor knows, unless `held` (content keys of the TMX entries already stored,
 * extended as it goes) has it. `pause` (a timeSlicer) may yield to the event loop every 64 units:
 * a 16 MB file is some 30,000 units (e2e/importStall.test.ts).
 */
export async function tmxRecords(
  parsed: ParsedTmx,
  held: Set<string>,
  meta: { at: string; by: string; source: string | null },
  pause: () => Promise<void> | undefined,
): Promise<TmxRecords> {
  const records: TmEntryRecord[] = [];
  let skipped = 0;
  let duplicates = 0;
  const ids = newIds('x_', parsed.units.length);
  for (const [n, tu] of parsed.units.entries()) {
    if ((n & 63) === 63) await pause();
    const texts: Partial<Record<Lang, string>> = {};
    for (const v of tu.variants) {
      const m = langFromTag(v.lang);
      if (m && v.text.trim() !== '' && texts[m.lang] === undefined) texts[m.lang] = m.convert(v.text);
    }
    if (Object.keys(texts).length < 2) {
      skipped++;
      continue;
    }
    const key = contentKey(texts);
    if (held.has(key)) {
      duplicates++;
      continue;
    }
    held.add(key);
    records.push({ id: ids[n]!, texts, importedAt: meta.at, importedBy: meta.by, source: meta.source });
  }
  return { records, skipped, duplicates };
}

function tmxRefused(problems: readonly Problem[]): AppError {
  const first = problems[0];
  const limit = problems.some((p) => p.rule.startsWith('limits.'));
  return new AppError(
    limit ? 'import_refused' : 'bad_request',
    `not a valid TMX 1.4 file${first ? `: ${formatProblem(first)}` : ''}`,
    problems.slice(0, 50),
  );
}

function problemsOf(details: unknown): Problem[] {
  const problems = (details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}
