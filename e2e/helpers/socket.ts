import { io, type Socket } from 'socket.io-client';
import { randomUUID } from 'node:crypto';
import type { ClientToServerEvents, ServerToClientEvents, Result } from '../../shared/index.js';

export type AnorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connect(url: string, cookie: string): Promise<AnorSocket> {
  const socket: AnorSocket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Emits an event with an ack and resolves with the Result; undefined when the connection drops first. */
export function call<E extends keyof ClientToServerEvents>(
  socket: AnorSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] | undefined> {
  return new Promise((resolve) => {
    const onDisconnect = () => resolve(undefined);
    socket.once('disconnect', onDisconnect);
    const emit = socket.emit.bind(socket) as (e: string, p: unknown, ack: (r: Result<unknown>) => void) => void;
    emit(event, payload, (r) => {
      socket.off('disconnect', onDisconnect);
      resolve(r as Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]);
    });
  });
}

export function opId(): string {
  return randomUUID().replaceAll('-', '');
}
