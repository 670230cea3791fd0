import { graphemes } from '../../../shared/domain/text.js';
import type { DiffPart } from '../../../shared/index.js';
import { tokenDiff } from '../../../shared/text/tokenDiff.js';

/**
 * Similarity of two normalised texts as translators read a fuzzy match:
 * 100 × (1 − edit distance / longer length), counted in graphemes so that a
 * Chinese character, a Kazakh ә or an Uzbek oʻ is one unit, not two.
 * `bound` lets the distance stop early once it cannot reach the caller's
 * threshold (returns bound + 1 then).
 */
export function graphemeDistance(a: readonly string[], b: readonly string[], bound = Infinity): number {
  if (a.length < b.length) return graphemeDistance(b, a, bound);
  const n = a.length;
  const m = b.length;
  if (n - m > bound) return bound + 1;
  if (m === 0) return n;
  // Ukkonen's band: a path through a cell farther than `bound` from the
  // diagonal already costs more than `bound`, so only the band is computed.
  const band = Number.isFinite(bound) ? bound : n;
  const FAR = n + m + 1;
  let prev = new Int32Array(m + 1).fill(FAR);
  let cur = new Int32Array(m + 1).fill(FAR);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    cur[from - 1] = from === 1 ? i : FAR;
    let rowMin = from === 1 ? i : FAR;
    const ai = a[i - 1];
    for (let j = from; j <= to; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < m) cur[to + 1] = FAR;
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m]! > bound ? bound + 1 : prev[m]!;
}

/** 0–100 (rounded down, so 100 means equal) from grapheme arrays. */
export function ratioScore(a: readonly string[], b: readonly string[], minScore = 0): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 100;
  const bound = Math.floor(((100 - minScore) / 100) * longer);
  const d = graphemeDistance(a, b, bound);
  if (d > bound) return 0;
  return Math.floor(100 * (1 - d / longer));
}

/** Words, runs of spaces, single Han characters and single punctuation marks: the units a diff shows. */
const TOKEN = /\p{Script=Han}|[\p{L}\p{M}\p{N}ʻʼ'’]+|\s+|./gsu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Past this many token edits the diff would cost more than a lookup should; the match is shown undiffed. */
const MAX_DIFF_EDITS = 1_000;

/**
 * Word-level difference of `from` (the text being translated now) to `to`
 * (the memory's text): what the memory lacks is `delete`, what it has extra
 * is `insert`. The shared tokenDiff (jsdiff) over the tokens above.
 */
export function diffWords(from: string, to: string): DiffPart[] {
  return (
    tokenDiff(tokens(from), tokens(to), { maxEditLength: MAX_DIFF_EDITS }) ?? [
      { op: 'delete', text: from },
      { op: 'insert', text: to },
    ]
  );
}

export { graphemes };
