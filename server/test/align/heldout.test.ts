import { describe, expect, it } from 'vitest';
import { compareWithGaleChurch } from './compare.js';
import type { ComparisonRow } from './compare.js';
import { heldOut } from './heldout.js';

const worse = (r: ComparisonRow): boolean =>
  r.ours.recall < r.galeChurch.recall || (r.ours.recall === r.galeChurch.recall && r.ours.precision < r.galeChurch.precision);
const label = (r: ComparisonRow): string => `${r.name} (${r.variant})`;

/**
 * The aligner on parallel text its constants were not chosen on (heldout.ts),
 * against plain Gale–Church (galeChurch.ts). `ALIGN_REPORT=1` prints the table
 * docs/align.md quotes.
 */
describe('held-out alignment against plain Gale–Church', () => {
  const rows = compareWithGaleChurch(heldOut());
  if (process.env.ALIGN_REPORT) {
    for (const r of rows) {
      const cells = [r.name, r.variant, r.paragraphs, r.ours.recall, r.ours.precision, r.galeChurch.recall, r.galeChurch.precision];
      console.log(cells.map((c) => (typeof c === 'number' && c <= 1 ? c.toFixed(3) : String(c))).join('\t'));
    }
  }

  it('holds texts in every language pair, with and without English', () => {
    const pairs = new Set(rows.map((r) => /(\w+)→(\w+)$/u.exec(r.name)?.slice(1).join('→')));
    for (const p of ['en→zh', 'en→ru', 'en→kk', 'en→uz', 'zh→kk', 'kk→uz', 'ru→zh', 'uz→ru']) expect(pairs).toContain(p);
  });

  it('aligns every clean pair exactly, and never worse than Gale–Church', () => {
    const clean = rows.filter((r) => r.variant === 'as found');
    expect(clean.filter((r) => r.ours.recall < 1 || r.ours.precision < 1).map(label)).toEqual([]);
    expect(clean.filter(worse).map(label)).toEqual([]);
  });

  it('is never worse than Gale–Church on damaged real text (the demo, Debian catalogs and man pages), and clearly better overall', () => {
    const damaged = rows.filter((r) => r.variant === 'dropped+merged');
    const real = damaged.filter((r) => !r.name.startsWith('qa summit'));
    expect(real.filter(worse).map(label)).toEqual([]);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(damaged.map((r) => r.ours.recall))).toBeGreaterThan(mean(damaged.map((r) => r.galeChurch.recall)) + 0.2);
  });

  it('on the ten short QA paragraphs, damaged, is better in total though not pair by pair (a known limit, docs/align.md)', () => {
    const qa = rows.filter((r) => r.variant === 'dropped+merged' && r.name.startsWith('qa summit'));
    const total = (f: (r: ComparisonRow) => number): number => qa.reduce((a, r) => a + f(r), 0);
    expect(total((r) => r.ours.recall)).toBeGreaterThan(total((r) => r.galeChurch.recall));
  });
});
