import type { Lang } from '../languages.js';
import { paragraphFeatures } from './features.js';
import { Evidence } from './evidence.js';
import type { ParagraphFeatures } from './features.js';

/**
 * Paragraph alignment: Gale & Church's length-based dynamic programme
 * (Computational Linguistics 19(1), 1993) on character lengths, with
 * - the length ratio estimated from the pair itself (total target characters
 *   over total source characters: Chinese runs at about a third of English),
 * - anchors that survive translation (numbers, Latin names, headings, lists)
 *   lowering the cost of links that share them and raising it for links whose
 *   anchors disagree,
 * - links 1–1, 1–0, 0–1, 2–1, 1–2 and 2–2.
 * Pure and synchronous (shared/ so the browser can preview an alignment).
 */
export interface AlignLink {
  source: number[];
  target: number[];
  /**
   * Confidence in 0..1: the link's length fit and anchor agreement, scaled by
   * its margin (how much worse the best alignment avoiding it is). A ranking,
   * not a calibrated probability.
   */
  score: number;
}

export interface AlignOptions {
  sourceLang: Lang;
  targetLang: Lang;
  /** Half-width of the first band searched around the diagonal (widened as needed); for tests. */
  band?: number;
  model?: Partial<AlignModel>;
}

const MOVES: readonly { ds: number; dt: number }[] = [
  { ds: 1, dt: 1 },
  { ds: 1, dt: 0 },
  { ds: 0, dt: 1 },
  { ds: 2, dt: 1 },
  { ds: 1, dt: 2 },
  { ds: 2, dt: 2 },
];

/** The model's constants; exposed so the accuracy harness can compare settings. */
export interface AlignModel {
  /** Prior probability of each link type, in MOVES order (1–1, 1–0, 0–1, 2–1, 1–2, 2–2). */
  priors: readonly number[];
  /** Variance of target length per source character (G&C measured 6.8 for sentences). */
  s2: number;
  /** Weight of anchor agreement, in the same units (nats) as the length cost. */
  anchorWeight: number;
  /** Anchor Dice at which a link neither gains nor loses. */
  anchorPivot: number;
}

/**
 * Paragraph-level settings, chosen on the real parallel text of
 * server/test/align/corpus.ts (see docs/align.md for the figures): G&C's
 * sentence-level priors make a dropped paragraph far less likely than a merge,
 * which is wrong for paragraphs (untranslated ones get left out; merging two
 * is rarer), and their variance (6.8) is too tight for paragraphs across
 * scripts. These were picked on the same texts they are measured on.
 */
export const DEFAULT_MODEL: AlignModel = {
  priors: [0.85, 0.03, 0.03, 0.04, 0.04, 0.01],
  s2: 30,
  anchorWeight: 3,
  anchorPivot: 0.5,
};

export function alignParagraphs(source: readonly string[], target: readonly string[], opts: AlignOptions): AlignLink[] {
  const names = new Map<string, number>();
  const fs = source.map((t) => paragraphFeatures(t, opts.sourceLang, names));
  const ft = target.map((t) => paragraphFeatures(t, opts.targetLang, names));
  addSharedSounds(fs, ft);
  return alignFeatures(fs, ft, opts.band, { ...DEFAULT_MODEL, ...opts.model });
}

/**
 * Name sound keys become anchors only when both documents contain them: an
 * English capitalised word with no counterpart (Monday, Summit) would only
 * lower the agreement of right links. Exact anchors are kept as they are —
 * measured on the corpus, dropping one-sided exact anchors did worse.
 */
function addSharedSounds(fs: ParagraphFeatures[], ft: ParagraphFeatures[]): void {
  const inS = new Set(fs.flatMap((f) => f.sounds));
  const inT = new Set(ft.flatMap((f) => f.sounds));
  for (const f of fs) f.names = [...f.names, ...new Set(f.sounds.filter((x) => inT.has(x)))];
  for (const f of ft) f.names = [...f.names, ...new Set(f.sounds.filter((x) => inS.has(x)))];
}

export function alignFeatures(
  fs: ParagraphFeatures[],
  ft: ParagraphFeatures[],
  initialBand?: number,
  model: AlignModel = DEFAULT_MODEL,
): AlignLink[] {
  const ctx = new Evidence(fs, ft, fs.length * ft.length <= 4_000_000, model);
  let links = banded(ctx, fs.length, ft.length, initialBand);
  // The total-length ratio is skewed when one side has paragraphs the other
  // lacks; re-estimate it from the 1–1 links found and align again if it moved.
  const ratio = ctx.ratioOf(links.filter((l) => l.source.length === 1 && l.target.length === 1));
  if (ratio !== null && Math.abs(ratio / ctx.ratio - 1) > 0.02) {
    ctx.ratio = ratio;
    links = banded(ctx, fs.length, ft.length, initialBand);
  }
  return links;
}

/**
 * Searches a band around the diagonal first and widens it while the best path
 * runs along its edge: real alignments stay near the diagonal, so this is exact
 * in practice and several times cheaper than the full table.
 */
function banded(ctx: Evidence, n: number, m: number, initialBand?: number): AlignLink[] {
  // Never narrower than the diagonal's slope, or consecutive rows would not connect.
  let band = Math.max(initialBand ?? Math.max(32, Math.ceil(0.05 * Math.max(n, m))), Math.ceil(m / Math.max(1, n)) + 2);
  for (;;) {
    const full = band >= Math.max(n, m);
    const r = search(ctx, n, m, full ? Number.POSITIVE_INFINITY : band);
    if (full || !r.nearEdge) return r.links;
    band *= 2;
  }
}

function search(ctx: Evidence, n: number, m: number, band: number): { links: AlignLink[]; nearEdge: boolean } {
  const W = m + 1;
  const INF = Number.POSITIVE_INFINITY;
  const fwd = new Float64Array((n + 1) * W).fill(INF);
  const bwd = new Float64Array((n + 1) * W).fill(INF);
  const back = new Uint8Array((n + 1) * W);
  const centre = (i: number): number => (n === 0 ? 0 : Math.round((i * m) / n));
  const lo = (i: number): number => Math.max(0, centre(i) - band);
  const hi = (i: number): number => Math.min(m, centre(i) + band);
  fwd[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      if (i === 0 && j === 0) continue;
      let best = INF;
      let bestMove = 0;
      for (let k = 0; k < MOVES.length; k++) {
        const mv = MOVES[k]!;
        if (mv.ds > i || mv.dt > j) continue;
        const prev = fwd[(i - mv.ds) * W + (j - mv.dt)]!;
        if (prev === INF) continue;
        const c = prev + ctx.cost(i - mv.ds, i, j - mv.dt, j) + ctx.priorCost[k]!;
        if (c < best) {
          best = c;
          bestMove = k;
        }
      }
      fwd[i * W + j] = best;
      back[i * W + j] = bestMove;
    }
  }
  const total = fwd[n * W + m]!;
  if (total === INF) return { links: [], nearEdge: true };
  // The same programme run from the end: fwd + bwd at a cell is the best
  // alignment forced through it, which gives each link a margin below.
  bwd[n * W + m] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = hi(i); j >= lo(i); j--) {
      if (i === n && j === m) continue;
      let best = INF;
      for (let k = 0; k < MOVES.length; k++) {
        const mv = MOVES[k]!;
        if (i + mv.ds > n || j + mv.dt > m) continue;
        const next = bwd[(i + mv.ds) * W + (j + mv.dt)]!;
        if (next === INF) continue;
        const c = next + ctx.cost(i, i + mv.ds, j, j + mv.dt) + ctx.priorCost[k]!;
        if (c < best) best = c;
      }
      bwd[i * W + j] = best;
    }
  }
  const margin = cellMargins(fwd, bwd, n, m, lo, hi, total);
  const links: AlignLink[] = [];
  let nearEdge = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (Math.abs(j - centre(i)) > band - 8) nearEdge = true;
    const mv = MOVES[back[i * W + j]!]!;
    const s0 = i - mv.ds;
    const t0 = j - mv.dt;
    const sure = Math.min(margin(i, j), s0 === 0 && t0 === 0 ? INF : margin(s0, t0));
    links.push({
      source: range(s0, i),
      target: range(t0, j),
      score: round(ctx.score(s0, i, t0, j) * (1 - Math.exp(-sure / MARGIN_SCALE))),
    });
    i = s0;
    j = t0;
  }
  return { links: links.reverse(), nearEdge };
}

/** Nats by which a margin makes a link trustworthy: 1 − e^(−margin/scale) of its quality is kept. */
const MARGIN_SCALE = 2;

/**
 * How much worse the best alignment avoiding a cell is than the best one:
 * compared with the other cells of the same anti-diagonal (i + j), which is
 * where an alternative path would cross it (paths that jump the diagonal with
 * a 2–1 or 2–2 link are not seen, so margins are if anything too high).
 */
function cellMargins(
  fwd: Float64Array,
  bwd: Float64Array,
  n: number,
  m: number,
  lo: (i: number) => number,
  hi: (i: number) => number,
  total: number,
): (i: number, j: number) => number {
  const W = m + 1;
  const min1 = new Float64Array(n + m + 1).fill(Number.POSITIVE_INFINITY);
  const min2 = new Float64Array(n + m + 1).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      const v = fwd[i * W + j]! + bwd[i * W + j]!;
      const d = i + j;
      if (v < min1[d]!) {
        min2[d] = min1[d]!;
        min1[d] = v;
      } else if (v < min2[d]!) min2[d] = v;
    }
  }
  return (i, j) => {
    const d = i + j;
    const v = fwd[i * W + j]! + bwd[i * W + j]!;
    const alt = v <= min1[d]! ? min2[d]! : min1[d]!;
    return Math.max(0, alt - total);
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}
