import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendQueue } from './sendQueue.js';

describe('SendQueue', () => {
  let sends: string[];
  let q: SendQueue;
  beforeEach(() => {
    vi.useFakeTimers();
    sends = [];
    q = new SendQueue((key) => sends.push(key));
  });
  afterEach(() => vi.useRealTimers());

  it('sends at once, but not while a retry waits out its backoff unless told to go now', () => {
    q.kick('a');
    expect(sends).toEqual(['a']);
    q.schedule('a', 1000);
    q.kick('a');
    expect(sends).toEqual(['a']);
    q.kick('a', true);
    expect(sends).toEqual(['a', 'a']);
    // The retry cut short does not go again when its time would have come.
    vi.advanceTimersByTime(1000);
    expect(sends).toEqual(['a', 'a']);
  });

  it('a new schedule replaces the waiting one, and the retry goes when it is due', () => {
    q.schedule('a', 1000);
    q.schedule('a', 3000);
    vi.advanceTimersByTime(2999);
    expect(sends).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sends).toEqual(['a']);
    // Due and gone: the next kick sends at once.
    q.kick('a');
    expect(sends).toEqual(['a', 'a']);
  });

  it('an answer counts only for the edit on the wire, and none after the connection dropped', () => {
    const first = { opId: 'o1', text: 'x', epoch: 0 };
    q.sent('a', first);
    q.sent('b', { opId: 'o2', text: 'y', epoch: 0 });
    expect([q.onWire('a'), q.onWireCount]).toEqual([true, 2]);
    expect(q.answered('a', { ...first })).toBe(false);
    expect(q.answered('a', first)).toBe(true);
    expect([q.onWire('a'), q.answered('a', first)]).toEqual([false, false]);
    const again = { opId: 'o3', text: 'z', epoch: 1 };
    q.sent('a', again);
    q.dropInflight();
    expect([q.onWireCount, q.answered('a', again)]).toEqual([0, false]);
  });
});
