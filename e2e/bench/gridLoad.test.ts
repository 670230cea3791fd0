import { describe, expect, it } from 'vitest';
import { measureGrid } from './gridLoad.js';

/** Keeps the benchmark entry point working (small sizes); the figures come from `npm run bench`. */
describe('measureGrid', () => {
  it('returns one positive figure per sample', async () => {
    const r = await measureGrid({ paragraphs: 60, navSamples: 2, editSamples: 3 });
    expect(r.navToInteractiveMs).toHaveLength(2);
    expect(r.remoteEditMs).toHaveLength(3);
    expect(r.socketEditMs).toHaveLength(3);
    for (const v of [...r.navToInteractiveMs, ...r.remoteEditMs, ...r.socketEditMs]) expect(v).toBeGreaterThan(0);
  });
});
