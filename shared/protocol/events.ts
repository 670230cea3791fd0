import type { Result } from './errors.js';
import type {
  CellEditPayload,
  CellKeepTheirsPayload,
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
import type {
  BatchAck,
  CellRestorePayload,
  CommentAck,
  CommentAddPayload,
  CommentResolvePayload,
  DocSettingsPayload,
  MentionNotification,
  ReviewBatchPayload,
  SeqAck,
} from './review.js';

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
  /** After a clash, keep the cell's text and record the user's own as a `conflict` revision. */
  'cell:keepTheirs': (payload: CellKeepTheirsPayload, ack: Ack<CellEditAck>) => void;
  /** Review workflow: set a cell's status for the revision the reviewer saw. */
  'cell:status': (payload: CellStatusPayload, ack: Ack<CellStatusAck>) => void;
  'paragraph:insert': (payload: ParagraphInsertPayload, ack: Ack<ParagraphOpAck>) => void;
  'paragraph:delete': (payload: ParagraphDeletePayload, ack: Ack<ParagraphOpAck>) => void;
  'paragraph:split': (payload: ParagraphSplitPayload, ack: Ack<ParagraphOpAck>) => void;
  'paragraph:join': (payload: ParagraphJoinPayload, ack: Ack<ParagraphOpAck>) => void;
  'presence:update': (payload: PresencePayload, ack: Ack<null>) => void;
  /** An old revision's text back as a new draft (revision kind `restore`). */
  'cell:restore': (payload: CellRestorePayload, ack: Ack<CellEditAck>) => void;
  'comment:add': (payload: CommentAddPayload, ack: Ack<CommentAck>) => void;
  'comment:resolve': (payload: CommentResolvePayload, ack: Ack<SeqAck>) => void;
  /** Reviewers: approve every cell of a language in review whose checks pass. */
  'review:approveAll': (payload: ReviewBatchPayload, ack: Ack<BatchAck>) => void;
  /** Submit every draft of a language whose current revision I wrote. */
  'review:submitAll': (payload: ReviewBatchPayload, ack: Ack<BatchAck>) => void;
  /** Admins: per-document settings (self-approval). */
  'doc:settings': (payload: DocSettingsPayload, ack: Ack<SeqAck>) => void;
}

export interface ServerToClientEvents {
  /** A document event, in sequence order, after it is durable. */
  'doc:event': (event: DocEvent) => void;
  /**
   * (Several nodes) this node's copy of a joined document fell behind the events the database keeps and was read
   * again: events in between were never sent. Rejoin with `sinceSeq`; the answer is a snapshot, or
   * `document_not_found` if the document was deleted meanwhile.
   */
  'doc:stale': (payload: { docId: string }) => void;
  /** The full presence list of a document whenever it changes (throttled). */
  'presence:state': (payload: { docId: string; entries: PresenceEntry[] }) => void;
  /** The session ended (logout, password change); the client should sign in again. */
  'session:ended': (payload: { code: 'unauthenticated' }) => void;
  /** Someone mentioned you in a comment (sent to all your connections). */
  'notification:mention': (payload: MentionNotification) => void;
}

export type ClientEventName = keyof ClientToServerEvents;

/**
 * Every client event name, for the server's socket boundary (any other name
 * is answered `bad_request`) and for tests that try them all.
 */
export const CLIENT_EVENT_NAMES = [
  'doc:join',
  'doc:leave',
  'cell:edit',
  'cell:keepTheirs',
  'cell:status',
  'paragraph:insert',
  'paragraph:delete',
  'paragraph:split',
  'paragraph:join',
  'presence:update',
  'cell:restore',
  'comment:add',
  'comment:resolve',
  'review:approveAll',
  'review:submitAll',
  'doc:settings',
] as const satisfies readonly ClientEventName[];

/** `true` when every name of `All` is in `Listed`, else `never` (so assigning `true` to it fails to compile). */
type EveryListed<All extends string, Listed extends readonly string[]> = Exclude<All, Listed[number]> extends never ? true : never;

// A compile error here means an event of ClientToServerEvents is missing from the list above.
const everyEventListed: EveryListed<ClientEventName, typeof CLIENT_EVENT_NAMES> = true;
void everyEventListed;

export type ServerEventName = keyof ServerToClientEvents;

/** Every server event name, for the test that docs/protocol.md documents each one. */
export const SERVER_EVENT_NAMES = [
  'doc:event',
  'doc:stale',
  'presence:state',
  'session:ended',
  'notification:mention',
] as const satisfies readonly ServerEventName[];

// A compile error here means an event of ServerToClientEvents is missing from the list above.
const everyServerEventListed: EveryListed<ServerEventName, typeof SERVER_EVENT_NAMES> = true;
void everyServerEventListed;
