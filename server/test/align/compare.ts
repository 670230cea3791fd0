import { alignParagraphs } from '../../../shared/align/index.js';
import type { AlignModel } from '../../../shared/align/index.js';
import { perturb, score } from './accuracy.js';
import { damage } from './damage.js';
import { galeChurch } from './galeChurch.js';
import type { PairText } from './exposed.js';

export type Variant = 'as found' | 'dropped+merged' | 'seeded edits';

/** One text, one variant: the aligner's and plain Gale–Church's recall and precision against the gold links. */
export interface ComparisonRow {
  name: string;
  variant: Variant;
  paragraphs: number;
  ours: { recall: number; precision: number };
  galeChurch: { recall: number; precision: number };
  /** The aligner without its guard (`guard: false`), when asked for. */
  unguarded?: { recall: number; precision: number };
}

type Link = { source: number[]; target: number[] };

/**
 * Each text as found, with the fixed-position edits of accuracy.ts, and with
 * the random edits of damage.ts drawn from `seed` (the tuning and the
 * held-out sets use different seeds).
 */
export function compareWithGaleChurch(
  texts: readonly PairText[],
  seed: number,
  opts: { model?: Partial<AlignModel>; only?: Variant; unguarded?: boolean } = {},
): ComparisonRow[] {
  const { model, only } = opts;
  const rows: ComparisonRow[] = [];
  for (const t of texts) {
    const langs = { sourceLang: t.sourceLang, targetLang: t.targetLang };
    const identity = t.source.map((_, i) => ({ source: [i], target: [i] }));
    const p = perturb(t);
    const d = damage(t, seed);
    const variants: [Variant, readonly string[], readonly string[], Link[]][] = [
      ['as found', t.source, t.target, identity],
      ['dropped+merged', t.source, p.target, p.gold],
      ['seeded edits', d.source, d.target, d.gold],
    ];
    for (const [variant, source, target, gold] of variants) {
      if (only && variant !== only) continue;
      const ours = score(alignParagraphs(source, target, { ...langs, ...(model ? { model } : {}) }), gold);
      const gc = score(
        galeChurch(source, target).map((l) => ({ ...l, score: 1 })),
        gold,
      );
      const u = opts.unguarded ? score(alignParagraphs(source, target, { ...langs, model: { ...model, guard: false } }), gold) : null;
      rows.push({
        ...(u ? { unguarded: { recall: u.recall, precision: u.precision } } : {}),
        name: t.name,
        variant,
        paragraphs: t.source.length,
        ours: { recall: ours.recall, precision: ours.precision },
        galeChurch: { recall: gc.recall, precision: gc.precision },
      });
    }
  }
  return rows;
}

/** The seeds of damage.ts: one for the tuning set, another fixed before the held-out set was first aligned. */
export const TUNING_SEED = 1;
export const HELD_OUT_SEED = 2;
/**
 * The reseeded held-out set (reseeded.test.ts): seeds never run before the
 * rule of safe.ts was fixed (after seed 2 was exposed), over every text of
 * the three sets. Only the damage is new: the texts were all seen.
 */
export const RESEEDED_SEEDS = [3, 4, 5] as const;
/**
 * A second held-out draw (reseeded.test.ts), fixed and committed before its
 * first run, after the reseeded set's evaluation: seeds 6, 7 and 8, which no
 * run had used. The rule of safe.ts was not changed after seeds 3–5 were
 * evaluated, so this draw is as held out for it as they were.
 */
export const SECOND_DRAW_SEEDS = [6, 7, 8] as const;
/**
 * A third held-out draw (reseeded.test.ts), fixed and committed before its
 * first run and before the lexical evidence of lexicon.ts was tried: seeds 9,
 * 10 and 11, which no run had used. Rules are chosen on seeds 1–8 (all
 * exposed); this draw is run once, after the rule is fixed.
 */
export const THIRD_DRAW_SEEDS = [9, 10, 11] as const;
/**
 * A fourth held-out draw (reseeded.test.ts), fixed and committed before its
 * first run and before any rule for the stretches the lexicon cannot judge
 * was tried: seeds 12, 13 and 14, which no run had used. Rules are chosen on
 * seeds 1–11 (all exposed); this draw is run once, after the rule is fixed.
 */
export const FOURTH_DRAW_SEEDS = [12, 13, 14] as const;

/** Lower recall, or equal recall and lower precision, than Gale–Church. */
export const worse = (r: ComparisonRow): boolean =>
  r.ours.recall < r.galeChurch.recall || (r.ours.recall === r.galeChurch.recall && r.ours.precision < r.galeChurch.precision);

function group(name: string): string {
  name = name.replace(/ seed \d+$/u, '');
  if (name.startsWith('man ')) return 'man pages';
  if (name.includes('.mo ')) return 'catalogs';
  return name.replace(/ \w+→\w+$/u, '');
}

/** Means per group and variant, the table docs/align.md quotes (with every row when ALIGN_REPORT is set). */
export function report(set: string, rows: readonly ComparisonRow[]): string[] {
  const mean = (xs: number[]): string => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(3);
  const groups = new Map<string, ComparisonRow[]>();
  for (const r of rows) {
    const k = `${group(r.name)} | ${r.variant}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const lines = [...groups].map(([k, rs]) =>
    [
      set,
      k,
      rs.length,
      `${mean(rs.map((r) => r.ours.recall))} / ${mean(rs.map((r) => r.ours.precision))}`,
      ...(rs.every((r) => r.unguarded)
        ? [`${mean(rs.map((r) => r.unguarded!.recall))} / ${mean(rs.map((r) => r.unguarded!.precision))}`]
        : []),
      `${mean(rs.map((r) => r.galeChurch.recall))} / ${mean(rs.map((r) => r.galeChurch.precision))}`,
      rs.filter(worse).length,
    ].join(' | '),
  );
  if (process.env.ALIGN_REPORT) {
    for (const r of rows) {
      const cells = [set, r.name, r.variant, r.paragraphs, r.ours.recall, r.ours.precision, r.galeChurch.recall, r.galeChurch.precision];
      lines.push(cells.map((c) => (typeof c === 'number' && c <= 1 ? c.toFixed(3) : String(c))).join('\t'));
    }
  }
  return lines;
}
