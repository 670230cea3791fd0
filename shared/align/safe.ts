import type { AlignLink } from './align.js';
import type { Evidence } from './evidence.js';
import type { Lexicon } from './lexicon.js';
import type { LinkCost } from './search.js';
import { MARGIN_SCALE, MOVES, range } from './search.js';

/** A link with its position: source paragraphs [s0, s1) with target paragraphs [t0, t1). */
export interface Span {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
}

export function spans(links: readonly { source: number[]; target: number[] }[]): Span[] {
  let i = 0;
  let j = 0;
  return links.map((l) => {
    const sp = { s0: i, s1: i + l.source.length, t0: j, t1: j + l.target.length };
    i = sp.s1;
    j = sp.t1;
    return sp;
  });
}

/**
 * Splits two monotone alignments of the same texts into stretches between
 * the points both paths pass through: one link shared by both, or a disputed
 * stretch with a different sub-path in each.
 */
export function stretches(a: readonly Span[], b: readonly Span[]): { ours: Span[]; theirs: Span[] }[] {
  const out: { ours: Span[]; theirs: Span[] }[] = [];
  let ia = 0;
  let ib = 0;
  while (ia < a.length || ib < b.length) {
    const ours: Span[] = [];
    const theirs: Span[] = [];
    let pa = ia < a.length ? a[ia]!.s0 + a[ia]!.t0 : Infinity;
    let pb = ib < b.length ? b[ib]!.s0 + b[ib]!.t0 : Infinity;
    do {
      // Advance whichever path is behind (by i + j) until both stand on the same point.
      if (ib >= b.length || (ia < a.length && pa <= pb)) {
        const l = a[ia++]!;
        ours.push(l);
        pa = l.s1 + l.t1;
      } else {
        const l = b[ib++]!;
        theirs.push(l);
        pb = l.s1 + l.t1;
      }
    } while (!sameEnd(ours, theirs));
    out.push({ ours, theirs });
  }
  return out;
}

function sameEnd(a: Span[], b: Span[]): boolean {
  const x = a.at(-1);
  const y = b.at(-1);
  return x !== undefined && y !== undefined && x.s1 === y.s1 && x.t1 === y.t1;
}

const moveOf = (l: Span): number => MOVES.findIndex((m) => m.ds === l.s1 - l.s0 && m.dt === l.t1 - l.t0);

export function pathCost(path: readonly Span[], c: LinkCost): number {
  let sum = 0;
  for (const l of path) sum += c.cost(l.s0, l.s1, l.t0, l.t1) + c.priorCost[moveOf(l)]!;
  return sum;
}

/**
 * Anchors a path links (shared by the paragraphs of a link, each counted
 * once) and firm anchors it contradicts (a number, or a name sound key both
 * documents have, carried by a link whose other side lacks it). A paragraph
 * left out contradicts nothing: it has no counterpart.
 */
export function pathAnchors(path: readonly Span[], ev: Evidence): { linked: number; contradicted: number } {
  let linked = 0;
  let contradicted = 0;
  for (const l of path) {
    if (l.s0 === l.s1 || l.t0 === l.t1) continue;
    linked += ev.linkedAnchors(l.s0, l.s1, l.t0, l.t1);
    const n = ev.firmIn(l.s0, l.s1, l.t0, l.t1);
    contradicted += n.all - 2 * n.shared;
  }
  return { linked, contradicted };
}

/**
 * 1 when path a's anchor evidence dominates b's (links at least as many and
 * contradicts at most as many, one of them strictly), −1 when b's dominates,
 * 0 when they are even or pull in opposite directions.
 */
function anchorOrder(a: { linked: number; contradicted: number }, b: { linked: number; contradicted: number }): number {
  const l = Math.sign(a.linked - b.linked);
  const c = Math.sign(b.contradicted - a.contradicted);
  return l * c < 0 ? 0 : l + c === 0 ? 0 : Math.sign(l + c);
}

/**
 * How many links of a disputed stretch one more linked anchor may decide: the
 * aligner's sub-path is kept only with at least one more shared anchor than
 * Gale–Church's per this many of its links. Without it one anchor (3 against
 * 2) decided a stretch of 43 links, and a stretch of 24 was decided by two
 * contradictions avoided and no anchor linked at all (docs/align.md). Chosen
 * on the tuning, exposed and seed-2 sets: every value tried from 3 to 30 left no
 * pair worse there; 10 is near the middle of that range (log scale).
 */
const LINKS_PER_ANCHOR = 10;

/**
 * Nats of lexical evidence (Lexicon.path: the aligner's sub-path against
 * Gale–Church's) from which the aligner's sub-path is kept even where anchors
 * do not decide for it. Chosen on seeds 1–8: every value from 4 to 8 left the
 * same three rows of seeds 3–8 worse than Gale–Church and none of seeds 1–2;
 * 3 let a fourth through, 2 seven (docs/align.md).
 */
export const LEXICAL_DECIDES = 5;

/**
 * Standard deviations of the length cost one typical paragraph of a stretch
 * must be worth (Evidence.lengthSds) for lengths to count as a witness:
 * 2, i.e. paragraphs of about 4 · s2 = 120 characters (in the finer unit)
 * and longer. Below it a dropped or merged paragraph moves the length
 * difference by less than two deviations, and anchors alone decided wrongly
 * there (ten-paragraph QA texts, lists of country names). Chosen on seeds
 * 1–11: every value from 1.6 to 3.2 (80 to 300 characters) left no row
 * worse (docs/align.md).
 */
export const LENGTH_SDS = 2;

/**
 * Links per extra linked anchor where neither the words nor the lengths can
 * judge a stretch: the aligner's sub-path is kept on anchors alone only with
 * one more linked anchor than Gale–Church's per two of its links, so the
 * anchors pin most of the stretch themselves. Chosen on seeds 1–11: 1 and 2
 * left no row worse, 3 one (a QA text, 3 more anchors over 7 links), so 2 is
 * at the edge of what held there (docs/align.md).
 */
export const LINKS_PER_ANCHOR_UNJUDGED = 2;

const edits = (path: readonly Span[]): number => path.filter((l) => l.s1 - l.s0 !== 1 || l.t1 - l.t0 !== 1).length;

/**
 * The guard that keeps the aligner from doing worse than plain Gale–Church
 * (docs/align.md). Both alignments are split into the stretches between the
 * points both paths pass through; where they differ, the aligner's sub-path
 * is kept only
 * 1. if its anchor evidence dominates (Evidence.linkedAnchors: numbers,
 *    names, codes shared by linked paragraphs, each counted once; firmIn: a
 *    number, or a transliterated name both documents have, in a link whose
 *    other side lacks it, contradicts it): it links at least as many anchors
 *    and contradicts at most as many, one of them strictly; *and* it links at
 *    least one more anchor than Gale–Church's sub-path per LINKS_PER_ANCHOR
 *    links of its own, so thin evidence cannot decide a long stretch and
 *    contradictions avoided alone (leaving a paragraph out avoids them) decide
 *    nothing; or
 * 2. if, with anchors even, the aligner found no edit anywhere in the text
 *    (every link 1–1): then Gale–Church's merges and drops there are length
 *    noise, not structure;
 * where rule 1 needs a second witness: the words favour the aligner's
 * sub-path by at least one associate's worth (log(right / chance) nats), or
 * the stretch's paragraphs are long enough for lengths to tell (LENGTH_SDS);
 * without one, anchors decide alone only with one more linked anchor per
 * LINKS_PER_ANCHOR_UNJUDGED links (ten-paragraph QA texts and lists of
 * country names lost rows to thin anchors there);
 * and in either case only if the words do not argue against it: when the
 * pair's own lexicon (lexicon.ts, learnt from the links both paths agree on)
 * can judge, it must prefer the aligner's sub-path (a tie, no associate on
 * either, goes to the baseline). Where rules 1 and 2 do not keep the
 * aligner's sub-path, the lexicon alone keeps it when it prefers it by at
 * least LEXICAL_DECIDES nats. Gale–Church's sub-path is taken otherwise.
 * Length and priors alone never override Gale–Church: on the tuning set,
 * every margin on the aligner's own cost that let them (1 to 12 nats) still
 * lost pairs.
 *
 * `learn` builds the lexicon from the agreed 1–1 links (source, target); it
 * is called once, and only when some stretch is disputed.
 *
 * A link taken from Gale–Church gets the aligner's quality for it, scaled by
 * how much Gale–Church itself preferred that stretch (its margin, in nats),
 * so a stretch both models found close is flagged for a look.
 */
export function keepSafe(
  ours: AlignLink[],
  baseline: readonly { source: number[]; target: number[] }[],
  ev: Evidence,
  gc: LinkCost,
  learn?: (agreed: [number, number][]) => Lexicon,
): AlignLink[] {
  const a = spans(ours);
  const clean = edits(a) === 0;
  const all = stretches(a, spans(baseline));
  let lexicon: Lexicon | null | undefined;
  const words = (): Lexicon | null => {
    if (lexicon === undefined) {
      const agreed: [number, number][] = [];
      for (const st of all) {
        const l = st.ours[0]!;
        if (st.ours.length === 1 && st.theirs.length === 1 && l.s1 - l.s0 === 1 && l.t1 - l.t0 === 1) agreed.push([l.s0, l.t0]);
      }
      const lex = learn?.(agreed);
      lexicon = lex?.usable ? lex : null;
    }
    return lexicon;
  };
  const out: AlignLink[] = [];
  let k = 0;
  for (const st of all) {
    const mine = ours.slice(k, k + st.ours.length);
    k += st.ours.length;
    if (st.theirs.length === 1 && st.ours.length === 1) {
      out.push(...mine);
      continue;
    }
    const mineA = pathAnchors(st.ours, ev);
    const theirsA = pathAnchors(st.theirs, ev);
    const order = anchorOrder(mineA, theirsA);
    const more = mineA.linked - theirsA.linked;
    const lex = words();
    const lexical = lex ? lex.path(st.ours) - lex.path(st.theirs) : 0;
    // A second witness for the anchors: the words favour the aligner's sub-path by at least
    // one associate's worth (log(right / chance), a token with an associate across a link), or
    // the stretch's paragraphs are long enough for their lengths to tell.
    const s0 = st.ours[0]!.s0;
    const t0 = st.ours[0]!.t0;
    const last = st.ours.at(-1)!;
    const witness = (lex !== null && lexical >= Math.log(lex.right / lex.chance)) || ev.lengthSds(s0, last.s1, t0, last.t1) >= LENGTH_SDS;
    const anchors =
      (order > 0 && more * LINKS_PER_ANCHOR >= st.ours.length && witness) ||
      (order > 0 && more * LINKS_PER_ANCHOR_UNJUDGED >= st.ours.length) ||
      (order === 0 && clean);
    // Where the lexicon can judge, a tie (no associate on either sub-path) goes to the baseline.
    if ((anchors && (lex ? lexical > 0 : true)) || lexical >= LEXICAL_DECIDES) {
      out.push(...mine);
      continue;
    }
    const sure = 1 - Math.exp(-Math.max(0, pathCost(st.ours, gc) - pathCost(st.theirs, gc)) / MARGIN_SCALE);
    for (const l of st.theirs) {
      const score = Math.round(ev.score(l.s0, l.s1, l.t0, l.t1) * sure * 1000) / 1000;
      out.push({ source: range(l.s0, l.s1), target: range(l.t0, l.t1), score });
    }
  }
  return out;
}
