import type { Lang } from '../languages.js';
import type { CellStatus, Paragraph } from '../domain/types.js';
import { joinSeparator } from '../domain/text.js';
import { alignParagraphs } from './align.js';
import type { AlignLink } from './align.js';
import { splitParagraphs } from '../domain/paragraphs.js';

/**
 * Importing an existing translation as plain text: align its paragraphs with
 * the document's source paragraphs, then say which cell gets which text. Pure,
 * so the browser can show the plan for review before anything is written.
 *
 * Decisions, so that no translated text is ever dropped:
 * - 1–1: the target paragraph goes into the paragraph's cell.
 * - 1–2: the two target paragraphs are joined into the one cell (a space, or
 *   nothing in Chinese), as the translator split what the source keeps whole.
 * - 2–1 and 2–2: the (joined) text goes into the first paragraph's cell and the
 *   second is left as it is; both are flagged, since only a person can split
 *   the text at the right place.
 * - 0–1 (a target paragraph with no source): appended to the previous planned
 *   cell (or the next, at the very start) and flagged.
 * - 1–0: nothing to import for that paragraph.
 * Links scoring under `reviewBelow` are flagged too. Cells whose text would not
 * change get no edit. Imported texts are drafts.
 */
export interface AlignedEdit {
  paragraphId: string;
  lang: Lang;
  text: string;
  status: CellStatus;
}

export interface AlignedImportPlan {
  links: AlignLink[];
  edits: AlignedEdit[];
  /** Paragraph ids a person should look at, in document order. */
  review: string[];
  /** Cells the translation would fill that already hold exactly that text (no edit for them). */
  unchanged: number;
}

export interface AlignedImportInput {
  paragraphs: readonly Paragraph[];
  sourceLang: Lang;
  lang: Lang;
  /** The translation as a file's text (split into paragraphs like `anor align`). */
  text: string;
  reviewBelow?: number;
}

export function planAlignedImport(input: AlignedImportInput): AlignedImportPlan {
  const { paragraphs, sourceLang, lang } = input;
  const source = paragraphs.map((p) => p.cells[sourceLang]?.text ?? '');
  const target = splitParagraphs(input.text);
  const links = alignParagraphs(source, target, { sourceLang, targetLang: lang });
  return planFromLinks(paragraphs, lang, target, links, input.reviewBelow);
}

/**
 * The same decisions for links that are given, not computed — an alignment a
 * person has corrected in the preview (merged, split or shifted links).
 * Links must cover every target paragraph (the caller checks); source indexes
 * index `paragraphs`.
 */
export function planFromLinks(
  paragraphs: readonly Paragraph[],
  lang: Lang,
  target: readonly string[],
  links: AlignLink[],
  reviewBelow = 0.5,
): AlignedImportPlan {
  const planned = new Map<number, string>();
  const review = new Set<number>();
  const join = (a: string, b: string): string => (a === '' ? b : `${a}${joinSeparator(lang, a, b)}${b}`);
  let orphans: string[] = [];
  let last: number | null = null;
  for (const l of links) {
    const text = l.target.map((j) => target[j]!).reduce(join, '');
    if (l.source.length === 0) {
      if (last === null) orphans.push(text);
      else planned.set(last, join(planned.get(last)!, text));
      if (last !== null) review.add(last);
      continue;
    }
    if (l.target.length === 0) continue;
    const first = l.source[0]!;
    planned.set(first, [...orphans, text].reduce(join, ''));
    if (orphans.length || l.source.length > 1 || l.score < reviewBelow) l.source.forEach((i) => review.add(i));
    orphans = [];
    last = first;
  }
  if (orphans.length && paragraphs.length > 0) {
    // Only unmatched target text and no paragraph took any: keep it in the first cell.
    planned.set(0, [planned.get(0) ?? '', ...orphans].reduce(join, ''));
    review.add(0);
  }
  const edits: AlignedEdit[] = [];
  let unchanged = 0;
  for (const [i, text] of [...planned].sort((a, b) => a[0] - b[0])) {
    const p = paragraphs[i]!;
    if ((p.cells[lang]?.text ?? '') !== text) edits.push({ paragraphId: p.id, lang, text, status: text === '' ? 'empty' : 'draft' });
    else unchanged++;
  }
  return { links, edits, review: [...review].sort((a, b) => a - b).map((i) => paragraphs[i]!.id), unchanged };
}
