import { z } from 'zod';
import type { Lang } from '../languages.js';
import { LANG_ROLES } from '../domain/roles.js';
import type { DocEventType } from '../domain/events.js';
import type { CellStatus } from '../domain/types.js';
import { langSchema, opIdSchema } from './schemas.js';
import { wellFormedText } from '../text/wellFormed.js';

/**
 * Roles, the review flow, comments and activity on the wire. Bodies and
 * payloads are zod schemas (validated at the edge, unknown fields stripped);
 * answers are the DTOs below inside the usual `Result` envelope.
 */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
export const MAX_COMMENT_LENGTH = 4000;
const commentText = wellFormedText().trim().min(1).max(MAX_COMMENT_LENGTH);

// ---- Users and roles (REST, admin) ----
export const rolesSchema = z.partialRecord(langSchema, z.enum(LANG_ROLES));
export const userIdParams = z.object({ userId: id });

export const updateUserBody = z
  .object({
    displayName: wellFormedText().trim().min(1).max(100).optional(),
    isAdmin: z.boolean().optional(),
    isViewer: z.boolean().optional(),
    /** Replaces the whole role map; `{}` takes every language role away. */
    roles: rolesSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const changePasswordBody = z.object({
  currentPassword: wellFormedText().min(1).max(1024),
  newPassword: wellFormedText().min(8).max(1024),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

// ---- Socket payloads ----
/** Restores an old revision's text as a new draft; history is never rewritten. */
export const cellRestorePayload = z.object({
  docId: id,
  paragraphId: id,
  lang: langSchema,
  opId: opIdSchema,
  /** The cell's current revision as the client sees it: restoring over unseen work is refused. */
  baseRev: z.number().int().nonnegative(),
  /** The revision whose text comes back. */
  rev: z.number().int().nonnegative(),
  /**
   * To bring back a `conflict` revision (text that lost a clash, or that its
   * author gave up with "keep theirs"): the opId it was recorded under, since
   * it shares `rev` with the text it lost to.
   */
  conflictOpId: opIdSchema.optional(),
});
export type CellRestorePayload = z.infer<typeof cellRestorePayload>;

export const commentAddPayload = z.object({
  docId: id,
  opId: opIdSchema,
  paragraphId: id,
  /** The source language attaches the comment to the whole row. */
  lang: langSchema,
  /** `@username` mentions in the text are resolved by the server. */
  text: commentText,
});
export type CommentAddPayload = z.infer<typeof commentAddPayload>;

export const commentResolvePayload = z.object({ docId: id, opId: opIdSchema, commentId: id, resolved: z.boolean() });
export type CommentResolvePayload = z.infer<typeof commentResolvePayload>;

/** Batch actions over one language: approve everything in review that passes, or submit my drafts. */
export const reviewBatchPayload = z.object({ docId: id, opId: opIdSchema, lang: langSchema });
export type ReviewBatchPayload = z.infer<typeof reviewBatchPayload>;

export const docSettingsPayload = z.object({ docId: id, opId: opIdSchema, allowSelfApproval: z.boolean() });
export type DocSettingsPayload = z.infer<typeof docSettingsPayload>;

// ---- Answers ----
/** Who is who, for names in history, comments and activity and for @mention completion; any signed-in user may read it. */
export interface DirectoryEntry {
  id: string;
  username: string;
  displayName: string;
  /** Administrators take part in every document. */
  isAdmin: boolean;
  /** The languages this person holds a role in (none for a viewer): who is on a document's team. */
  langs: Lang[];
}

export interface SeqAck {
  seq: number;
}

export interface CommentAck {
  seq: number;
  commentId: string;
}

export interface BatchAck {
  seq: number;
  /** Cells whose status changed. */
  changed: number;
  /** Cells left as they were, and why (a refusal of shared/domain/workflow.ts). */
  skipped: { paragraphId: string; reason: string }[];
}

/** Sent to a mentioned user's every connection, wherever they are in the app. */
export interface MentionNotification {
  docId: string;
  docTitle: string;
  commentId: string;
  paragraphId: string;
  lang: Lang;
  by: string;
  byName: string;
  text: string;
  at: string;
}

/** One line of a document's activity feed, derived from one document event. */
export interface ActivityItem {
  seq: number;
  at: string;
  by: string;
  type: DocEventType;
  paragraphId: string | null;
  lang: Lang | null;
  status: CellStatus | null;
  commentId: string | null;
}

export interface ActivityDto {
  items: ActivityItem[];
}
