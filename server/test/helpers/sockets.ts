import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { applyEvent } from '../../../shared/index.js';
import type { ClientToServerEvents, DocEvent, DocumentSnapshot, ReducibleDoc, ServerToClientEvents } from '../../../shared/index.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ClientToServerEvents;
export type AckOf<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

export function opId(): string {
  return randomUUID().replaceAll('-', '');
}

/** Whether a websocket handshake with these headers gets through (a refused upgrade carries no reason to the client). */
export async function handshake(url: string, headers: Record<string, string>): Promise<'connected' | 'refused'> {
  const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
  try {
    return await new Promise((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    });
  } finally {
    socket.close();
  }
}

/** A real socket.io-client over websocket with the session cookie; rejects with the connect_error. */
export function connect(url: string, cookie?: string, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    transports,
    reconnection: false,
    forceNew: true,
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

/** Emits with an ack and resolves with the Result. */
export function call<E extends EventName>(
  socket: TestSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<AckOf<E>> {
  return callRaw(socket, event, payload) as Promise<AckOf<E>>;
}

/** Emits anything (malformed payloads included) and resolves with whatever the ack carries. */
export function callRaw(socket: TestSocket, event: string, payload: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event} in 10 s`)), 10_000);
    const emit = socket.emit.bind(socket) as (e: string, p: unknown, ack: (r: unknown) => void) => void;
    emit(event, payload, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
  });
}

/**
 * A client's copy of one document, kept the way the real client keeps it:
 * the join snapshot, then every `doc:event` applied with the shared reducer,
 * dropping events whose seq it already has.
 */
export class LiveDoc {
  doc: ReducibleDoc;

  constructor(
    readonly socket: TestSocket,
    snapshot: DocumentSnapshot,
    /** Every doc:event of this document the socket received, from before the join was sent. */
    readonly received: DocEvent[],
  ) {
    this.doc = structuredClone(snapshot);
    for (const ev of received) this.apply(ev);
    socket.on('doc:event', (ev) => {
      if (ev.docId === this.doc.id) this.apply(ev);
    });
  }

  private apply(ev: DocEvent): void {
    if (ev.seq <= this.doc.seq) return;
    applyEvent(this.doc, ev);
  }

  /** Resolves once this copy has reached `seq`. */
  async reach(seq: number, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.doc.seq < seq) {
      if (Date.now() > until) throw new Error(`document stuck at seq ${this.doc.seq}, waiting for ${seq}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/**
 * Joins with a snapshot. Listening starts BEFORE the join is sent: an event
 * may be broadcast to the room before the join's ack reaches the client.
 */
export async function joinDoc(socket: TestSocket, docId: string): Promise<LiveDoc> {
  const received: DocEvent[] = [];
  socket.on('doc:event', (ev) => {
    if (ev.docId === docId) received.push(ev);
  });
  const r = await call(socket, 'doc:join', { docId });
  if (!r.ok) throw new Error(`join failed: ${r.error.code}`);
  if (r.data.mode !== 'snapshot') throw new Error('expected a snapshot');
  return new LiveDoc(socket, r.data.doc, received);
}
