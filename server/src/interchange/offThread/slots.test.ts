import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';

/** A task that runs until released, noting when it started. */
function gate(log: string[], name: string): { task: () => Promise<string>; release: () => void; fail: () => void } {
  let release = (): void => undefined;
  let fail = (): void => undefined;
  const task = (): Promise<string> => {
    log.push(name);
    return new Promise<string>((resolve, reject) => {
      release = () => resolve(name);
      fail = () => reject(new Error(name));
    });
  };
  return { task, release: () => release(), fail: () => fail() };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('Slots (how many import workers run at once)', () => {
  it('runs at most `size` tasks at once and starts the others in arrival order as slots free up', async () => {
    const slots = new Slots(2);
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd', 'e'].map((n) => gate(started, n));
    const results = gates.map((g) => slots.run(g.task));
    await turn();
    expect(started).toEqual(['a', 'b']);
    expect(slots.waiting).toBe(3);
    gates[1]!.release();
    await turn();
    expect(started).toEqual(['a', 'b', 'c']);
    // A task that fails frees its slot too.
    gates[0]!.fail();
    await expect(results[0]).rejects.toThrow('a');
    await turn();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    gates[2]!.release();
    gates[3]!.release();
    await turn();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    gates[4]!.release();
    expect(await Promise.all(results.slice(1))).toEqual(['b', 'c', 'd', 'e']);
    expect(slots.waiting).toBe(0);
    // Both slots free again: two new tasks start at once.
    const later = [gate(started, 'f'), gate(started, 'g')];
    later.forEach((g) => void slots.run(g.task));
    await turn();
    expect(started.slice(5)).toEqual(['f', 'g']);
    later.forEach((g) => g.release());
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
    expect(() => new Slots(1.5)).toThrow(RangeError);
  });
});
