import fc from 'fast-check';
import { CLIENT_EVENT_NAMES } from '../../../shared/index.js';
import { deepJson, RawJson } from './rawSocket.js';

/**
 * Generators of hostile input for the fuzz property (server/test/fuzz.test.ts):
 * what a malicious or broken client can put on the wire.
 */

/** Event names a client may not emit at all (socket.io-client throws before sending). */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

/** Strings that are not well-formed UTF-16: a lone high or low surrogate, alone or inside text. */
export const loneSurrogateText = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'), fc.string({ maxLength: 8 }))
  .map(([a, s, b]) => `${a}${s}${b}`);

const hostileString = fc.oneof(
  loneSurrogateText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '%ZZ', '../../etc/passwd', '', ' ', '\u0000', 'Сәлем\uD800'),
  fc.integer({ min: 60_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
);

/** An object with prototype-polluting keys as its own properties (what JSON.parse makes of `{"__proto__": …}`). */
const pollutingObject = fc.record({ inner: leaf, flag: fc.boolean() }).map(({ inner, flag }) => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, '__proto__', { value: { isAdmin: true, polluted: flag }, enumerable: true });
  Object.defineProperty(o, 'constructor', { value: { prototype: { polluted: true } }, enumerable: true });
  o.value = inner;
  return o;
});

/** Nesting socket.io-client can still encode (its encoder recurses), up to 200 levels. */
const nested = fc.tuple(fc.integer({ min: 2, max: 200 }), leaf).map(([depth, inner]) => {
  let v: unknown = inner;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

const hugeArray = fc.integer({ min: 1_000, max: 40_000 }).map((n) => new Array<number>(n).fill(7));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(leaf, pollutingObject, nested, hugeArray);

/** Payloads that only a raw frame can carry: 20,000-level nesting, prototype keys in the very text. */
const rawPayload: fc.Arbitrary<RawJson> = fc.oneof(
  fc.integer({ min: 33, max: 20_000 }).map((d) => deepJson(d)),
  fc.integer({ min: 33, max: 5_000 }).map((d) => new RawJson(`${'['.repeat(d)}${']'.repeat(d)}`)),
  fc.constant(new RawJson('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}')),
  fc.constant(new RawJson('"\\ud800"')),
);

const FIELD_NAMES = ['docId', 'paragraphId', 'lang', 'opId', 'baseRev', 'rev', 'text', 'afterId', 'offset', 'status', 'sinceSeq'];

/**
 * A payload record: some fields real (the document's id, a paragraph id, a
 * language), the rest hostile, so validation is passed as far as it goes.
 */
export function payload(real: { docId: string; paragraphId: string }): fc.Arbitrary<unknown> {
  const field = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom<unknown>(real.docId, real.paragraphId, 'ru', 'zh', 0, 1) },
    { weight: 2, arbitrary: hostileValue },
  );
  const record = fc.dictionary(fc.constantFrom(...FIELD_NAMES, '__proto__', 'constructor'), field, { maxKeys: 8 });
  return fc.oneof(record, hostileValue, rawPayload);
}

export const eventName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<string>(...CLIENT_EVENT_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).filter((s) => !RESERVED.has(s)) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'anor:refused', 'doc:join ') },
);

export interface HostileEmit {
  event: string;
  /** No payload at all (`emit(event, ack)`), one, or two. */
  args: readonly unknown[];
  withAck: boolean;
}

export function hostileEmit(real: { docId: string; paragraphId: string }): fc.Arbitrary<HostileEmit> {
  return fc.record({
    event: eventName,
    args: fc.oneof(
      { weight: 1, arbitrary: fc.constant<readonly unknown[]>([]) },
      { weight: 6, arbitrary: payload(real).map((p): readonly unknown[] => [p]) },
      { weight: 1, arbitrary: fc.tuple(payload(real), hostileValue).map((t): readonly unknown[] => t) },
    ),
    withAck: fc.boolean(),
  });
}

/** A JSON body that no route accepts (never a JSON object at the top), as text. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 33, max: 20_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.integer({ min: 33, max: 5_000 }).map((d) => `[${deepJson(d).text}]`),
  fc.integer({ min: 1_000, max: 600_000 }).map((n) => `[${'0,'.repeat(n)}0]`),
  fc
    .array(hostileValue, { maxLength: 5 })
    .map((a) => JSON.stringify(a, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))),
  fc.constantFrom('[{"__proto__":{"isAdmin":true}}]', '["\\ud800"]', '{"title":', '\u0000', '[1e999999]', '"just a string"'),
);

/** Path segments a client may put in a URL: malformed escapes, lone surrogates escaped, traversal. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%ZZ', '%E0%A4%A', '%ED%A0%80', '%00', '..%2F..%2Fetc', '%', '__proto__', 'constructor'),
  fc.string({ maxLength: 80 }).map((s) => encodeURIComponent(s)),
  fc.integer({ min: 100, max: 5_000 }).map((n) => 'a'.repeat(n)),
);
