/**
 * Plain Gale & Church (1993): the length-based dynamic programme with the
 * paper's own constants — priors 1–1 0.89, 1–0/0–1 0.0099 each, 2–1/1–2 0.089
 * each, 2–2 0.011; variance 6.8 per character; the ratio c from the totals —
 * and nothing else: no anchors, no structure, no re-estimation. The baseline
 * the aligner must never do worse than (docs/align.md). Lengths are counted as
 * the aligner counts them (characters without whitespace).
 */
export interface PlainLink {
  source: number[];
  target: number[];
}

const MOVES = [
  { ds: 1, dt: 1, p: 0.89 },
  { ds: 1, dt: 0, p: 0.0099 },
  { ds: 0, dt: 1, p: 0.0099 },
  { ds: 2, dt: 1, p: 0.089 },
  { ds: 1, dt: 2, p: 0.089 },
  { ds: 2, dt: 2, p: 0.011 },
] as const;

function normalTail(z: number): number {
  // 2·P(Z > |z|), Abramowitz & Stegun 26.2.17.
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 2 * 0.3989422804014327 * Math.exp((-z * z) / 2) * poly;
}

export function galeChurch(source: readonly string[], target: readonly string[]): PlainLink[] {
  const len = (s: string): number => s.replace(/\s+/gu, '').length;
  const ls = source.map(len);
  const lt = target.map(len);
  const totalS = ls.reduce((a, b) => a + b, 0);
  const totalT = lt.reduce((a, b) => a + b, 0);
  const c = totalS > 0 && totalT > 0 ? totalT / totalS : 1;
  const n = source.length;
  const m = target.length;
  const cost = (a: number, b: number): number => {
    if (a === 0 && b === 0) return 0;
    const mean = (a + b / c) / 2;
    const z = Math.abs((c * a - b) / Math.sqrt(Math.max(1, mean) * c * 6.8));
    return -Math.log(Math.max(1e-300, normalTail(z)));
  };
  const W = m + 1;
  const best = new Float64Array((n + 1) * W).fill(Number.POSITIVE_INFINITY);
  const move = new Uint8Array((n + 1) * W);
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      for (let k = 0; k < MOVES.length; k++) {
        const mv = MOVES[k]!;
        if (mv.ds > i || mv.dt > j) continue;
        const prev = best[(i - mv.ds) * W + (j - mv.dt)]!;
        if (prev === Number.POSITIVE_INFINITY) continue;
        let a = 0;
        let b = 0;
        for (let x = i - mv.ds; x < i; x++) a += ls[x]!;
        for (let y = j - mv.dt; y < j; y++) b += lt[y]!;
        const v = prev - Math.log(mv.p) + cost(a, b);
        if (v < best[i * W + j]!) {
          best[i * W + j] = v;
          move[i * W + j] = k;
        }
      }
    }
  }
  const links: PlainLink[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const mv = MOVES[move[i * W + j]!]!;
    links.push({ source: range(i - mv.ds, i), target: range(j - mv.dt, j) });
    i -= mv.ds;
    j -= mv.dt;
  }
  return links.reverse();
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}
