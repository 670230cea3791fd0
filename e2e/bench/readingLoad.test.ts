import { describe, expect, it } from 'vitest';
import { measureReading } from './readingLoad.js';

/** Keeps the benchmark entry point working (small sizes); the figures come from `npm run bench`. */
describe('measureReading', () => {
  it('returns one positive figure per sample', async () => {
    const r = await measureReading({ paragraphs: 40, navSamples: 2, approvalSamples: 3 });
    expect(r.loadMs).toHaveLength(2);
    expect(r.approvalMs).toHaveLength(3);
    for (const v of [...r.loadMs, ...r.approvalMs]) expect(v).toBeGreaterThan(0);
  });
});
