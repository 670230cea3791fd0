import type {
  CellEditAck,
  CellEditPayload,
  CellKeepTheirsPayload,
  DocEvent,
  JoinAck,
  JoinPayload,
  PresenceEntry,
  PresencePayload,
  Result,
} from '../../../../shared/index.js';
import type { ClientErrorCode } from './retry.js';

/** A failed call as the sync engine sees it: a server code, or a client one (network, timeout). */
export type CallResult<T> = Result<T> | { ok: false; error: { code: ClientErrorCode; message: string } };

/**
 * What the sync engine needs from the wire. The Socket.IO implementation is in
 * client/src/api/socket.ts; tests drive the engine through an in-memory one.
 */
export interface SyncTransport {
  readonly connected: boolean;
  /** This connection's id, to leave ourselves out of the presence list. */
  readonly connectionId: string | undefined;
  join(payload: JoinPayload): Promise<CallResult<JoinAck>>;
  leave(docId: string): void;
  editCell(payload: CellEditPayload): Promise<CallResult<CellEditAck>>;
  /** After a clash: keep the cell's text, and the user's own as a conflict revision in history. */
  keepTheirs(payload: CellKeepTheirsPayload): Promise<CallResult<CellEditAck>>;
  updatePresence(payload: PresencePayload): void;
  onEvent(cb: (ev: DocEvent) => void): () => void;
  onPresence(cb: (p: { docId: string; entries: PresenceEntry[] }) => void): () => void;
  onConnect(cb: () => void): () => void;
  onDisconnect(cb: () => void): () => void;
  onSessionEnded(cb: () => void): () => void;
  /** `doc:stale`: the server's copy of a joined document was read again (several nodes); rejoin it. */
  onStale(cb: (docId: string) => void): () => void;
}
