import type { z } from 'zod';
import { AppError, fail, MAX_SOCKET_PAYLOAD_BYTES, ok } from '../../../shared/index.js';
import type { ClientEventName, Result } from '../../../shared/index.js';
import { badRequest, issuesOf, toFail } from '../errors.js';
import type { Log } from '../errors.js';
import type { AckData, AnorSocket } from './types.js';
import { docRoom } from './types.js';

type Reply = (result: Result<unknown>) => void;

function replyOf(ack: unknown): Reply {
  // A client may emit without an ack; the answer is then simply dropped.
  return typeof ack === 'function' ? (result) => void (ack as Reply)(result) : () => {};
}

/**
 * One socket handler: validate (zod) → the use case → ack with a Result.
 * Whatever happens, the ack is answered exactly once with a Result, and the
 * socket stays connected. The listener takes `unknown` on purpose: clients can
 * send anything, whatever the event map says.
 */
export function handler<E extends ClientEventName, S extends z.ZodType>(
  log: Log,
  schema: S,
  fn: (input: z.output<S>) => Promise<AckData<E>> | AckData<E>,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply = replyOf(ack);
    const parsed = schema.safeParse(payload);
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

function payloadBytes(args: unknown[]): number {
  const data = args.filter((a) => typeof a !== 'function');
  // JSON size is what the client sent as text; close enough for a cap with this much headroom.
  return Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
}

/**
 * Refuses payloads over MAX_SOCKET_PAYLOAD_BYTES with `payload_too_large` on
 * the ack, and keeps the connection (the engine's own, much larger hard limit
 * is what drops a connection).
 */
export function payloadLimit(packet: unknown[], next: (err?: Error) => void): void {
  const [, ...args] = packet;
  if (payloadBytes(args) <= MAX_SOCKET_PAYLOAD_BYTES) {
    next();
    return;
  }
  replyOf(args.at(-1))(fail('payload_too_large', `socket payload over ${MAX_SOCKET_PAYLOAD_BYTES} bytes`));
}
