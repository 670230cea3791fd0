import type { Lang } from '../languages.js';

/**
 * Review-side document state and events: per-document settings and comment
 * threads. They are document events like edits (journaled, replayed, broadcast,
 * applied by the one reducer), so a comment is as durable and as ordered as
 * the text it talks about.
 */
export interface DocumentSettings {
  /** Whether a reviewer may approve a revision they wrote themselves (off by default). */
  allowSelfApproval: boolean;
}

export const DEFAULT_SETTINGS: DocumentSettings = { allowSelfApproval: false };

export interface CellComment {
  id: string;
  paragraphId: string;
  /**
   * The cell it is attached to. A comment on the source language is about the
   * paragraph itself, so it shows in every language's cell of that row.
   */
  lang: Lang;
  text: string;
  /** User ids mentioned with @name, resolved by the server when the comment was written. */
  mentions: string[];
  author: string;
  at: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

/** A reviewer's reason for approving despite an error finding, given with the approval itself. */
export interface ApprovalOverride {
  check: string;
  reason: string;
}

export type ReviewEventBody =
  | { type: 'document.settings'; settings: DocumentSettings }
  | { type: 'comment.added'; commentId: string; paragraphId: string; lang: Lang; text: string; mentions: string[] }
  | { type: 'comment.resolved'; commentId: string; resolved: boolean };

/** The comments shown in one cell: its own and its row's source comments, oldest first. */
export function commentsForCell(
  doc: { sourceLang: Lang; comments?: readonly CellComment[] },
  paragraphId: string,
  lang: Lang,
): CellComment[] {
  return (doc.comments ?? []).filter((c) => c.paragraphId === paragraphId && (c.lang === lang || c.lang === doc.sourceLang));
}
