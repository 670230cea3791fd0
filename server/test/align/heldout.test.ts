import { describe, expect, it } from 'vitest';
import { tuningTexts } from './accuracy.js';
import { compareWithGaleChurch } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { heldOut } from './heldout.js';

const worse = (r: ComparisonRow): boolean =>
  r.ours.recall < r.galeChurch.recall || (r.ours.recall === r.galeChurch.recall && r.ours.precision < r.galeChurch.precision);
const label = (r: ComparisonRow): string => `${r.name} (${r.variant})`;

/**
 * The aligner against plain Gale–Church (galeChurch.ts), pair by pair, on the
 * texts its constants were chosen on (tuning) and on parallel text they were
 * not (heldout.ts). `ALIGN_REPORT=1` prints the table docs/align.md quotes.
 */
describe('alignment against plain Gale–Church, tuning and held-out sets', () => {
  const tuning = compareWithGaleChurch(tuningTexts());
  const rows = compareWithGaleChurch(heldOut());
  if (process.env.ALIGN_REPORT) {
    for (const [set, rs] of [
      ['tuning', tuning],
      ['held-out', rows],
    ] as const) {
      for (const r of rs) {
        const cells = [set, r.name, r.variant, r.paragraphs, r.ours.recall, r.ours.precision, r.galeChurch.recall, r.galeChurch.precision];
        console.log(cells.map((c) => (typeof c === 'number' && c <= 1 ? c.toFixed(3) : String(c))).join('\t'));
      }
    }
  }

  it('holds texts in every language pair, with and without English', () => {
    const pairs = new Set(rows.map((r) => /(\w+)→(\w+)$/u.exec(r.name)?.slice(1).join('→')));
    for (const p of ['en→zh', 'en→ru', 'en→kk', 'en→uz', 'zh→kk', 'kk→uz', 'ru→zh', 'uz→ru']) expect(pairs).toContain(p);
  });

  it('aligns every clean pair of both sets exactly', () => {
    const clean = [...tuning, ...rows].filter((r) => r.variant === 'as found');
    expect(clean.filter((r) => r.ours.recall < 1 || r.ours.precision < 1).map(label)).toEqual([]);
  });

  it('is never worse than Gale–Church on any pair of the tuning set, clean or damaged', () => {
    expect(tuning.filter(worse).map(label)).toEqual([]);
  });

  it('is never worse on any held-out pair but seven damaged ten-paragraph QA pairs (the known limit, docs/align.md)', () => {
    expect(rows.filter((r) => worse(r) && !r.name.startsWith('qa summit')).map(label)).toEqual([]);
    expect(rows.filter(worse).length).toBeLessThanOrEqual(7);
  });

  it('is clearly better than Gale–Church on damaged text overall', () => {
    const damaged = rows.filter((r) => r.variant === 'dropped+merged');
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(damaged.map((r) => r.ours.recall))).toBeGreaterThan(mean(damaged.map((r) => r.galeChurch.recall)) + 0.3);
  });
});
