import { DEFAULT_SCRIPT, LANG_TAG } from '../languages.js';
import type { Lang } from '../languages.js';
import type { ReaderDocument } from '../protocol/share.js';
import { canTransliterate, transliterate } from '../translit/index.js';
import type { TranslitScript } from '../translit/index.js';

/**
 * The reading view as data: the chosen columns and one row per paragraph,
 * each cell already in the text and script the reader asked for. The page
 * (client/src/modules/reading) and the standalone HTML export both render
 * this one model, so the file a reader downloads is what they were looking at.
 */
export type ReadingMode = 'approved' | 'latest';
export type ReadingScript = 'Latn' | 'Cyrl' | 'Hans';

export const MIN_READING_LANGS = 2;
export const MAX_READING_LANGS = 5;

export interface ReadingOptions {
  langs: readonly Lang[];
  mode: ReadingMode;
  /** Script per language where the reader switched away from the default (kk → Latn, uz → Cyrl). */
  scripts?: Partial<Record<Lang, TranslitScript>>;
}

export interface ReadingColumn {
  lang: Lang;
  script: ReadingScript;
  /** BCP 47 tag with the script when it is not the default (kk-Latn, uz-Cyrl), for fonts and hyphenation. */
  tag: string;
}

export interface ReadingCell {
  lang: Lang;
  /** null: nothing to show (never approved, or empty). */
  text: string | null;
  /** Shown in `latest` mode when the text is not the approved one. */
  draft: boolean;
}

export interface ReadingRow {
  id: string;
  cells: ReadingCell[];
}

export interface ReadingModel {
  title: string;
  mode: ReadingMode;
  columns: ReadingColumn[];
  rows: ReadingRow[];
}

/** Latest cell texts per paragraph id, for signed-in readers who switch drafts on. */
export type LatestTexts = ReadonlyMap<string, Partial<Record<Lang, string>>>;

export function scriptOf(lang: Lang, scripts: ReadingOptions['scripts']): ReadingScript {
  const wanted = scripts?.[lang];
  return wanted !== undefined && canTransliterate(lang, wanted) ? wanted : DEFAULT_SCRIPT[lang];
}

function tagOf(lang: Lang, script: ReadingScript): string {
  return script === DEFAULT_SCRIPT[lang] ? LANG_TAG[lang] : `${lang}-${script}`;
}

function inScript(text: string | null, lang: Lang, script: ReadingScript): string | null {
  if (text === null || script === DEFAULT_SCRIPT[lang] || script === 'Hans') return text;
  return transliterate(text, lang, script) ?? text;
}

/**
 * Languages to show: the requested ones that the document has, in the
 * document's order (source first), at most five. Fewer than two are topped
 * up with the document's first other languages, so there is always a pair
 * to read and a requested language is never dropped.
 */
export function pickLangs(docLangs: readonly Lang[], wanted: readonly Lang[]): Lang[] {
  const chosen = new Set(docLangs.filter((l) => wanted.includes(l)).slice(0, MAX_READING_LANGS));
  for (const l of docLangs) {
    if (chosen.size >= MIN_READING_LANGS) break;
    chosen.add(l);
  }
  return docLangs.filter((l) => chosen.has(l));
}

export function buildReadingModel(doc: ReaderDocument, opts: ReadingOptions, latest?: LatestTexts): ReadingModel {
  const langs = pickLangs(doc.langs, opts.langs);
  const columns = langs.map((lang): ReadingColumn => {
    const script = scriptOf(lang, opts.scripts);
    return { lang, script, tag: tagOf(lang, script) };
  });
  const rows = doc.paragraphs.map((p): ReadingRow => ({
    id: p.id,
    cells: columns.map(({ lang, script }): ReadingCell => {
      const approved = p.texts[lang] ?? null;
      const current = opts.mode === 'latest' ? latest?.get(p.id)?.[lang] : undefined;
      // An emptied cell in `latest` mode shows nothing; an approved text that is still current is not a draft.
      const text = current === undefined ? approved : current === '' ? null : current;
      return { lang, text: inScript(text, lang, script), draft: current !== undefined && current !== '' && current !== approved };
    }),
  }));
  return { title: doc.title, mode: opts.mode, columns, rows };
}

/** Replaces one cell's approved text in place-friendly fashion (a new document object, same untouched rows). */
export function withReaderText(doc: ReaderDocument, paragraphId: string, lang: Lang, text: string | null): ReaderDocument {
  return {
    ...doc,
    paragraphs: doc.paragraphs.map((p) => (p.id === paragraphId ? { ...p, texts: { ...p.texts, [lang]: text } } : p)),
  };
}
