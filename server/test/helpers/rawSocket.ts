import { io } from 'socket.io-client';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';
import type { TestSocket } from './sockets.js';

/**
 * A payload sent as the exact JSON text given, for what a well-behaved client
 * cannot build: 20,000 levels of nesting (socket.io-client's own encoder walks
 * payloads recursively and would overflow first), `__proto__` keys as they
 * stand in the text. `emitRaw(socket, 'x', new RawJson('…'), ack)`.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** socket.io-parser's encoder, except that an event whose payload is a RawJson is written verbatim. */
class RawEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    const data = packet.data as unknown;
    if (packet.type !== PacketType.EVENT || !Array.isArray(data)) return super.encode(packet);
    const [name, payload] = data as unknown[];
    if (!(payload instanceof RawJson)) return super.encode(packet);
    const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
    return [`${PacketType.EVENT}${nsp}${packet.id ?? ''}[${JSON.stringify(name)},${payload.text}]`];
  }
}

/** A real socket.io-client connection (websocket, session cookie) that can also send RawJson payloads. */
export function connectRaw(url: string, cookie?: string, namespace = '', auth?: Record<string, string>): Promise<TestSocket> {
  const socket: TestSocket = io(url + namespace, {
    ...(auth ? { auth } : {}),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    parser: { Encoder: RawEncoder, Decoder },
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** `{"a":{"a":…1}}`, `depth` objects deep. */
export function deepJson(depth: number, key = 'a'): RawJson {
  return new RawJson(`${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`);
}
