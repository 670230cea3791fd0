import { describe, expect, it } from 'vitest';
import { backoffMs, isTransient, planAfterFailure } from './retry.js';

describe('retry policy', () => {
  it('retries moments, not refusals', () => {
    expect(isTransient('network')).toBe(true);
    expect(isTransient('internal')).toBe(true);
    expect(isTransient('rate_limited')).toBe(true);
    expect(isTransient('text_too_long')).toBe(false);
    expect(isTransient('paragraph_not_found')).toBe(false);
    expect(isTransient('bad_request')).toBe(false);
  });

  it('grows exponentially within jitter bounds and is capped', () => {
    expect(backoffMs(0, 500, 30_000, () => 0)).toBe(250);
    expect(backoffMs(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000);
    expect(backoffMs(20, 500, 30_000, () => 0)).toBe(15_000);
  });
});

describe('planAfterFailure', () => {
  const entry = { attempts: 2, baseRev: 7, baseText: 'старый', state: 'pending', text: 'мой' };

  it('waits for the user on a refusal, keeping the text and the code', () => {
    expect(planAfterFailure(entry, 'text_too_long', undefined, 100)).toEqual({
      entry: { ...entry, state: 'failed', error: 'text_too_long' },
    });
  });

  it('retries transient failures later, counting attempts', () => {
    const plan = planAfterFailure(entry, 'network', undefined, 100);
    expect(plan.entry.attempts).toBe(3);
    expect(plan.retryInMs).toBeGreaterThanOrEqual(200);
    expect(plan.retryInMs).toBeLessThanOrEqual(400);
  });

  it('rejoins when the server says the document is not joined', () => {
    expect(planAfterFailure(entry, 'not_joined', undefined, 100)).toMatchObject({ rejoin: true, entry: { attempts: 3 } });
  });

  it('re-anchors an edit on the cell it knows when the base revision is unknown', () => {
    const plan = planAfterFailure(entry, 'bad_revision', { rev: 3, text: 'текущий' }, 100);
    expect(plan.entry).toMatchObject({ baseRev: 3, baseText: 'текущий', text: 'мой', state: 'pending' });
    expect(plan.retryInMs).toBeDefined();
  });
});
