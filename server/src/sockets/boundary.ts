import { fail } from '../../../shared/index.js';
import type { Result } from '../../../shared/index.js';
import { toFail } from '../errors.js';
import type { Log } from '../errors.js';
import { RefusedPacket } from './parser.js';

export type Reply = (result: Result<unknown>) => void;

export function replyOf(ack: unknown): Reply {
  // A client may emit without an ack; the answer is then simply dropped.
  return typeof ack === 'function' ? (result) => void (ack as Reply)(result) : () => {};
}

const nameOf = (name: unknown): string => (typeof name === 'string' ? name.slice(0, 64) : typeof name);

/**
 * The first middleware of every connection: the one place an incoming event
 * is admitted or answered. Socket.IO hands it the packet as
 * `[name, ...args, ack?]`. It answers `bad_request` (unknown event, no
 * payload, more than one payload) or the parser's refusal (too large, too
 * deep), and otherwise passes on exactly `[name, payload, ack?]`, so every
 * handler sees one payload and its ack in their places — `emit('doc:join',
 * cb)` is a missing payload, not a payload that is a function. Nothing it
 * does can throw past it: an event with an ack is answered exactly once,
 * here or by its handler, and the connection stays.
 */
export function eventBoundary(known: ReadonlySet<string>, log: Log): (packet: unknown[], next: (err?: Error) => void) => void {
  return (packet, next) => {
    const [name, ...args] = packet;
    const ack = typeof args.at(-1) === 'function' ? args.pop() : undefined;
    const reply = replyOf(ack);
    try {
      if (args[0] instanceof RefusedPacket) {
        reply(fail(args[0].code, args[0].message));
        return;
      }
      if (typeof name !== 'string' || !known.has(name)) {
        reply(fail('bad_request', `unknown event ${JSON.stringify(nameOf(name))}`));
        return;
      }
      if (args.length !== 1) {
        reply(fail('bad_request', args.length === 0 ? `${name}: no payload` : `${name}: one payload expected, got ${args.length}`));
        return;
      }
      packet.splice(0, packet.length, name, args[0], ...(ack ? [ack] : []));
      next();
    } catch (err) {
      reply(toFail(err, log));
    }
  };
}
