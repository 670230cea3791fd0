import { graphemes } from '../../../../shared/domain/text.js';
import type { Revision } from '../../../../shared/domain/types.js';
import type { DiffPart } from '../../../../shared/protocol/aids.js';
import type { Lang } from '../../../../shared/languages.js';
import { tokenDiff } from '../../../../shared/text/tokenDiff.js';

export type { DiffPart };

/**
 * A character-level diff on graphemes (jsdiff's array diff over
 * Intl.Segmenter clusters), so an emoji, a combining accent or a Kazakh
 * letter typed as two code points is never cut in half, and Chinese, which
 * has no spaces, still diffs character by character.
 */
export function graphemeDiff(before: string, after: string): DiffPart[] {
  return tokenDiff(graphemes(before), graphemes(after)) ?? [];
}

const wordSegmenters = new Map<Lang, Intl.Segmenter>();

/**
 * Words, spaces and punctuation as separate tokens (Intl.Segmenter's word
 * boundaries, which keep "o‘zbek" and "don't" whole), each token a run of
 * whole graphemes.
 */
export function wordTokens(text: string, lang: Lang): string[] {
  let seg = wordSegmenters.get(lang);
  if (!seg) wordSegmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: 'word' })));
  return Array.from(seg.segment(text), (s) => s.segment);
}

/**
 * The diff a reader of `lang` expects: whole words for languages written with
 * spaces (a changed word shows as the old word struck out and the new one
 * inserted, never "Ас[т]қорда[на]да"), characters for Chinese, which has no
 * spaces between words.
 */
export function textDiff(before: string, after: string, lang: Lang): DiffPart[] {
  return lang === 'zh' ? graphemeDiff(before, after) : foldSpaces(tokenDiff(wordTokens(before, lang), wordTokens(after, lang)) ?? []);
}

/** A change is a change of both sides: a lone space between two changed words joins them ("[во вторник][в среду]"). */
function foldSpaces(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = (): void => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  parts.forEach((p, i) => {
    if (p.op === 'delete') del += p.text;
    else if (p.op === 'insert') ins += p.text;
    else if ((del || ins) && /^\s+$/u.test(p.text) && parts[i + 1] && parts[i + 1]!.op !== 'equal') {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      out.push({ ...p });
    }
  });
  flush();
  return out;
}

export interface HistoryLine {
  /** The entry; for a group of edits, the last of them (what a restore brings back). */
  revision: Revision;
  /** Revisions shown as this one line: consecutive edits of one author fold into one (1 = just this one). */
  count: number;
  /** When the first revision of the line was written. */
  since: string;
  /** Against the text before this entry; empty for entries that did not change the text. */
  diff: DiffPart[];
  /** The status before, when this entry changed it. */
  statusFrom: Revision['status'] | null;
}

/** Edits further apart than this are separate sittings, shown as separate lines even by one author. */
const SITTING_GAP_MS = 5 * 60_000;

const TYPING: ReadonlySet<Revision['kind']> = new Set(['edit', 'merge']);

/**
 * History entries with their diffs, newest first. A conflict entry is text
 * that was NOT applied, so it is shown against the text it lost to and does
 * not become the "previous text" of the next entry.
 *
 * Diffs are by word, or by character in Chinese (textDiff).
 *
 * Typing is saved keystroke by keystroke (one edit on the wire per cell at a
 * time), so consecutive edits of one author in one sitting are shown as one
 * line: its diff runs from the text before the first to the text after the
 * last, and restoring it brings back the last. The server keeps every one.
 */
export function historyLines(revisions: readonly Revision[], lang: Lang): HistoryLine[] {
  const lines: HistoryLine[] = [];
  let text = '';
  let status: Revision['status'] = 'empty';
  // The text and status before the line being folded into, and that line.
  let before: { text: string; status: Revision['status'] } = { text, status };
  let folding: HistoryLine | null = null;
  for (const r of revisions) {
    const last = folding?.revision;
    const folds =
      folding !== null &&
      last !== undefined &&
      TYPING.has(r.kind) &&
      TYPING.has(last.kind) &&
      r.author === last.author &&
      Date.parse(r.at) - Date.parse(last.at) <= SITTING_GAP_MS;
    if (!folds) before = { text, status };
    const line: HistoryLine = {
      revision: r,
      count: folds && folding ? folding.count + 1 : 1,
      since: folds && folding ? folding.since : r.at,
      diff: r.text !== before.text ? textDiff(before.text, r.text, lang) : [],
      statusFrom: r.status !== before.status ? before.status : null,
    };
    if (folds) lines[lines.length - 1] = line;
    else lines.push(line);
    folding = TYPING.has(r.kind) ? line : null;
    if (r.kind !== 'conflict') {
      text = r.text;
      status = r.status;
    }
  }
  return lines.reverse();
}
