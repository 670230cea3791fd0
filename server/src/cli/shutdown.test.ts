import { describe, expect, it } from 'vitest';
import { shutdownWatchdog } from './shutdown.js';

/** Starts a 20 ms watchdog (finished or not) and reports what it did once it has fired. */
async function fired(finished: boolean): Promise<{ codes: number[]; said: string[] }> {
  const codes: number[] = [];
  const said: string[] = [];
  const w = shutdownWatchdog(
    20,
    (c) => codes.push(c),
    (m) => said.push(m),
  );
  if (finished) w.finished();
  await new Promise((r) => setTimeout(r, 60));
  return { codes, said };
}

describe('shutdownWatchdog', () => {
  it('exits with 1 and says so when the shutdown hangs past the deadline', async () => {
    const { codes, said } = await fired(false);
    expect(codes).toEqual([1]);
    expect(said[0]).toContain('did not finish');
  });

  it('exits with 0 when the shutdown finished but something held the process open', async () => {
    const { codes, said } = await fired(true);
    expect(codes).toEqual([0]);
    expect(said[0]).toContain('held the process open');
  });
});
