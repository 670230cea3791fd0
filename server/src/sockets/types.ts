import type { Server, Socket } from 'socket.io';
import type { ClientEventName, ClientToServerEvents, ServerSideEvents, ServerToClientEvents } from '../../../shared/index.js';

export interface SocketData {
  user: { id: string; displayName: string };
  sessionId: string;
}

export type AnorServer = Server<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;
export type AnorSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;

/** The `T` of an event's `Result<T>` ack. */
export type AckData<E extends ClientEventName> = Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>['data'];

export const DOC_ROOM_PREFIX = 'doc:';
export const docRoom = (docId: string): string => `${DOC_ROOM_PREFIX}${docId}`;
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
