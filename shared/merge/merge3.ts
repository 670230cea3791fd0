import { diff3Merge } from 'node-diff3';
import { graphemes } from '../domain/text.js';

export type Merge3Result =
  | { ok: true; text: string }
  /** Both sides changed the same span: nothing is mixed, the caller keeps both texts. */
  | { ok: false };

/**
 * Three-way merge of one cell's text on graphemes (user-perceived characters),
 * so it works for Chinese, which has no spaces, as well as for the others.
 *
 * `current` is what the server holds now, `incoming` the stale edit, `base` the
 * revision the edit was made on. Identical changes on both sides are not a
 * conflict; changes that overlap or touch are: in diff3's terms, the ranges of
 * base graphemes the two sides replaced (empty for an insertion) intersect as
 * closed ranges, so an insertion at either end of the other side's change, or
 * two insertions at the same point, conflict. merge3Properties.test.ts checks
 * exactly this against the edits a generator made.
 */
export function merge3(base: string, current: string, incoming: string): Merge3Result {
  if (incoming === base || incoming === current) return { ok: true, text: current };
  if (current === base) return { ok: true, text: incoming };

  // Edits are usually small: diff only the middle that differs, not 64 KB of shared text.
  const b = graphemes(base);
  const c = graphemes(current);
  const i = graphemes(incoming);
  let pre = 0;
  while (pre < b.length && pre < c.length && pre < i.length && b[pre] === c[pre] && b[pre] === i[pre]) pre++;
  let suf = 0;
  while (
    suf < b.length - pre &&
    suf < c.length - pre &&
    suf < i.length - pre &&
    b[b.length - 1 - suf] === c[c.length - 1 - suf] &&
    b[b.length - 1 - suf] === i[i.length - 1 - suf]
  )
    suf++;

  const regions = diff3Merge(c.slice(pre, c.length - suf), b.slice(pre, b.length - suf), i.slice(pre, i.length - suf));
  const out: string[] = [];
  for (const r of regions) {
    if ('conflict' in r && r.conflict) return { ok: false };
    if ('ok' in r && r.ok) out.push(...r.ok);
  }
  return { ok: true, text: b.slice(0, pre).join('') + out.join('') + b.slice(b.length - suf).join('') };
}
