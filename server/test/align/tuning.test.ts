import { describe, expect, it } from 'vitest';
import { tuningTexts } from './accuracy.js';
import { TUNING_SEED, compareWithGaleChurch, report, worse } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { exposedSet } from './exposed.js';

const label = (r: ComparisonRow): string => `${r.name} (${r.variant})`;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * The aligner against plain Gale–Church (galeChurch.ts), pair by pair, on the
 * tuning set: the texts the model's constants were chosen on (accuracy.ts)
 * and the former held-out set, exposed since it was looked at (exposed.ts).
 * The fresh held-out set is heldout.test.ts.
 */
describe('alignment against plain Gale–Church, tuning set', () => {
  const rows = compareWithGaleChurch([...tuningTexts(), ...exposedSet()], TUNING_SEED);
  console.log(['set | group | variant | texts | Anor R / P | Gale–Church R / P | worse', ...report('tuning', rows)].join('\n'));

  it('holds texts in every language pair, with and without English', () => {
    const pairs = new Set(rows.map((r) => /(\w+)→(\w+)$/u.exec(r.name)?.slice(1).join('→')));
    for (const p of ['en→zh', 'en→ru', 'en→kk', 'en→uz', 'zh→kk', 'kk→uz', 'ru→zh', 'uz→ru']) expect(pairs).toContain(p);
  });

  it('aligns every clean pair exactly', () => {
    const clean = rows.filter((r) => r.variant === 'as found');
    expect(clean.filter((r) => r.ours.recall < 1 || r.ours.precision < 1).map(label)).toEqual([]);
  });

  it('is never worse than Gale–Church on any pair, clean or damaged', () => {
    expect(rows.filter(worse).map(label)).toEqual([]);
  });

  it('is clearly better than Gale–Church on damaged text overall', () => {
    const damaged = rows.filter((r) => r.variant !== 'as found');
    expect(mean(damaged.map((r) => r.ours.recall))).toBeGreaterThan(mean(damaged.map((r) => r.galeChurch.recall)) + 0.1);
  });
});
