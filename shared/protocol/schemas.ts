import { z } from 'zod';
import { LANGS } from '../languages.js';
import { LANG_ROLES } from '../domain/roles.js';
import { MAX_PARAGRAPHS, MAX_TITLE_LENGTH } from './limits.js';
import { wellFormedText } from '../text/wellFormed.js';

/**
 * Zod schemas for every REST body and socket payload. Objects are zod's default
 * (non-strict) objects, so unknown fields are stripped; `safeParse` reports all
 * problems at once.
 */
export const langSchema = z.enum(LANGS);
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
export const opIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** Cell text; its byte cap is checked separately (cellTextTooLong in limits.ts) so that it gets its own error code. */
export const cellTextSchema = wellFormedText();

// ---- REST ----
export const loginBody = z.object({
  username: wellFormedText().min(1).max(64),
  password: wellFormedText().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

export const createUserBody = z.object({
  username: wellFormedText()
    .min(1)
    .max(64)
    .regex(/^[\p{L}\p{N}_.-]+$/u),
  password: wellFormedText().min(8).max(1024),
  displayName: wellFormedText().min(1).max(100).optional(),
  isAdmin: z.boolean().optional(),
  isViewer: z.boolean().optional(),
  roles: z.partialRecord(z.enum(LANGS), z.enum(LANG_ROLES)).optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const createDocumentBody = z
  .object({
    title: wellFormedText().trim().min(1).max(MAX_TITLE_LENGTH),
    sourceLang: langSchema,
    targetLangs: z.array(langSchema).min(1).max(4),
    /** Source paragraphs, in order. */
    paragraphs: z.array(cellTextSchema).max(MAX_PARAGRAPHS),
  })
  .refine((b) => !b.targetLangs.includes(b.sourceLang), { message: 'a target language equals the source', path: ['targetLangs'] })
  .refine((b) => new Set(b.targetLangs).size === b.targetLangs.length, { message: 'repeated target language', path: ['targetLangs'] });
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

export const docIdParams = z.object({ docId: id });
export const cellParams = z.object({ docId: id, paragraphId: id, lang: langSchema });

// ---- Socket payloads ----
export const joinPayload = z.object({
  docId: id,
  /** The last sequence number this client applied; omit for a full snapshot. */
  sinceSeq: z.number().int().nonnegative().optional(),
});
export type JoinPayload = z.infer<typeof joinPayload>;

export const leavePayload = z.object({ docId: id });
export type LeavePayload = z.infer<typeof leavePayload>;

export const cellEditPayload = z.object({
  docId: id,
  paragraphId: id,
  lang: langSchema,
  opId: opIdSchema,
  /** The cell revision the client's text was typed on. */
  baseRev: z.number().int().nonnegative(),
  /** The whole new text of the cell. */
  text: cellTextSchema,
});
export type CellEditPayload = z.infer<typeof cellEditPayload>;

/**
 * "Keep theirs" after a clash: the cell keeps the text it has, and the text
 * the user gives up is kept in the cell's history as a `conflict` revision
 * (visible, restorable), never thrown away.
 */
export const cellKeepTheirsPayload = z.object({
  docId: id,
  paragraphId: id,
  lang: langSchema,
  opId: opIdSchema,
  /** The cell revision whose text ("theirs") the user chose to keep. */
  rev: z.number().int().nonnegative(),
  /** The user's own text, to be kept in history. */
  text: cellTextSchema,
});
export type CellKeepTheirsPayload = z.infer<typeof cellKeepTheirsPayload>;

export const paragraphInsertPayload = z.object({
  docId: id,
  opId: opIdSchema,
  /** Insert after this paragraph; null inserts at the top. */
  afterId: id.nullable(),
  text: cellTextSchema.default(''),
});
export type ParagraphInsertPayload = z.infer<typeof paragraphInsertPayload>;

export const paragraphDeletePayload = z.object({ docId: id, opId: opIdSchema, paragraphId: id });
export type ParagraphDeletePayload = z.infer<typeof paragraphDeletePayload>;

export const paragraphSplitPayload = z.object({
  docId: id,
  opId: opIdSchema,
  paragraphId: id,
  /** Source revision the offset refers to. */
  baseRev: z.number().int().nonnegative(),
  /** Split point, in graphemes from the start of the source text. */
  offset: z.number().int().positive(),
});
export type ParagraphSplitPayload = z.infer<typeof paragraphSplitPayload>;

export const paragraphJoinPayload = z.object({
  docId: id,
  opId: opIdSchema,
  /** Joined with the paragraph after it. */
  paragraphId: id,
});
export type ParagraphJoinPayload = z.infer<typeof paragraphJoinPayload>;

/** Review workflow: the statuses a person may set (`empty` follows from the text alone). */
export const settableStatusSchema = z.enum(['draft', 'in_review', 'approved', 'changes_requested']);

export const cellStatusPayload = z.object({
  docId: id,
  paragraphId: id,
  lang: langSchema,
  opId: opIdSchema,
  /** The revision the reviewer saw: a status is about one text, not whatever is there now. */
  rev: z.number().int().positive(),
  status: settableStatusSchema,
  /** Required when requesting changes (what to change); becomes a comment on the cell. */
  comment: wellFormedText().trim().min(1).max(4000).optional(),
  /** Approving despite error findings: one reason per overridden check, valid for this revision only. */
  overrides: z
    .array(z.object({ check: wellFormedText().min(1).max(64), reason: wellFormedText().trim().min(3).max(1000) }))
    .max(50)
    .optional(),
});
export type CellStatusPayload = z.infer<typeof cellStatusPayload>;

export const presencePayload = z.object({
  docId: id,
  paragraphId: id.nullable(),
  lang: langSchema.nullable(),
  typing: z.boolean(),
});
export type PresencePayload = z.infer<typeof presencePayload>;
