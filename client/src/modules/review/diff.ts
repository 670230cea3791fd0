import { diffArrays } from 'diff';
import { graphemes } from '../../../../shared/domain/text.js';
import type { Revision } from '../../../../shared/domain/types.js';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * A character-level diff on graphemes (jsdiff's array diff over
 * Intl.Segmenter clusters), so an emoji, a combining accent or a Kazakh
 * letter typed as two code points is never cut in half, and Chinese, which
 * has no spaces, still diffs character by character.
 */
export function graphemeDiff(before: string, after: string): DiffPart[] {
  const out: DiffPart[] = [];
  for (const c of diffArrays(graphemes(before), graphemes(after))) {
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const text = c.value.join('');
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text !== '') out.push({ op, text });
  }
  return out;
}

export interface HistoryLine {
  revision: Revision;
  /** Against the text before this entry; empty for entries that did not change the text. */
  diff: DiffPart[];
  /** The status before, when this entry changed it. */
  statusFrom: Revision['status'] | null;
}

/**
 * History entries with their diffs, newest first. A conflict entry is text
 * that was NOT applied, so it is shown against the text it lost to and does
 * not become the "previous text" of the next entry.
 */
export function historyLines(revisions: readonly Revision[]): HistoryLine[] {
  const lines: HistoryLine[] = [];
  let text = '';
  let status: Revision['status'] = 'empty';
  for (const r of revisions) {
    const changedText = r.text !== text;
    lines.push({ revision: r, diff: changedText ? graphemeDiff(text, r.text) : [], statusFrom: r.status !== status ? status : null });
    if (r.kind !== 'conflict') {
      text = r.text;
      status = r.status;
    }
  }
  return lines.reverse();
}
