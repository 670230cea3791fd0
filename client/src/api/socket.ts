import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  CellEditAck,
  ClientToServerEvents,
  DocEvent,
  JoinAck,
  JoinPayload,
  PresenceEntry,
  PresencePayload,
  ServerToClientEvents,
  CellEditPayload,
  CellKeepTheirsPayload,
} from '../../../shared/index.js';
import type { MentionNotification } from '../../../shared/index.js';
import type { CallResult, SyncTransport } from '../modules/sync/transport.js';
import { sendAgain } from '../modules/sync/sendAgain.js';
import type { ReviewAckData, ReviewEvent, ReviewPayload, ReviewTransport } from './review.js';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;

/**
 * Socket.IO behind the sync engine's transport interface. One socket per
 * signed-in tab; every document the tab opens joins over it.
 */
export class SocketTransport implements SyncTransport, ReviewTransport {
  private readonly socket: AppSocket;

  constructor(url?: string) {
    // WebSocket first (no sticky sessions needed, lower latency), long-polling if a proxy refuses it;
    // reconnect quickly after a network drop so the outbox drains soon after the network returns.
    const opts = {
      withCredentials: true,
      transports: ['websocket', 'polling'] as string[],
      tryAllTransports: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    };
    this.socket = url ? io(url, opts) : io(opts);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  get connectionId(): string | undefined {
    return this.socket.id;
  }

  close(): void {
    this.socket.disconnect();
  }

  join(payload: JoinPayload): Promise<CallResult<JoinAck>> {
    return this.call<JoinAck>(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('doc:join', payload));
  }

  leave(docId: string): void {
    if (this.socket.connected) this.socket.timeout(ACK_TIMEOUT_MS).emit('doc:leave', { docId }, () => undefined);
  }

  editCell(payload: CellEditPayload): Promise<CallResult<CellEditAck>> {
    return this.call<CellEditAck>(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('cell:edit', payload));
  }

  keepTheirs(payload: CellKeepTheirsPayload): Promise<CallResult<CellEditAck>> {
    return this.call<CellEditAck>(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('cell:keepTheirs', payload));
  }

  updatePresence(payload: PresencePayload): void {
    // Presence is best-effort: a lost update is replaced by the next one.
    if (this.socket.connected) this.socket.timeout(ACK_TIMEOUT_MS).emit('presence:update', payload, () => undefined);
  }

  onEvent(cb: (ev: DocEvent) => void): () => void {
    this.socket.on('doc:event', cb);
    return () => void this.socket.off('doc:event', cb);
  }

  onPresence(cb: (p: { docId: string; entries: PresenceEntry[] }) => void): () => void {
    this.socket.on('presence:state', cb);
    return () => void this.socket.off('presence:state', cb);
  }

  onConnect(cb: () => void): () => void {
    this.socket.on('connect', cb);
    return () => void this.socket.off('connect', cb);
  }

  onDisconnect(cb: () => void): () => void {
    const h = (): void => cb();
    this.socket.on('disconnect', h);
    return () => void this.socket.off('disconnect', h);
  }

  onSessionEnded(cb: () => void): () => void {
    const h = (): void => cb();
    this.socket.on('session:ended', h);
    // A handshake refused for want of a session also means "sign in again".
    const e = (err: Error): void => {
      if (/unauth/iu.test(err.message)) cb();
    };
    this.socket.on('connect_error', e);
    return () => {
      this.socket.off('session:ended', h);
      this.socket.off('connect_error', e);
    };
  }

  onStale(cb: (docId: string) => void): () => void {
    const h = (p: { docId: string }): void => cb(p.docId);
    this.socket.on('doc:stale', h);
    return () => void this.socket.off('doc:stale', h);
  }

  /** A review action or comment, sent again with the same opId until answered (sendAgain.ts): applied once. */
  send<E extends ReviewEvent>(event: E, payload: ReviewPayload<E>): Promise<CallResult<ReviewAckData<E>>> {
    return sendAgain(
      () => {
        // The event map types each emit by name; a generic name needs this one widening.
        const timed = this.socket.timeout(ACK_TIMEOUT_MS);
        const emit = timed.emitWithAck.bind(timed) as (e: string, p: unknown) => Promise<CallResult<ReviewAckData<E>>>;
        return this.call(() => emit(event, payload));
      },
      { pause: (ms) => this.pauseOrConnect(ms) },
    );
  }

  /** Resolves after `ms`, or as soon as the socket (re)connects. */
  private pauseOrConnect(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.socket.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.socket.on('connect', done);
    });
  }

  onMention(cb: (n: MentionNotification) => void): () => void {
    this.socket.on('notification:mention', cb);
    return () => void this.socket.off('notification:mention', cb);
  }

  private async call<T>(fn: () => Promise<CallResult<T>>): Promise<CallResult<T>> {
    if (!this.socket.connected) return { ok: false, error: { code: 'network', message: 'not connected' } };
    try {
      return await fn();
    } catch {
      return { ok: false, error: { code: 'timeout', message: 'no ack' } };
    }
  }
}
