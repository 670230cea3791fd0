import { describe, expect, it } from 'vitest';
import { HELD_OUT_SEED, compareWithGaleChurch, report, worse } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { freshHeldOut } from './fresh.js';

const label = (r: ComparisonRow): string =>
  `${r.name} (${r.variant}): ${r.ours.recall}/${r.ours.precision} vs ${r.galeChurch.recall}/${r.galeChurch.precision}`;

/**
 * The fresh held-out set (fresh.ts), with its own damage seed: no constant
 * of the aligner was chosen on it, and it was first aligned after the rule of
 * safe.ts was fixed on the tuning set (docs/align.md). The figures are
 * printed; `ALIGN_REPORT=1` adds every row.
 */
describe('alignment against plain Gale–Church, fresh held-out set', () => {
  const rows = compareWithGaleChurch(freshHeldOut(), HELD_OUT_SEED);
  console.log(['set | group | variant | texts | Anor R / P | Gale–Church R / P | worse', ...report('held-out', rows)].join('\n'));

  it('holds every ordered pair of the five languages', () => {
    const pairs = new Set(rows.map((r) => /(\w+)→(\w+)$/u.exec(r.name)?.slice(1).join('→')));
    const langs = ['en', 'zh', 'ru', 'kk', 'uz'];
    for (const a of langs) for (const b of langs) if (a !== b) expect(pairs).toContain(`${a}→${b}`);
  });

  /**
   * Not met in full: the one evaluation of this set, after the guard was fixed
   * on the tuning set, found these four damaged pairs worse than Gale–Church
   * (of 171 rows; 11 without the guard). They are listed as found, not
   * excused (causes in docs/align.md): no other pair may join them. A later
   * change that removes them must say that it was made after this set was seen.
   */
  it('is worse than Gale–Church on no pair but the four damaged ones its single evaluation found', () => {
    const found = [
      'ui strings en→uz (seeded edits)',
      'at-spi2-core.mo en→kk (seeded edits)',
      'iso_3166-1.mo en→kk (seeded edits)',
      'iso_3166-1.mo uz→ru (seeded edits)',
    ];
    expect(rows.filter((r) => worse(r) && !found.includes(`${r.name} (${r.variant})`)).map(label)).toEqual([]);
  });

  it('is better than Gale–Church on damaged text overall', () => {
    const damaged = rows.filter((r) => r.variant !== 'as found');
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    expect(mean(damaged.map((r) => r.ours.recall))).toBeGreaterThan(mean(damaged.map((r) => r.galeChurch.recall)));
  });

  it('scores at least as well as Gale–Church on every clean one-to-one pair', () => {
    const clean = rows.filter((r) => r.variant === 'as found');
    expect(clean.filter((r) => r.ours.recall < r.galeChurch.recall || r.ours.precision < r.galeChurch.precision).map(label)).toEqual([]);
  });
});
