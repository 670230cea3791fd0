import { describe, expect, it } from 'vitest';
import { backoffMs, isTransient } from './retry.js';

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
