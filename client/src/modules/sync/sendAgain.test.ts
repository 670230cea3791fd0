import { describe, expect, it } from 'vitest';
import type { CallResult } from './transport.js';
import { sendAgain } from './sendAgain.js';

const fail = (code: 'network' | 'timeout' | 'forbidden' | 'unauthenticated' | 'not_joined'): CallResult<number> =>
  code === 'network' || code === 'timeout' ? { ok: false, error: { code, message: code } } : { ok: false, error: { code, message: code } };

/** A fake wire answering from a script; records each payload it was given. */
function scripted(answers: CallResult<number>[], payload: { opId: string }) {
  const seen: string[] = [];
  const attempt = (): Promise<CallResult<number>> => {
    seen.push(payload.opId);
    return Promise.resolve(answers.shift() ?? { ok: true, data: 1 });
  };
  return { seen, attempt };
}

describe('sendAgain', () => {
  const quick = { pause: () => Promise.resolve(), random: () => 0 };

  it('sends the same opId again after a lost ack or a dropped connection, until answered', async () => {
    const wire = scripted([fail('timeout'), fail('network'), fail('not_joined')], { opId: 'op-1' });
    expect(await sendAgain(wire.attempt, quick)).toEqual({ ok: true, data: 1 });
    expect(wire.seen).toEqual(['op-1', 'op-1', 'op-1', 'op-1']);
  });

  it('stops at a refusal, at a signed-out session, and after maxAttempts', async () => {
    const refused = scripted([fail('forbidden')], { opId: 'op-2' });
    expect(await sendAgain(refused.attempt, quick)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.seen).toHaveLength(1);
    const signedOut = scripted([fail('unauthenticated')], { opId: 'op-3' });
    expect(await sendAgain(signedOut.attempt, quick)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const down = scripted(
      Array.from({ length: 10 }, () => fail('network')),
      { opId: 'op-4' },
    );
    expect(await sendAgain(down.attempt, { ...quick, maxAttempts: 3 })).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(down.seen).toHaveLength(3);
  });

  it('waits with growing pauses between attempts', async () => {
    const pauses: number[] = [];
    const wire = scripted([fail('timeout'), fail('timeout'), fail('timeout')], { opId: 'op-5' });
    await sendAgain(wire.attempt, { pause: (ms) => (pauses.push(ms), Promise.resolve()), random: () => 1, baseMs: 100, capMs: 1000 });
    expect(pauses).toEqual([100, 200, 400]);
  });
});
