import { graphemeLength } from '../../../../shared/domain/text.js';
import type { Revision } from '../../../../shared/domain/types.js';

/** Text that was the cell's at some point: a conflict revision is text that lost, never the cell's. */
const applied = (r: Revision): boolean => r.kind !== 'conflict';

/** What the cell last held: the text to bring back for a paragraph that was deleted or joined away. */
export function lastText(revisions: readonly Revision[]): string {
  return revisions.filter(applied).at(-1)?.text ?? '';
}

/**
 * The revision a joined paragraph's cell held just before its last join, to
 * restore it (`cell:restore`); null when the cell was not changed by a join
 * (its text was kept as it was: the next paragraph had none in that language).
 */
export function beforeJoin(revisions: readonly Revision[]): Revision | null {
  const kept = revisions.filter(applied);
  const at = kept.findLastIndex((r) => r.kind === 'join');
  if (at < 0) return null;
  return kept[at - 1] ?? { ...kept[at]!, rev: 0, text: '' };
}

/**
 * The split point the server takes (graphemes from the start of the source)
 * for a caret at UTF-16 offset `caret`; null where a split would leave the
 * first paragraph empty.
 */
export function splitOffset(text: string, caret: number): number | null {
  const offset = graphemeLength(text.slice(0, Math.max(0, Math.min(caret, text.length))));
  return offset > 0 ? offset : null;
}
