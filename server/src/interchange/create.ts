import { LANGS, LANG_TAG, MAX_PARAGRAPHS } from '../../../shared/index.js';
import type { CellStatus, Lang } from '../../../shared/index.js';
import { MAX_COMMENT_LENGTH } from '../../../shared/protocol/review.js';
import { langFromTag as tmxLang } from '../tm/langTag.js';
import { langFromTag } from './plan.js';
import { Problems } from './problems.js';
import type { ParseOutcome, Problem } from './problems.js';
import type { InterchangeFile } from './read.js';
import { fromUnit } from './statusMap.js';

/** What a new document made from an interchange file holds; the service creates it and writes the cells. */
export interface DocumentFromFile {
  title: string | null;
  sourceLang: Lang;
  targetLangs: Lang[];
  /** Source paragraphs in file order; ids are the file's (unit ids, tuids) when every one of them can be a paragraph id. */
  paragraphs: { id: string | null; source: string }[];
  /** Translations by paragraph index, with the status the file gives. */
  cells: { index: number; lang: Lang; text: string; status: CellStatus }[];
  /** What the file tells the translator about a unit (PO comments and msgctxt, XLIFF 1.2 notes), by paragraph index: becomes a comment. */
  notes: { index: number; text: string }[];
  warnings: Problem[];
}

export interface CreateOptions {
  sourceLang?: Lang | undefined;
  /**
   * XLIFF/PO: languages the document gets besides the file's own; TMX: the
   * languages taken from the file (default: every one it has). The source
   * language among them is ignored.
   */
  targetLangs?: Lang[] | undefined;
  /** The target language of an XLIFF or PO file that names none. */
  lang?: Lang | undefined;
}

const PARAGRAPH_ID = /^[A-Za-z0-9_-]{1,64}$/u;

/**
 * Plans a new document from an XLIFF (2.x or 1.2), PO or TMX file, so that a
 * document moves between installations unchanged: the file's ids become the
 * paragraph ids (then the other languages' XLIFF files import into it by id),
 * translations and statuses come along. Languages the file names win;
 * the options fill in what it leaves out and may not contradict it. Pure.
 */
export function planDocumentFromFile(file: InterchangeFile, opts: CreateOptions): ParseOutcome<DocumentFromFile> {
  return file.format === 'tmx' ? fromTmx(file.tmx, opts) : fromUnits(file.xliff, opts);
}

function chooseLang(p: Problems, what: 'source' | 'target', fromFile: string | null, given: Lang | undefined): Lang | undefined {
  const rule = `create.${what}-language`;
  if (fromFile) {
    const l = langFromTag(fromFile);
    if (!l) p.add(rule, `the file's ${what} language "${fromFile}" is not a language Anor has`);
    else if (given && given !== l) p.add(rule, `the file's ${what} language is ${LANG_TAG[l]}, not ${LANG_TAG[given]} as chosen`);
    return l;
  }
  if (!given) p.add(rule, `the file names no ${what} language: choose one`);
  return given;
}

function checkLangs(p: Problems, sourceLang: Lang | undefined, targetLangs: Lang[]): void {
  if (targetLangs.length === 0) p.add('create.target-language', 'the document needs at least one target language');
  if (sourceLang && targetLangs.includes(sourceLang)) p.add('create.target-language', 'a target language equals the source language');
  if (new Set(targetLangs).size !== targetLangs.length) p.add('create.target-language', 'a target language is named twice');
}

function ids<T>(items: readonly T[], idOf: (t: T) => string | null): (string | null)[] {
  const all = items.map(idOf);
  const usable = all.every((id) => id !== null && PARAGRAPH_ID.test(id)) && new Set(all).size === all.length;
  return usable ? all : all.map(() => null);
}

function fromUnits(x: Extract<InterchangeFile, { xliff: unknown }>['xliff'], opts: CreateOptions): ParseOutcome<DocumentFromFile> {
  const p = new Problems();
  // A PO file says its source language only when Anor wrote it (X-Source-Language).
  const sourceLang = chooseLang(p, 'source', x.srcLang || null, opts.sourceLang);
  const lang = chooseLang(p, 'target', x.trgLang, opts.lang);
  // The file's own language, and those chosen besides it (the document's other XLIFF files import into them later).
  const targetLangs = LANGS.filter((l) => l !== sourceLang && (l === lang || (opts.targetLangs ?? []).includes(l)));
  checkLangs(p, sourceLang, targetLangs);
  if (lang && lang === sourceLang) p.add('create.target-language', 'the file translates into its own source language');
  if (x.units.length > MAX_PARAGRAPHS)
    p.add('create.too-many', `the file has ${x.units.length} units; a document holds at most ${MAX_PARAGRAPHS}`);
  if (!p.empty || !sourceLang || !lang) return { ok: false, problems: p.list };
  const unitIds = ids(x.units, (u) => u.id);
  const cells: DocumentFromFile['cells'] = [];
  const notes: DocumentFromFile['notes'] = [];
  x.units.forEach((u, index) => {
    if (u.target !== null && u.target !== '') cells.push({ index, lang, text: u.target, status: fromUnit(u) });
    const note = (u.notes ?? []).join('\n').trim().slice(0, MAX_COMMENT_LENGTH);
    if (note !== '') notes.push({ index, text: note });
  });
  return {
    ok: true,
    value: {
      title: x.title ?? null,
      sourceLang,
      targetLangs,
      paragraphs: x.units.map((u, i) => ({ id: unitIds[i] ?? null, source: u.source })),
      cells,
      notes,
      warnings: [],
    },
  };
}

function fromTmx(t: Extract<InterchangeFile, { format: 'tmx' }>['tmx'], opts: CreateOptions): ParseOutcome<DocumentFromFile> {
  const p = new Problems();
  const sourceLang = chooseLang(p, 'source', t.srcLang && t.srcLang !== '*all*' ? t.srcLang : null, opts.sourceLang);
  if (!sourceLang) return { ok: false, problems: p.list };
  const warnings: Problem[] = [];
  const present = new Set<Lang>();
  const rows: { tuid: string | null; source: string; texts: Partial<Record<Lang, string>> }[] = [];
  let noSource = 0;
  for (const u of t.units) {
    const texts: Partial<Record<Lang, string>> = {};
    for (const v of u.variants) {
      const m = tmxLang(v.lang);
      if (m && texts[m.lang] === undefined) texts[m.lang] = m.convert(v.text);
    }
    const source = texts[sourceLang];
    if (source === undefined) {
      noSource++;
      continue;
    }
    for (const l of LANGS) if (l !== sourceLang && texts[l] !== undefined && texts[l] !== '') present.add(l);
    rows.push({ tuid: u.tuid, source, texts });
  }
  if (noSource > 0)
    warnings.push({ rule: 'create.tmx-no-source', message: `${noSource} units have no ${LANG_TAG[sourceLang]} text and were left out` });
  const targetLangs = LANGS.filter((l) => l !== sourceLang && (opts.targetLangs ? opts.targetLangs.includes(l) : present.has(l)));
  checkLangs(p, sourceLang, targetLangs);
  const ignored = [...present].filter((l) => !targetLangs.includes(l));
  if (ignored.length > 0)
    warnings.push({ rule: 'create.language-left-out', message: `texts in ${ignored.map((l) => LANG_TAG[l]).join(', ')} were left out` });
  if (rows.length === 0) p.add('create.empty', `the file has no unit with ${LANG_TAG[sourceLang]} text`);
  if (rows.length > MAX_PARAGRAPHS)
    p.add('create.too-many', `the file has ${rows.length} units; a document holds at most ${MAX_PARAGRAPHS}`);
  if (!p.empty) return { ok: false, problems: p.list };
  const tuids = ids(rows, (r) => r.tuid);
  const cells: DocumentFromFile['cells'] = [];
  rows.forEach((r, index) => {
    // A memory holds finished pairs: Anor's TMX export has approved texts only.
    for (const l of targetLangs) {
      const text = r.texts[l];
      if (text) cells.push({ index, lang: l, text, status: 'approved' });
    }
  });
  return {
    ok: true,
    value: {
      title: t.title ?? null,
      sourceLang,
      targetLangs,
      paragraphs: rows.map((r, i) => ({ id: tuids[i] ?? null, source: r.source })),
      cells,
      notes: [],
      warnings,
    },
  };
}
