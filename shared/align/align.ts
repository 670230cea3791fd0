import type { Lang } from '../languages.js';
import { anchorCount, paragraphFeatures, sharedAnchors } from './features.js';
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
  /** Confidence in 0..1: length fit and anchor agreement; a relative measure, not a calibrated probability. */
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
 * server/src/align/corpus.ts (see docs/align.md for the figures): G&C's
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
  return alignFeatures(fs, ft, opts.band, { ...DEFAULT_MODEL, ...opts.model });
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
  const cost = new Float64Array((n + 1) * W).fill(Number.POSITIVE_INFINITY);
  const back = new Uint8Array((n + 1) * W);
  const centre = (i: number): number => (n === 0 ? 0 : Math.round((i * m) / n));
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const c0 = centre(i);
    const lo = Math.max(0, c0 - band);
    const hi = Math.min(m, c0 + band);
    for (let j = lo; j <= hi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Number.POSITIVE_INFINITY;
      let bestMove = 0;
      for (let k = 0; k < MOVES.length; k++) {
        const mv = MOVES[k]!;
        if (mv.ds > i || mv.dt > j) continue;
        const prev = cost[(i - mv.ds) * W + (j - mv.dt)]!;
        if (prev === Number.POSITIVE_INFINITY) continue;
        const c = prev + ctx.cost(i - mv.ds, i, j - mv.dt, j) + ctx.priorCost[k]!;
        if (c < best) {
          best = c;
          bestMove = k;
        }
      }
      cost[i * W + j] = best;
      back[i * W + j] = bestMove;
    }
  }
  const links: AlignLink[] = [];
  let nearEdge = cost[n * W + m] === Number.POSITIVE_INFINITY;
  if (nearEdge) return { links, nearEdge };
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (Math.abs(j - centre(i)) > band - 8) nearEdge = true;
    const mv = MOVES[back[i * W + j]!]!;
    const s0 = i - mv.ds;
    const t0 = j - mv.dt;
    links.push({ source: range(s0, i), target: range(t0, j), score: ctx.score(s0, i, t0, j) });
    i = s0;
    j = t0;
  }
  return { links: links.reverse(), nearEdge };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}

function prefix(values: number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  values.forEach((v, k) => (out[k + 1] = out[k]! + v));
  return out;
}

/**
 * Everything a link cost needs, precomputed so that each of the DP's
 * (n+1)(m+1)·6 link evaluations is O(1): prefix sums of lengths, anchor counts
 * and structure flags; shared anchors per pair are memoised on first use.
 */
class Evidence {
  private readonly lenS: Float64Array;
  private readonly lenT: Float64Array;
  private readonly ancS: Float64Array;
  private readonly ancT: Float64Array;
  private readonly strS: Float64Array;
  private readonly strT: Float64Array;
  /** Target characters per source character. */
  ratio: number;
  private readonly dense: Uint16Array | null;
  private readonly sparse: Map<number, number>;
  readonly priorCost: number[];

  constructor(
    private readonly fs: ParagraphFeatures[],
    private readonly ft: ParagraphFeatures[],
    denseShared: boolean,
    private readonly model: AlignModel,
  ) {
    this.priorCost = model.priors.map((p) => -Math.log(p));
    this.lenS = prefix(fs.map((f) => f.len));
    this.lenT = prefix(ft.map((f) => f.len));
    this.ancS = prefix(fs.map(anchorCount));
    this.ancT = prefix(ft.map(anchorCount));
    this.strS = prefix(fs.map((f) => (f.heading || f.list !== null ? 1 : 0)));
    this.strT = prefix(ft.map((f) => (f.heading || f.list !== null ? 1 : 0)));
    const totalS = this.lenS[fs.length]!;
    const totalT = this.lenT[ft.length]!;
    this.ratio = totalS > 0 && totalT > 0 ? totalT / totalS : 1;
    this.dense = denseShared ? new Uint16Array(fs.length * ft.length).fill(UNKNOWN) : null;
    this.sparse = new Map();
  }

  /** Target/source length ratio over the given links, or null when they hold too little text. */
  ratioOf(links: AlignLink[]): number | null {
    let ls = 0;
    let lt = 0;
    for (const l of links) {
      for (const a of l.source) ls += this.lenS[a + 1]! - this.lenS[a]!;
      for (const b of l.target) lt += this.lenT[b + 1]! - this.lenT[b]!;
    }
    return ls > 0 && lt > 0 ? lt / ls : null;
  }

  /**
   * Shared anchors of a paragraph pair, computed on first use and memoised:
   * the DP only ever asks about pairs inside its band, so this stays
   * proportional to the band, not to n·m, even when an anchor (a year, a
   * name) occurs in every paragraph.
   */
  private shared(i: number, j: number): number {
    const key = i * this.ft.length + j;
    if (this.dense) {
      let v = this.dense[key]!;
      if (v === UNKNOWN) {
        v = sharedAnchors(this.fs[i]!, this.ft[j]!);
        this.dense[key] = v;
      }
      return v;
    }
    let v = this.sparse.get(key);
    if (v === undefined) {
      v = sharedAnchors(this.fs[i]!, this.ft[j]!);
      this.sparse.set(key, v);
    }
    return v;
  }

  // Out-parameters of evidence(): the DP calls it millions of times, so it allocates nothing.
  private lenZ = 0;
  private dice = -1;
  private structure = 0;
  private anchors = 0;

  /** Fills lenZ (|standardised length difference|), dice (-1: no anchors), structure penalty and anchor count. */
  private evidence(s0: number, s1: number, t0: number, t1: number): void {
    const ls = this.lenS[s1]! - this.lenS[s0]!;
    const lt = (this.lenT[t1]! - this.lenT[t0]!) / this.ratio;
    this.lenZ = Math.abs(lt - ls) / Math.sqrt(this.model.s2 * Math.max(1, (ls + lt) / 2));
    this.dice = -1;
    this.structure = 0;
    this.anchors = 0;
    if (s1 === s0 || t1 === t0) {
      // A paragraph left out has no counterpart to be measured against: G&C's
      // length term would charge it as a failed 1–1 match and push the DP to
      // glue it onto a neighbour instead. Its cost is the prior alone.
      this.lenZ = 0;
      return;
    }
    const anchors = this.ancS[s1]! - this.ancS[s0]! + (this.ancT[t1]! - this.ancT[t0]!);
    this.anchors = anchors;
    if (anchors > 0) {
      let shared = 0;
      for (let a = s0; a < s1; a++) for (let b = t0; b < t1; b++) shared += this.shared(a, b);
      this.dice = Math.min(1, (2 * shared) / anchors);
    }
    if (s1 - s0 === 1 && t1 - t0 === 1) {
      const x = this.fs[s0]!;
      const y = this.ft[t0]!;
      if (x.heading && y.heading) this.structure -= 1;
      else if (x.heading !== y.heading) this.structure += 1;
      if (x.list !== null && x.list === y.list) this.structure -= 1;
      else if ((x.list === null) !== (y.list === null)) this.structure += 1;
    } else {
      // Headings and list items are rarely merged with a neighbour by translators.
      this.structure = this.strS[s1]! - this.strS[s0]! + (this.strT[t1]! - this.strT[t0]!);
    }
  }

  cost(s0: number, s1: number, t0: number, t1: number): number {
    this.evidence(s0, s1, t0, t1);
    let c = -logTwoSidedTail(this.lenZ) + this.structure;
    // More anchors make the evidence stronger: one shared year says less than five shared figures.
    if (this.dice >= 0) c += this.model.anchorWeight * (this.model.anchorPivot - this.dice) * Math.min(1, this.anchors / 4);
    return c;
  }

  score(s0: number, s1: number, t0: number, t1: number): number {
    this.evidence(s0, s1, t0, t1);
    const len = Math.sqrt(Math.exp(logTwoSidedTail(this.lenZ)));
    if (s1 === s0 || t1 === t0) return round(0.3 * len);
    const base = this.dice < 0 ? 0.85 * len : 0.5 * len + 0.5 * this.dice;
    const shape = s1 - s0 === 1 && t1 - t0 === 1 ? 1 : s1 - s0 === 2 && t1 - t0 === 2 ? 0.6 : 0.8;
    return round(Math.max(0, Math.min(1, base * shape - 0.1 * Math.max(0, this.structure))));
  }
}

const UNKNOWN = 0xffff;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * log(2·P(Z > z)) for z >= 0: the log two-sided tail of the standard normal
 * (Abramowitz & Stegun 26.2.17, relative error small enough for a cost),
 * taken in log space so far tails neither underflow nor cost an exp().
 */
export function logTwoSidedTail(z: number): number {
  if (z === 0) return 0;
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.log(2 * 0.3989422804014327 * poly) - (z * z) / 2;
}
