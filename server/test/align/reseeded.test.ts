import { describe, expect, it } from 'vitest';
import { tuningTexts } from './accuracy.js';
import { FOURTH_DRAW_SEEDS, RESEEDED_SEEDS, SECOND_DRAW_SEEDS, THIRD_DRAW_SEEDS, compareWithGaleChurch, report, worse } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { exposedSet } from './exposed.js';
import { freshHeldOut } from './fresh.js';

const label = (r: ComparisonRow): string =>
  `${r.name} (${r.variant}): ${r.ours.recall}/${r.ours.precision} vs ${r.galeChurch.recall}/${r.galeChurch.precision}`;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * One held-out draw: every text of the tuning, exposed and fresh sets with
 * the seeded edits of `seeds`, against plain Gale–Church; prints the figures
 * and asserts every text present under each seed, no pair worse than
 * Gale–Church but those its single evaluation `found` (listed, not excused:
 * no other may join them), and recall above Gale–Church's overall.
 * `unguarded` also measures the aligner without its guard, for the report.
 */
function heldOutDraw(set: string, seeds: readonly number[], found: readonly string[], unguarded: boolean): void {
  const texts = [...tuningTexts(), ...exposedSet(), ...freshHeldOut()];
  const rows = seeds.flatMap((seed) =>
    compareWithGaleChurch(texts, seed, { only: 'seeded edits', unguarded }).map((r) => ({ ...r, name: `${r.name} seed ${seed}` })),
  );
  const overall = (f: (r: ComparisonRow) => number): string => mean(rows.map(f)).toFixed(3);
  const alone = unguarded ? `, unguarded ${overall((r) => r.unguarded?.recall ?? 0)}` : '';
  const aloneWorse = unguarded ? ` (unguarded ${rows.filter((r) => worse({ ...r, ours: r.unguarded! })).length})` : '';
  console.log(
    [
      `set | group | variant | texts | Anor R / P |${unguarded ? ' unguarded R / P |' : ''} Gale–Church R / P | worse`,
      ...report(set, rows),
      `mean recall over ${rows.length} rows: Anor ${overall((r) => r.ours.recall)}${alone}, Gale–Church ${overall((r) => r.galeChurch.recall)}; worse ${rows.filter(worse).length}${aloneWorse}`,
    ].join('\n'),
  );

  it('holds every text of the three sets under each seed', () => {
    expect(rows).toHaveLength(texts.length * seeds.length);
  });

  it(`is worse than Gale–Church on no pair but the ${found.length} its single evaluation found`, () => {
    expect(rows.filter((r) => worse(r) && !found.includes(`${r.name} (${r.variant})`)).map(label)).toEqual([]);
  });

  it('is better than Gale–Church on damaged text overall', () => {
    expect(mean(rows.map((r) => r.ours.recall))).toBeGreaterThan(mean(rows.map((r) => r.galeChurch.recall)));
  });
}

/**
 * The reseeded set (docs/align.md): seeds 3, 4 and 5, which no run had used
 * before the anchor rule of safe.ts was fixed on seeds 1 and 2. Its limit:
 * the texts themselves were all seen (the tuning set chose the model, the
 * seed-2 set the rule); only the damage is new. Only seeded edits are
 * measured: the clean and fixed-position variants do not depend on the seed,
 * so they are not held out. Its one evaluation found three pairs worse (of
 * 438; 47 without the guard). The lexical evidence of lexicon.ts was then
 * chosen looking at seeds 1–8, so this draw is exposed now; with it, no pair
 * here is worse than Gale–Church.
 */
describe('alignment against plain Gale–Church, reseeded set (seeds 3–5, exposed)', () => {
  heldOutDraw('reseeded', RESEEDED_SEEDS, [], true);
});

/**
 * A second draw of the same kind (seeds 6, 7 and 8, fixed in compare.ts and
 * committed before their first run). Its one evaluation, with the anchor rule
 * alone, found four rows worse than Gale–Church; exposed since the lexical
 * evidence was chosen on seeds 1–8. With it, three remained: two ten-paragraph
 * QA texts too short to learn words from, and a list of country names whose
 * words do not repeat (docs/align.md). The rule for stretches the words
 * cannot judge (safe.ts: anchors need a second witness) was chosen on seeds
 * 1–11; with it no row here is worse.
 */
describe('alignment against plain Gale–Church, second draw (seeds 6–8, exposed)', () => {
  heldOutDraw('second draw', SECOND_DRAW_SEEDS, [], false);
});

/**
 * The third held-out draw (seeds 9, 10 and 11, fixed in compare.ts and
 * committed before any run used them, and before the lexical evidence was
 * tried). The rule with lexical evidence was chosen on seeds 1–8 and
 * committed before this draw was first run. Its single evaluation: two rows
 * of 438 worse than Gale–Church (46 without the guard), a ten-paragraph QA
 * text and a list of country names, the kinds the lexicon cannot learn from
 * (docs/align.md). The rule for stretches the words cannot judge, which
 * removed them, was chosen after seeing this draw (on seeds 1–11), so it is
 * exposed now: with that rule no row here is worse.
 */
describe('alignment against plain Gale–Church, third draw (seeds 9–11, exposed)', () => {
  heldOutDraw('third draw', THIRD_DRAW_SEEDS, [], true);
});

/**
 * The fourth held-out draw (seeds 12, 13 and 14, fixed in compare.ts and
 * committed in 04c1436 before any run used them, and before the rule for
 * stretches the words cannot judge was tried). That rule was chosen on seeds
 * 1–11 and committed (c7ddb3b) before this draw was first run. Its single
 * evaluation: one row of 438 worse than Gale–Church (50 without the guard),
 * a ten-paragraph QA text (docs/align.md). A change that removed it would be
 * chosen after seeing this draw.
 */
describe('alignment against plain Gale–Church, fourth held-out draw (seeds 12–14)', () => {
  heldOutDraw('fourth draw', FOURTH_DRAW_SEEDS, ['qa summit en→zh seed 12 (seeded edits)'], true);
});
