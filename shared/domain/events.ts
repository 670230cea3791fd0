import type { Lang } from '../languages.js';
import type { CellStatus, DocumentState, RevisionKind } from './types.js';
import type { ApprovalOverride, ReviewEventBody } from './review.js';

/**
 * Every change to a document is one of these events. The server decides them,
 * writes them to the journal, then broadcasts them; server and clients apply
 * them with the same reducer (`applyEvent`), so replaying the journal and
 * following the live stream give the same state.
 */
export interface EventBase {
  docId: string;
  /** Per-document sequence number: 1, 2, 3 … with no gaps. */
  seq: number;
  at: string;
  /** User id of the author (`system` for the server itself). */
  by: string;
  /** The client's operation id, when the event answers one. */
  opId: string | null;
}

export type DocEventBody =
  | { type: 'document.created'; doc: Omit<DocumentState, 'seq' | 'history' | 'updatedAt'> }
  | { type: 'document.deleted' }
  | {
      type: 'cell.edited';
      paragraphId: string;
      lang: Lang;
      kind: Extract<RevisionKind, 'edit' | 'merge' | 'import' | 'restore' | 'pretranslate'>;
      text: string;
      rev: number;
      status: CellStatus;
    }
  | {
      /** A stale edit that clashed with a newer one: recorded, not applied. */
      type: 'cell.conflicted';
      paragraphId: string;
      lang: Lang;
      /** The text the sender wanted (the one that lost). */
      text: string;
      /** The cell revision it clashed with (the cell keeps this revision's text). */
      rev: number;
    }
  | {
      type: 'cell.status';
      paragraphId: string;
      lang: Lang;
      status: CellStatus;
      /** The revision the status change applies to (approval names the revision seen). */
      rev: number;
      /** Error findings the reviewer approved despite, with reasons (approvals only). */
      overrides?: ApprovalOverride[];
    }
  | { type: 'paragraph.inserted'; index: number; paragraphId: string; text: string }
  | { type: 'paragraph.deleted'; paragraphId: string }
  | {
      /** Source text split at a grapheme boundary; targets stay whole in the first half. */
      type: 'paragraph.split';
      paragraphId: string;
      newParagraphId: string;
      before: string;
      after: string;
    }
  | {
      /** A paragraph joined with the one after it; `texts` are the joined texts per language. */
      type: 'paragraph.joined';
      paragraphId: string;
      nextParagraphId: string;
      texts: Partial<Record<Lang, string>>;
    }
  | ReviewEventBody;

export type DocEvent = EventBase & DocEventBody;
export type DocEventType = DocEvent['type'];
