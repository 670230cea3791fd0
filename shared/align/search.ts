import type { AlignLink } from './align.js';

/** The link shapes the programme considers: 1–1, 1–0, 0–1, 2–1, 1–2, 2–2 (priors are given in this order). */
export const MOVES: readonly { ds: number; dt: number }[] = [
  { ds: 1, dt: 1 },
  { ds: 1, dt: 0 },
  { ds: 0, dt: 1 },
  { ds: 2, dt: 1 },
  { ds: 1, dt: 2 },
  { ds: 2, dt: 2 },
];

/**
 * What the dynamic programme needs from a model: the cost in nats of linking
 * source paragraphs [s0, s1) with target paragraphs [t0, t1), the −log prior
 * of each move, and a link's quality in 0..1 for the score.
 */
export interface LinkCost {
  readonly priorCost: readonly number[];
  cost(s0: number, s1: number, t0: number, t1: number): number;
  score(s0: number, s1: number, t0: number, t1: number): number;
}

/**
 * Searches a band around the diagonal first and widens it while the best path
 * runs along its edge: real alignments stay near the diagonal, so this is exact
 * in practice and several times cheaper than the full table.
 */
export function banded(ctx: LinkCost, n: number, m: number, initialBand?: number): AlignLink[] {
  // Never narrower than the diagonal's slope, or consecutive rows would not connect.
  let band = Math.max(initialBand ?? Math.max(32, Math.ceil(0.05 * Math.max(n, m))), Math.ceil(m / Math.max(1, n)) + 2);
  for (;;) {
    const full = band >= Math.max(n, m);
    const r = search(ctx, n, m, full ? Number.POSITIVE_INFINITY : band);
    if (full || !r.nearEdge) return r.links;
    band *= 2;
  }
}

function search(ctx: LinkCost, n: number, m: number, band: number): { links: AlignLink[]; nearEdge: boolean } {
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
        // Prior before cost, as the reference Gale–Church of the comparisons adds them: on an exact
        // tie between two paths, the same rounding then picks the same one (safe.ts).
        const c = prev + ctx.priorCost[k]! + ctx.cost(i - mv.ds, i, j - mv.dt, j);
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
export const MARGIN_SCALE = 2;

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

export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) out.push(k);
  return out;
}
