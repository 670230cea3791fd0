import { diffArrays } from 'diff';
import type { DiffPart } from '../protocol/aids.js';

/**
 * The one diff of Anor: jsdiff's array diff (Myers) over tokens the caller
 * chose (graphemes, words), folded into runs of `equal`, `delete` (only in
 * `before`) and `insert` (only in `after`). The history drawer and the
 * translation memory's match diffs both use it. With `maxEditLength`, a pair
 * that needs more token edits gives null (the caller shows it undiffed).
 */
export function tokenDiff(before: readonly string[], after: readonly string[], opts: { maxEditLength?: number } = {}): DiffPart[] | null {
  const changes =
    opts.maxEditLength === undefined
      ? diffArrays([...before], [...after])
      : diffArrays([...before], [...after], { maxEditLength: opts.maxEditLength });
  if (!changes) return null;
  const out: DiffPart[] = [];
  for (const c of changes) {
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const text = c.value.join('');
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text !== '') out.push({ op, text });
  }
  return out;
}
