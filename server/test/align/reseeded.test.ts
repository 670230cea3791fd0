import { describe, expect, it } from 'vitest';
import { tuningTexts } from './accuracy.js';
import { RESEEDED_SEEDS, SECOND_DRAW_SEEDS, compareWithGaleChurch, report, worse } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { exposedSet } from './exposed.js';
import { freshHeldOut } from './fresh.js';

const label = (r: ComparisonRow): string =>
  `${r.name} (${r.variant}): ${r.ours.recall}/${r.ours.precision} vs ${r.galeChurch.recall}/${r.galeChurch.precision}`;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * The reseeded held-out set (docs/align.md): every text of the tuning,
 * exposed and fresh sets, with random edits drawn from seeds 3, 4 and 5,
 * which no run had used before the rule of safe.ts was fixed on seeds 1 and
 * 2. Its limit: the texts themselves were all seen (the tuning set chose the
 * model, the seed-2 set the rule); only the damage is new. Only seeded edits
 * are measured: the clean and fixed-position variants do not depend on the
 * seed, so they are not held out. Evaluated once, after the rule was fixed.
 */
describe('alignment against plain Gale–Church, reseeded held-out set', () => {
  const texts = [...tuningTexts(), ...exposedSet(), ...freshHeldOut()];
  const rows = RESEEDED_SEEDS.flatMap((seed) =>
    compareWithGaleChurch(texts, seed, { only: 'seeded edits', unguarded: true }).map((r) => ({ ...r, name: `${r.name} seed ${seed}` })),
  );
  const overall = (f: (r: ComparisonRow) => number): string => mean(rows.map(f)).toFixed(3);
  console.log(
    [
      'set | group | variant | texts | Anor R / P | unguarded R / P | Gale–Church R / P | worse',
      ...report('reseeded', rows),
      `mean recall over ${rows.length} rows: Anor ${overall((r) => r.ours.recall)}, unguarded ${overall((r) => r.unguarded?.recall ?? 0)}, Gale–Church ${overall((r) => r.galeChurch.recall)}; worse ${rows.filter(worse).length} (unguarded ${rows.filter((r) => worse({ ...r, ours: r.unguarded! })).length})`,
    ].join('\n'),
  );

  it('holds every text of the three sets under each new seed', () => {
    expect(rows).toHaveLength(texts.length * RESEEDED_SEEDS.length);
  });

  /**
   * Not met in full: the one evaluation of this set, after the rule was fixed,
   * found these three pairs worse than Gale–Church (of 438 rows; 47 without the
   * guard): two by precision alone at equal recall (0.001 and 0.003), one by
   * recall (0.568 against 0.624). They are listed as found, not excused
   * (docs/align.md): no other pair may join them, and a change that removes
   * them would be chosen after seeing this set.
   */
  it('is worse than Gale–Church on no pair but the three its single evaluation found', () => {
    const found = [
      'gtk20.mo zh→kk seed 3 (seeded edits)',
      'ui strings ru→en seed 3 (seeded edits)',
      'gsettings-desktop-schemas.mo en→kk seed 5 (seeded edits)',
    ];
    expect(rows.filter((r) => worse(r) && !found.includes(`${r.name} (${r.variant})`)).map(label)).toEqual([]);
  });

  it('is better than Gale–Church on damaged text overall', () => {
    expect(mean(rows.map((r) => r.ours.recall))).toBeGreaterThan(mean(rows.map((r) => r.galeChurch.recall)));
  });
});

/**
 * A second draw of the same kind (seeds 6, 7 and 8, fixed in compare.ts and
 * committed before their first run; the rule was not changed after seeds 3–5
 * were evaluated). Evaluated once: four of its rows were worse than
 * Gale–Church, all short texts (docs/align.md). Listed as found, not excused.
 */
describe('alignment against plain Gale–Church, second held-out draw', () => {
  const texts = [...tuningTexts(), ...exposedSet(), ...freshHeldOut()];
  const rows = SECOND_DRAW_SEEDS.flatMap((seed) =>
    compareWithGaleChurch(texts, seed, { only: 'seeded edits' }).map((r) => ({ ...r, name: `${r.name} seed ${seed}` })),
  );
  const overall = (f: (r: ComparisonRow) => number): string => mean(rows.map(f)).toFixed(3);
  console.log(
    [
      'set | group | variant | texts | Anor R / P | Gale–Church R / P | worse',
      ...report('second draw', rows),
      `mean recall over ${rows.length} rows: Anor ${overall((r) => r.ours.recall)}, Gale–Church ${overall((r) => r.galeChurch.recall)}; worse ${rows.filter(worse).length}`,
    ].join('\n'),
  );

  it('holds every text of the three sets under each seed', () => {
    expect(rows).toHaveLength(texts.length * SECOND_DRAW_SEEDS.length);
  });

  it('is worse than Gale–Church on no pair but the four its single evaluation found', () => {
    const found = [
      'qa summit zh→uz seed 6 (seeded edits)',
      'iso_3166-1.mo uz→ru seed 6 (seeded edits)',
      'qa summit zh→uz seed 7 (seeded edits)',
      'qa summit zh→kk seed 8 (seeded edits)',
    ];
    expect(rows.filter((r) => worse(r) && !found.includes(`${r.name} (${r.variant})`)).map(label)).toEqual([]);
  });

  it('is better than Gale–Church on damaged text overall', () => {
    expect(mean(rows.map((r) => r.ours.recall))).toBeGreaterThan(mean(rows.map((r) => r.galeChurch.recall)));
  });
});
