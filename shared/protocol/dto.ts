import type { Lang } from '../languages.js';
import type { CellStatus, DocumentMeta, DocumentState, Revision } from '../domain/types.js';
import type { DocEvent } from '../domain/events.js';
import type { LangRole } from '../domain/roles.js';

/** What a client holds of a document: everything but the history. */
export type DocumentSnapshot = Omit<DocumentState, 'history'>;

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
  /** Reads only. */
  isViewer: boolean;
  /** Per-language role: translators edit, reviewers also approve (shared/domain/roles.ts). */
  roles: Partial<Record<Lang, LangRole>>;
}

export interface HealthDto {
  ok: true;
  version: string;
}

export interface StatusCounts {
  paragraphs: Record<CellStatus, number>;
  words: Record<CellStatus, number>;
  outdated: number;
}

export interface DocumentSummary extends DocumentMeta {
  paragraphCount: number;
  updatedAt: string;
  /** Per language (source and targets): counts by status in paragraphs and in words. */
  progress: Partial<Record<Lang, StatusCounts>>;
  /** Per language: every cell approved and none outdated (shared/domain/workflow.ts isComplete). */
  complete: Partial<Record<Lang, boolean>>;
}

export interface CellHistoryDto {
  paragraphId: string;
  lang: Lang;
  revisions: Revision[];
}

// ---- Socket acks ----
export type JoinAck =
  | { mode: 'snapshot'; doc: DocumentSnapshot; presence: PresenceEntry[] }
  /** Only the events after `sinceSeq`, in order. */
  | { mode: 'events'; events: DocEvent[]; presence: PresenceEntry[] };

export interface CellEditAck {
  /**
   * applied: the text became the new revision; merged: a stale edit merged with
   * newer text (see `text`); conflict: same span changed by someone else, the
   * cell kept `text`, your text is kept in history as revision `conflictWith`;
   * unchanged: the text equalled the current text.
   */
  outcome: 'applied' | 'merged' | 'conflict' | 'unchanged';
  seq: number;
  rev: number;
  text: string;
  status: CellStatus;
  /** For a conflict: the text you sent, as stored in history. */
  yours?: string;
}

export interface CellStatusAck {
  seq: number;
  rev: number;
  status: CellStatus;
  /** When changes were requested: the comment the reason became. */
  commentId?: string;
}

export interface ParagraphOpAck {
  seq: number;
  paragraphId: string;
}

export interface PresenceEntry {
  userId: string;
  displayName: string;
  /** One entry per connection: the same user may be in two tabs. */
  connectionId: string;
  paragraphId: string | null;
  lang: Lang | null;
  typing: boolean;
}
