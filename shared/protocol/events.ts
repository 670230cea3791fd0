import type { Result } from './errors.js';
import type {
  CellEditPayload,
  CellStatusPayload,
  JoinPayload,
  LeavePayload,
  ParagraphDeletePayload,
  ParagraphInsertPayload,
  ParagraphJoinPayload,
  ParagraphSplitPayload,
  PresencePayload,
} from './schemas.js';
import type { CellEditAck, CellStatusAck, JoinAck, ParagraphOpAck, PresenceEntry } from './dto.js';
import type { DocEvent } from '../domain/events.js';

type Ack<T> = (result: Result<T>) => void;

/**
 * Socket.IO event maps, used by `new Server<ClientToServerEvents, ServerToClientEvents>`
 * and by the client's `Socket<ServerToClientEvents, ClientToServerEvents>`.
 * Names are `resource:verb`. Every client event takes an ack; the server always
 * answers it with a Result.
 */
export interface ClientToServerEvents {
  'doc:join': (payload: JoinPayload, ack: Ack<JoinAck>) => void;
  'doc:leave': (payload: LeavePayload, ack: Ack<null>) => void;
  'cell:edit': (payload: CellEditPayload, ack: Ack<CellEditAck>) => void;
  /** Review workflow: set a cell's status for the revision the reviewer saw. */
  'cell:status': (payload: CellStatusPayload, ack: Ack<CellStatusAck>) => void;
  'paragraph:insert': (payload: ParagraphInsertPayload, ack: Ack<ParagraphOpAck>) => void;
  'paragraph:delete': (payload: ParagraphDeletePayload, ack: Ack<ParagraphOpAck>) => void;
  'paragraph:split': (payload: ParagraphSplitPayload, ack: Ack<ParagraphOpAck>) => void;
  'paragraph:join': (payload: ParagraphJoinPayload, ack: Ack<ParagraphOpAck>) => void;
  'presence:update': (payload: PresencePayload, ack: Ack<null>) => void;
}

export interface ServerToClientEvents {
  /** A document event, in sequence order, after it is durable. */
  'doc:event': (event: DocEvent) => void;
  /** The full presence list of a document whenever it changes (throttled). */
  'presence:state': (payload: { docId: string; entries: PresenceEntry[] }) => void;
  /** The session ended (logout, password change); the client should sign in again. */
  'session:ended': (payload: { code: 'unauthenticated' }) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
