import { describe, expect, it } from 'vitest';
import { debouncedSaves, measureTyping } from './typing.js';

/** Keeps the benchmark entry point working (one sentence); the figures come from `npm run bench`. */
describe('measureTyping', () => {
  it('times every keystroke to the peer and counts the revisions each sentence made', async () => {
    const r = await measureTyping({ sentences: 1, intervalMs: 60 });
    expect(r.keystrokesPerSentence[0]).toBeGreaterThan(20);
    expect(r.keystrokeToPeerMs.length).toBe(r.keystrokesPerSentence[0]);
    // Every keystroke reaches the server as its own revision or coalesced into a later one: at least one, at most one each.
    expect(r.eventsPerSentence[0]).toBeGreaterThanOrEqual(1);
    expect(r.eventsPerSentence[0]).toBeLessThanOrEqual(r.keystrokesPerSentence[0]!);
  });

  it('counts the saves a 300 ms debounce makes: one per pause, and the last', () => {
    expect(debouncedSaves([0, 150, 300, 450])).toBe(1);
    expect(debouncedSaves([0, 150, 600, 750, 1200])).toBe(3);
    expect(debouncedSaves([])).toBe(0);
  });
});
