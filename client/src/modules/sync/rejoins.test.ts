import { describe, expect, it } from 'vitest';
import { Rejoins } from './rejoins.js';

/** Joins that finish only when the test says so; each records whether it asked for a snapshot. */
function world(connected = true) {
  const joins: { snapshot: boolean; finish: () => void }[] = [];
  const state = { connected };
  const rejoins: Rejoins = new Rejoins(
    () =>
      new Promise<void>((resolve) => {
        joins.push({ snapshot: rejoins.takeSnapshot(), finish: resolve });
      }),
    () => state.connected,
  );
  const finish = async (i: number): Promise<void> => {
    joins[i]!.finish();
    for (let k = 0; k < 3; k++) await Promise.resolve();
  };
  return { joins, rejoins, state, finish };
}

describe('Rejoins', () => {
  it('makes one rejoin for any number of gaps while one is on the way', async () => {
    const w = world();
    w.rejoins.gap();
    w.rejoins.gap();
    expect(w.joins).toHaveLength(1);
    await w.finish(0);
    expect(w.joins.map((j) => j.snapshot)).toEqual([false]);
    w.rejoins.gap();
    expect(w.joins).toHaveLength(2);
  });

  it('follows the rejoin on the way with a snapshot when the copy stopped fitting meanwhile', async () => {
    const w = world();
    w.rejoins.gap();
    w.rejoins.mismatch();
    await w.finish(0);
    expect(w.joins.map((j) => j.snapshot)).toEqual([false, true]);
  });

  it('follows the rejoin on the way with another since our seq when the server says its copy was replaced', async () => {
    const w = world();
    w.rejoins.gap();
    w.rejoins.stale();
    w.rejoins.stale();
    expect(w.joins).toHaveLength(1);
    await w.finish(0);
    expect(w.joins.map((j) => j.snapshot)).toEqual([false, false]);
    await w.finish(1);
    expect(w.joins).toHaveLength(2);
  });

  it('rejoins at once when the server says so and nothing is on the way', () => {
    const w = world();
    w.rejoins.stale();
    expect(w.joins.map((j) => j.snapshot)).toEqual([false]);
  });

  it('leaves what was asked meanwhile to the next connect when the connection is gone', async () => {
    const w = world();
    w.rejoins.gap();
    w.rejoins.stale();
    w.state.connected = false;
    await w.finish(0);
    expect(w.joins).toHaveLength(1);
  });
});
