import type { ParagraphFeatures } from './features.js';
import type { LinkCost } from './search.js';

/**
 * Plain Gale & Church (1993) as a LinkCost for the same dynamic programme:
 * the paper's priors (1–1 0.89, 1–0/0–1 0.0099, 2–1/1–2 0.089, 2–2 0.011, in
 * MOVES order), its variance 6.8 per character, the ratio c from the totals,
 * lengths as features.ts counts them (characters without whitespace), and
 * nothing else. The aligner keeps this alignment wherever its own richer
 * evidence does not clearly beat it (safe.ts), so that it is never worse than
 * length alone on a pair where the richer evidence misleads.
 */
export class GaleChurchCost implements LinkCost {
  readonly priorCost = [0.89, 0.0099, 0.0099, 0.089, 0.089, 0.011].map((p) => -Math.log(p));
  private readonly lenS: Float64Array;
  private readonly lenT: Float64Array;
  private readonly c: number;

  constructor(fs: readonly ParagraphFeatures[], ft: readonly ParagraphFeatures[]) {
    this.lenS = prefix(fs.map((f) => f.len));
    this.lenT = prefix(ft.map((f) => f.len));
    const totalS = this.lenS[fs.length]!;
    const totalT = this.lenT[ft.length]!;
    this.c = totalS > 0 && totalT > 0 ? totalT / totalS : 1;
  }

  /** −log P(length difference) of the paper; a left-out paragraph is charged as a failed match, as in the paper. */
  cost(s0: number, s1: number, t0: number, t1: number): number {
    const a = this.lenS[s1]! - this.lenS[s0]!;
    const b = this.lenT[t1]! - this.lenT[t0]!;
    if (a === 0 && b === 0) return 0;
    const mean = (a + b / this.c) / 2;
    const z = Math.abs((this.c * a - b) / Math.sqrt(Math.max(1, mean) * this.c * 6.8));
    return -Math.log(Math.max(1e-300, normalTail(z)));
  }

  score(): number {
    return 0;
  }
}

/** 2·P(Z > z), Abramowitz & Stegun 26.2.17. */
function normalTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 2 * 0.3989422804014327 * Math.exp((-z * z) / 2) * poly;
}

function prefix(values: number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  values.forEach((v, k) => (out[k + 1] = out[k]! + v));
  return out;
}
