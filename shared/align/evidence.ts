import { anchorCount, sharedAnchors } from './features.js';
import type { ParagraphFeatures } from './features.js';
import type { AlignLink, AlignModel } from './align.js';
import type { LinkCost } from './search.js';

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
export class Evidence implements LinkCost {
  private readonly lenS: Float64Array;
  private readonly lenT: Float64Array;
  /** Copied characters (features.ts), which are measured out of both sides before the ratio applies. */
  private readonly cpS: Float64Array;
  private readonly cpT: Float64Array;
  private readonly ancS: Float64Array;
  private readonly ancT: Float64Array;
  private readonly strS: Float64Array;
  private readonly strT: Float64Array;
  /** Anchors that could be matched at all: those whose value occurs somewhere in the other document. */
  private readonly okS: Float64Array;
  private readonly okT: Float64Array;
  /** Firm anchors per paragraph (firmIn). */
  private readonly numS: Float64Array;
  private readonly numT: Float64Array;
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
    this.cpS = prefix(fs.map((f) => f.copied));
    this.cpT = prefix(ft.map((f) => f.copied));
    this.ancS = prefix(fs.map(anchorCount));
    this.ancT = prefix(ft.map(anchorCount));
    this.strS = prefix(fs.map((f) => (f.heading || f.list !== null ? 1 : 0)));
    this.strT = prefix(ft.map((f) => (f.heading || f.list !== null ? 1 : 0)));
    this.okS = prefix(matchable(fs, ft));
    this.okT = prefix(matchable(ft, fs));
    this.numS = prefix(fs.map((f) => firm(f).nums.length + firm(f).names.length));
    this.numT = prefix(ft.map((f) => firm(f).nums.length + firm(f).names.length));
    const copied = Math.max(this.cpS[fs.length]!, this.cpT[ft.length]!);
    const totalS = this.lenS[fs.length]! - copied;
    const totalT = this.lenT[ft.length]! - copied;
    this.ratio = totalS > 0 && totalT > 0 ? totalT / totalS : 1;
    this.dense = denseShared ? new Uint16Array(fs.length * ft.length).fill(UNKNOWN) : null;
    this.sparse = new Map();
  }

  /**
   * How many standard deviations of the length cost one typical paragraph of
   * source [s0, s1) and target [t0, t1) is worth: the median paragraph length
   * `len` (both sides in the finer unit, target lengths divided by the ratio,
   * as the length cost measures them) over the cost's deviation for it,
   * √(s2 · len). Leaving such a paragraph out, or merging it, moves the length
   * difference by that much, so below about two the lengths barely tell a
   * drop from a merge or a shift; above it they do (safe.ts).
   */
  lengthSds(s0: number, s1: number, t0: number, t1: number): number {
    const finer = Math.max(1, this.ratio);
    const xs: number[] = [];
    for (let i = s0; i < s1; i++) xs.push((this.lenS[i + 1]! - this.lenS[i]!) * finer);
    for (let j = t0; j < t1; j++) xs.push(((this.lenT[j + 1]! - this.lenT[j]!) * finer) / this.ratio);
    xs.sort((a, b) => a - b);
    return Math.sqrt((xs[Math.floor(xs.length / 2)] ?? 0) / this.model.s2);
  }

  /** Target/source length ratio over the given links, or null when they hold too little text. */
  ratioOf(links: AlignLink[]): number | null {
    let ls = 0;
    let lt = 0;
    for (const l of links) {
      const [s0, s1, t0, t1] = [l.source[0]!, l.source.at(-1)! + 1, l.target[0]!, l.target.at(-1)! + 1];
      ls += this.translated(this.lenS, s0, s1, t0, t1);
      lt += this.translated(this.lenT, t0, t1, s0, s1);
    }
    return ls > 0 && lt > 0 ? lt / ls : null;
  }

  /**
   * Characters of [a0, a1) on one side (`len` is that side's prefix sums) that
   * were translated rather than copied. Copied text (a URL in Chinese text, say)
   * is on both sides of the link, foreign to one side's script or to both
   * (Latin in Russian and in Chinese), so the larger of the two sides' counts is
   * taken out of each.
   */
  private translated(len: Float64Array, a0: number, a1: number, b0: number, b1: number): number {
    const mine = len === this.lenS;
    const copied = Math.max(
      mine ? this.cpS[a1]! - this.cpS[a0]! : this.cpT[a1]! - this.cpT[a0]!,
      mine ? this.cpT[b1]! - this.cpT[b0]! : this.cpS[b1]! - this.cpS[b0]!,
    );
    return Math.max(0, len[a1]! - len[a0]! - copied);
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

  /**
   * Anchors the source paragraphs [s0, s1) and the target paragraphs [t0, t1)
   * have in common, each anchor counted once (a merge cannot count a figure
   * twice): what safe.ts compares two paths by.
   */
  linkedAnchors(s0: number, s1: number, t0: number, t1: number): number {
    if (s1 === s0 || t1 === t0) return 0;
    if (s1 - s0 === 1 && t1 - t0 === 1) return this.shared(s0, t0);
    return sharedAnchors(joined(this.fs.slice(s0, s1)), joined(this.ft.slice(t0, t1)));
  }

  /**
   * Firm anchors of the source paragraphs [s0, s1) and the target paragraphs
   * [t0, t1), and how many of them the two sides share. Firm: numbers, written
   * the same in every script (read locale-aware), and name sound keys that
   * both documents contain (Astana/Астане); one that only one side of a link
   * has contradicts the link. Other names are not firm: the other script may
   * spell them its own way (Xi Jinping / 习近平), and Latin tokens include
   * options and code that a translation may leave out or reword.
   */
  firmIn(s0: number, s1: number, t0: number, t1: number): { all: number; shared: number } {
    const all = this.numS[s1]! - this.numS[s0]! + (this.numT[t1]! - this.numT[t0]!);
    if (all === 0 || s1 === s0 || t1 === t0) return { all, shared: 0 };
    const firmOf = (fs: readonly ParagraphFeatures[]): ParagraphFeatures => ({
      ...fs[0]!,
      nums: fs.flatMap((f) => f.nums),
      names: fs.flatMap((f) => firm(f).names),
    });
    return { all, shared: sharedAnchors(firmOf(this.fs.slice(s0, s1)), firmOf(this.ft.slice(t0, t1))) };
  }

  // Out-parameters of evidence(): the DP calls it millions of times, so it allocates nothing.
  private lenZ = 0;
  private dice = -1;
  private structure = 0;
  private anchors = 0;

  /** Fills lenZ (|standardised length difference|), dice (-1: no anchors), structure penalty and anchor count. */
  private evidence(s0: number, s1: number, t0: number, t1: number): void {
    // Both lengths in the finer of the two units (a Chinese character is worth about three
    // English letters): the variance per unit then means the same in either direction, so
    // zh→en weighs length as en→zh does. Measured in the coarser unit it was ~9× too loose.
    const finer = Math.max(1, this.ratio);
    const ls = this.translated(this.lenS, s0, s1, t0, t1) * finer;
    const lt = (this.translated(this.lenT, t0, t1, s0, s1) * finer) / this.ratio;
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

  /**
   * A link's quality for the person checking the preview, in 0..1 (the margin
   * is applied by the caller). Length: full marks within one standard
   * deviation — a faithful translation is often that far off — then falling
   * as a normal density. Anchors: agreement over the anchors that could have
   * matched at all (a value that occurs somewhere in the other document), so
   * that names the other script spells its own way (Xi Jinping / Си Цзиньпин)
   * do not count as disagreement. The cost keeps every anchor (docs/align.md).
   */
  score(s0: number, s1: number, t0: number, t1: number): number {
    this.evidence(s0, s1, t0, t1);
    const len = Math.exp(-(Math.max(0, this.lenZ - 1) ** 2) / 2);
    if (s1 === s0 || t1 === t0) return round(0.3 * len);
    const possible = this.okS[s1]! - this.okS[s0]! + (this.okT[t1]! - this.okT[t0]!);
    let dice = -1;
    if (possible > 0) {
      let shared = 0;
      for (let a = s0; a < s1; a++) for (let b = t0; b < t1; b++) shared += this.shared(a, b);
      dice = Math.min(1, (2 * shared) / possible);
    }
    const base = dice < 0 ? 0.85 * len : 0.5 * len + 0.5 * dice;
    const shape = s1 - s0 === 1 && t1 - t0 === 1 ? 1 : s1 - s0 === 2 && t1 - t0 === 2 ? 0.6 : 0.8;
    return round(Math.max(0, Math.min(1, base * shape - 0.1 * Math.max(0, this.structure))));
  }
}

const UNKNOWN = 0xffff;

/** A paragraph's firm anchors: its numbers, and the sound keys among its names (both documents have them, align.ts). */
function firm(f: ParagraphFeatures): { nums: string[]; names: number[] } {
  return { nums: f.nums, names: f.names.filter((n) => f.sounds.includes(n)) };
}

function joined(fs: readonly ParagraphFeatures[]): ParagraphFeatures {
  return { ...fs[0]!, nums: fs.flatMap((f) => f.nums), names: fs.flatMap((f) => f.names) };
}

/** Per paragraph of `mine`, how many of its anchors occur anywhere in `other` (the document on the other side). */
function matchable(mine: readonly ParagraphFeatures[], other: readonly ParagraphFeatures[]): number[] {
  const nums = new Set(other.flatMap((f) => f.nums));
  const names = new Set(other.flatMap((f) => f.names));
  return mine.map((f) => f.nums.filter((n) => nums.has(n)).length + f.names.filter((n) => names.has(n)).length);
}

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
