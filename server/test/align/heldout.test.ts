import { describe, expect, it } from 'vitest';
import { HELD_OUT_SEED, compareWithGaleChurch, report, worse } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { freshHeldOut } from './fresh.js';

const label = (r: ComparisonRow): string =>
  `${r.name} (${r.variant}): ${r.ours.recall}/${r.ours.precision} vs ${r.galeChurch.recall}/${r.galeChurch.precision}`;

/**
 * The fresh set (fresh.ts) with damage seed 2. It was held out for the rule of
 * safe.ts as first written, and its one evaluation found four damaged pairs
 * worse than Gale–Church; the rule was then changed looking at it, so it is
 * exposed now, like the tuning set, and no longer measures generalisation.
 * The held-out set is reseeded.test.ts (docs/align.md). The figures are
 * printed; `ALIGN_REPORT=1` adds every row.
 */
describe('alignment against plain Gale–Church, fresh set with seed 2 (exposed)', () => {
  const rows = compareWithGaleChurch(freshHeldOut(), HELD_OUT_SEED);
  console.log(['set | group | variant | texts | Anor R / P | Gale–Church R / P | worse', ...report('fresh (exposed)', rows)].join('\n'));

  it('holds every ordered pair of the five languages', () => {
    const pairs = new Set(rows.map((r) => /(\w+)→(\w+)$/u.exec(r.name)?.slice(1).join('→')));
    const langs = ['en', 'zh', 'ru', 'kk', 'uz'];
    for (const a of langs) for (const b of langs) if (a !== b) expect(pairs).toContain(`${a}→${b}`);
  });

  it('is never worse than Gale–Church on any pair, clean or damaged', () => {
    expect(rows.filter(worse).map(label)).toEqual([]);
  });

  it('is better than Gale–Church on damaged text overall', () => {
    const damaged = rows.filter((r) => r.variant !== 'as found');
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    expect(mean(damaged.map((r) => r.ours.recall))).toBeGreaterThan(mean(damaged.map((r) => r.galeChurch.recall)));
  });

  it('aligns every clean pair exactly', () => {
    const clean = rows.filter((r) => r.variant === 'as found');
    expect(clean.filter((r) => r.ours.recall < 1 || r.ours.precision < 1).map(label)).toEqual([]);
  });
});
