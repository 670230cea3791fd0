import { describe, expect, it } from 'vitest';
import { FreshReads } from './freshReads.js';

/** A read whose end the test decides: `started` counts reads, `finish(i, v)` ends read i with v. */
function controlled(): { reads: FreshReads<string, string>; started: () => number; finish: (i: number, v: string) => void } {
  const ends: ((v: string) => void)[] = [];
  const reads = new FreshReads<string, string>(() => new Promise<string>((resolve) => ends.push(resolve)));
  return { reads, started: () => ends.length, finish: (i, v) => ends[i]?.(v) };
}

describe('FreshReads', () => {
  it('gives callers who asked while a read was in flight one shared read started after it', async () => {
    const { reads, started, finish } = controlled();
    const first = reads.get('u');
    const second = reads.get('u');
    const third = reads.get('u');
    expect(started()).toBe(1);
    finish(0, 'before');
    expect(await first).toBe('before');
    // The next read starts a few microtasks after the first ends.
    await new Promise((resolve) => setImmediate(resolve));
    expect(started()).toBe(2);
    finish(1, 'after');
    expect(await Promise.all([second, third])).toEqual(['after', 'after']);
  });

  it('reads different keys apart, and again once idle', async () => {
    const { reads, started, finish } = controlled();
    const a = reads.get('a');
    const b = reads.get('b');
    expect(started()).toBe(2);
    finish(0, 'A');
    finish(1, 'B');
    expect([await a, await b]).toEqual(['A', 'B']);
    const again = reads.get('a');
    expect(started()).toBe(3);
    finish(2, 'A2');
    expect(await again).toBe('A2');
  });

  it('a failed read fails its callers only; the next ones read again', async () => {
    let n = 0;
    const reads = new FreshReads<string, number>(() => (n++ === 0 ? Promise.reject(new Error('down')) : Promise.resolve(n)));
    const failed = reads.get('u');
    const next = reads.get('u');
    await expect(failed).rejects.toThrow('down');
    expect(await next).toBe(2);
  });
});
