import type { z } from 'zod';
import { AppError, ok } from '../../../shared/index.js';
import type { ClientEventName } from '../../../shared/index.js';
import { badRequest, issuesOf, toFail } from '../errors.js';
import type { Log } from '../errors.js';
import { replyOf } from './boundary.js';
import type { AckData, AnorSocket } from './types.js';
import { docRoom } from './types.js';

/**
 * One socket handler: validate (zod) → the use case → ack with a Result.
 * Whatever happens, the ack is answered exactly once with a Result, and the
 * socket stays connected. The listener takes `unknown` on purpose: clients can
 * send anything, whatever the event map says (eventBoundary has already made
 * sure there is exactly one payload and the ack, if any, comes after it).
 */
export function handler<E extends ClientEventName, S extends z.ZodType>(
  log: Log,
  schema: S,
  fn: (input: z.output<S>) => Promise<AckData<E>> | AckData<E>,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply = replyOf(ack);
    let parsed: z.ZodSafeParseResult<z.output<S>>;
    try {
      parsed = schema.safeParse(payload);
    } catch (err) {
      reply(toFail(err, log));
      return;
    }
    if (!parsed.success) {
      reply(toFail(badRequest(issuesOf(parsed.error)), log));
      return;
    }
    Promise.resolve()
      .then(() => fn(parsed.data))
      .then(
        (data) => reply(ok(data)),
        (err: unknown) => reply(toFail(err, log)),
      )
      .catch((err: unknown) => log(`ack failed: ${String(err)}`));
  };
}

export function requireJoined(socket: AnorSocket, docId: string): void {
  if (!socket.rooms.has(docRoom(docId))) throw new AppError('not_joined', `join document ${docId} first`);
}
