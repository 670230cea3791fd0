import { describe, expect, it } from 'vitest';
import { shutdownWatchdog } from './shutdown.js';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('shutdownWatchdog', () => {
  it('exits with 1 and says so when the shutdown hangs past the deadline', async () => {
    const codes: number[] = [];
    const said: string[] = [];
    shutdownWatchdog(
      20,
      (c) => codes.push(c),
      (m) => said.push(m),
    );
    await tick(60);
    expect(codes).toEqual([1]);
    expect(said[0]).toContain('did not finish');
  });

  it('exits with 0 when the shutdown finished but something held the process open', async () => {
    const codes: number[] = [];
    const said: string[] = [];
    shutdownWatchdog(
      20,
      (c) => codes.push(c),
      (m) => said.push(m),
    ).finished();
    await tick(60);
    expect(codes).toEqual([0]);
    expect(said[0]).toContain('held the process open');
  });
});
