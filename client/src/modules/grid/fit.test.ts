import { describe, expect, it } from 'vitest';
import { fitColumns, maxWidthOf, NUMBER_WIDTH } from './fit.js';
import type { FitInput } from './fit.js';

const base: FitInput = { available: 1400, source: 'en', targets: ['zh', 'ru', 'kk', 'uz'], preferred: [], widths: {} };

describe('fitColumns', () => {
  it('shows every target side by side when all fit at the minimum width', () => {
    const f = fitColumns({ ...base, available: NUMBER_WIDTH + 5 * 240 });
    expect(f).toMatchObject({ stacked: false, visible: ['zh', 'ru', 'kk', 'uz'], switcher: false });
    expect(f.template).toBe(`${NUMBER_WIDTH}px ${Array(5).fill('minmax(240px, 1fr)').join(' ')}`);
  });

  it('drops the targets that do not fit, keeps document order, and offers the switcher', () => {
    const f = fitColumns({ ...base, available: 1080 });
    expect(f).toMatchObject({ stacked: false, visible: ['zh', 'ru', 'kk'], switcher: true });
  });

  it('brings the chosen target in first', () => {
    expect(fitColumns({ ...base, available: 1080, preferred: ['uz'] }).visible).toEqual(['zh', 'ru', 'uz']);
    expect(fitColumns({ ...base, available: 600, preferred: ['kk', 'uz'] }).visible).toEqual(['kk']);
  });

  it('stacks one target under the source below two readable columns (a phone)', () => {
    const f = fitColumns({ ...base, available: 374, preferred: ['ru'] });
    expect(f).toMatchObject({ stacked: true, visible: ['ru'], switcher: true });
    expect(fitColumns({ ...base, targets: ['ru'], available: 374 }).switcher).toBe(false);
  });

  it('lays remembered widths out in px and lets the last column fill the rest', () => {
    const f = fitColumns({ ...base, targets: ['ru'], widths: { en: 500, ru: 300 }, available: 1000 });
    expect(f.template).toBe(`${NUMBER_WIDTH}px 500px minmax(300px, 1fr)`);
    const mixed = fitColumns({ ...base, targets: ['ru', 'kk'], widths: { en: 500 }, available: 1200 });
    expect(mixed.template).toBe(`${NUMBER_WIDTH}px 500px minmax(240px, 1fr) minmax(240px, 1fr)`);
  });

  it('never lets the columns overflow the box: wide remembered columns push targets out, or give way', () => {
    const wide = fitColumns({ ...base, widths: { en: 700 }, available: 1250 });
    expect(wide.visible).toEqual(['zh', 'ru']);
    const tooWide = fitColumns({ ...base, widths: { en: 2000 }, available: 900 });
    expect(tooWide.visible.length).toBeGreaterThan(0);
    expect(tooWide.template).not.toContain('2000px');
    for (const available of [524, 700, 1000, 1440, 2400]) {
      for (const widths of [{}, { en: 800 }, { ru: 400, kk: 500 }]) {
        const f = fitColumns({ ...base, available, widths });
        const sum = NUMBER_WIDTH + Object.values(f.base).reduce((a, b) => a + (b ?? 0), 0);
        expect(sum).toBeLessThanOrEqual(available);
      }
    }
  });

  it('bounds a drag so that one more column keeps its room; the others move to the switcher', () => {
    expect(maxWidthOf(1080)).toBe(1080 - NUMBER_WIDTH - 240);
    expect(maxWidthOf(400)).toBe(240);
    const f = fitColumns({ ...base, available: 1080, widths: { en: maxWidthOf(1080) } });
    expect(f).toMatchObject({ visible: ['zh'], switcher: true });
  });
});
