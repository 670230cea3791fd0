import { Emitter } from '@socket.io/component-emitter';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';
import { MAX_JSON_DEPTH, MAX_SOCKET_JSON_VALUES, MAX_SOCKET_PAYLOAD_BYTES } from '../../../shared/index.js';
import type { ErrorCode } from '../../../shared/index.js';
import { jsonShape } from '../edge/jsonShape.js';

/**
 * A packet the parser refused to decode. It reaches the socket's first
 * middleware (boundary.ts) as the event's only argument, which answers the ack
 * with `code`. Being a class instance, it cannot be forged by a client: JSON
 * only makes plain objects.
 */
export class RefusedPacket {
  constructor(
    readonly code: Extract<ErrorCode, 'bad_request' | 'payload_too_large'>,
    readonly message: string,
  ) {}
}

/** The event name a refused packet is delivered under; any name would do, the payload is what counts. */
export const REFUSED_EVENT = 'anor:refused';

const EMPTY = Buffer.alloc(0);

function byteLengthOf(chunk: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, 'utf8');
  if (chunk instanceof ArrayBuffer) return chunk.byteLength;
  if (ArrayBuffer.isView(chunk)) return chunk.byteLength;
  return 0;
}

/** What the text of one packet is refused for, if anything. */
function judge(text: string): RefusedPacket | undefined {
  if (byteLengthOf(text) > MAX_SOCKET_PAYLOAD_BYTES) {
    return new RefusedPacket('payload_too_large', `socket payload over ${MAX_SOCKET_PAYLOAD_BYTES} bytes`);
  }
  const shape = jsonShape(text, { maxDepth: MAX_JSON_DEPTH, maxValues: MAX_SOCKET_JSON_VALUES });
  if (shape === 'too_deep') return new RefusedPacket('bad_request', `payload nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (shape === 'too_many_values') return new RefusedPacket('payload_too_large', `payload of more than ${MAX_SOCKET_JSON_VALUES} values`);
  return undefined;
}

/**
 * Where the JSON of an encoded packet starts, read as socket.io-parser reads
 * the header: type digit, `<attachments>-` for binary packets, `/nsp,`, ack id.
 */
/** The packet type's name (`EVENT`, `BINARY_ACK` …) from the first character, as socket.io-parser reads it. */
const typeName = (text: string): string | undefined => PacketType[Number(text.charAt(0))];

function payloadStart(text: string): number {
  let i = 1;
  const type = typeName(text);
  if (type === 'BINARY_EVENT' || type === 'BINARY_ACK') {
    const dash = text.indexOf('-', i);
    i = dash < 0 ? text.length : dash + 1;
  }
  if (text.charAt(i) === '/') {
    const comma = text.indexOf(',', i);
    i = comma < 0 ? text.length : comma + 1;
  }
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return i;
}

/** The same packet header with the smallest payload its type allows, so nothing of the refused JSON is parsed. */
function stripped(text: string): string {
  const header = text.slice(0, payloadStart(text));
  switch (typeName(text)) {
    case 'EVENT':
    case 'BINARY_EVENT':
      return `${header}${JSON.stringify([REFUSED_EVENT])}`;
    case 'ACK':
    case 'BINARY_ACK':
      return `${header}[]`;
    case 'CONNECT':
    case 'CONNECT_ERROR':
      return `${header}{}`;
    default:
      return header;
  }
}

interface DecoderEvents {
  decoded: (packet: Packet) => void;
}

/**
 * socket.io-parser's decoder behind a size and depth check made on the raw
 * text before anything parses or walks it. A packet over the limits is
 * decoded from its header alone (type, namespace, ack id), so an event with
 * an ack is still answered — `payload_too_large` or `bad_request` through
 * `RefusedPacket` — and the connection stays. Binary attachments count
 * towards the same byte limit; past it they are dropped unread.
 *
 * Frames that are not Socket.IO packets at all (unknown type, a payload that
 * is not an array, more than 10 attachments) still throw in the inner
 * decoder, and Socket.IO closes that one connection, as it always does.
 */
export class BoundedDecoder extends Emitter<Record<string, never>, Record<string, never>, DecoderEvents> {
  readonly #inner = new Decoder();
  #refusal: RefusedPacket | undefined;
  #bytes = 0;

  constructor() {
    super();
    this.#inner.on('decoded', (packet) => {
      const refusal = this.#refusal;
      this.#refusal = undefined;
      this.emitReserved('decoded', refusal ? withRefusal(packet, refusal) : packet);
    });
  }

  add(chunk: unknown): void {
    if (typeof chunk === 'string') {
      this.#bytes = byteLengthOf(chunk);
      this.#refusal = judge(chunk);
      this.#inner.add(this.#refusal ? stripped(chunk) : chunk);
      return;
    }
    this.#bytes += byteLengthOf(chunk);
    if (!this.#refusal && this.#bytes > MAX_SOCKET_PAYLOAD_BYTES) {
      this.#refusal = new RefusedPacket('payload_too_large', `socket payload over ${MAX_SOCKET_PAYLOAD_BYTES} bytes`);
    }
    this.#inner.add(this.#refusal ? EMPTY : chunk);
  }

  destroy(): void {
    this.#inner.destroy();
  }
}

function withRefusal(packet: Packet, refusal: RefusedPacket): Packet {
  if (packet.type === PacketType.EVENT) return { ...packet, data: [REFUSED_EVENT, refusal] };
  return packet;
}

/** The parser given to `new Server(…, { parser })`: the stock encoder, the bounded decoder. */
export const boundedParser = { Encoder, Decoder: BoundedDecoder };
