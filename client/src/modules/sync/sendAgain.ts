import { backoffMs, isTransient } from './retry.js';
import type { CallResult } from './transport.js';

export interface SendAgainOptions {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  /** Resolves after `ms`, or earlier when the connection is back (the transport's choice). */
  pause?: (ms: number) => Promise<void>;
}

/**
 * Sends one operation until it is answered, with the SAME payload every time,
 * so its opId makes the server apply it exactly once: a lost ack or a dropped
 * connection after the server applied it gets the first result back, not a
 * second application. This is how review actions and comments reach the
 * server (cell edits go through the DocSync outbox, which does the same).
 * A refusal (anything not transient) or a signed-out session ends it.
 */
export async function sendAgain<T>(attempt: () => Promise<CallResult<T>>, opts: SendAgainOptions = {}): Promise<CallResult<T>> {
  const max = opts.maxAttempts ?? 8;
  const pause = opts.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let i = 0; ; i++) {
    const r = await attempt();
    if (r.ok || !isTransient(r.error.code) || r.error.code === 'unauthenticated' || i + 1 >= max) return r;
    await pause(backoffMs(i, opts.baseMs ?? 300, opts.capMs ?? 5000, opts.random));
  }
}
