import { z } from 'zod';
import { LANG_ROLES } from '../domain/roles.js';
import { CELL_STATUSES, REVISION_KINDS } from '../domain/types.js';
import type { Cell, Revision } from '../domain/types.js';
import type { CellComment } from '../domain/review.js';
import type { DocEventType } from '../domain/events.js';
import { JUNK_KINDS } from '../interchange/clean.js';
import { SOURCE_FORMATS } from '../interchange/formats.js';
import { CHECK_IDS, SEVERITIES } from '../qa/types.js';
import type { CellFindings } from '../qa/document.js';
import type { ActivityItem, MentionNotification } from './review.js';
import type { CellHistoryDto, DocumentSnapshot, DocumentSummary, PublicUser, StatusCounts } from './dto.js';
import type { ImportReport, ImportProblemDto } from './interchange.js';
import { langSchema } from './schemas.js';

/**
 * The shapes the server answers, as strict zod schemas (an unknown field is
 * an error): the integration tests parse every real response with them
 * (shared/protocol/responses.ts names one per route). Each is checked
 * against the TypeScript type the handlers are typed by, so neither can
 * drift from the other.
 */
const obj = z.strictObject;
const str = z.string();
const int = z.number().int();
const at = z.string().min(1);
const nullable = <T extends z.ZodType>(t: T) => t.nullable();
const perLang = <T extends z.ZodType>(t: T) => z.partialRecord(langSchema, t);
const status = z.enum(CELL_STATUSES);

export const publicUserSchema = obj({
  id: str,
  username: str,
  displayName: str,
  isAdmin: z.boolean(),
  isViewer: z.boolean(),
  roles: perLang(z.enum(LANG_ROLES)),
}) satisfies z.ZodType<PublicUser>;

const metaShape = { id: str, title: str, sourceLang: langSchema, targetLangs: z.array(langSchema), createdAt: at, createdBy: str };

const statusCounts = obj({
  paragraphs: z.record(status, int),
  words: z.record(status, int),
  outdated: int,
}) satisfies z.ZodType<StatusCounts>;

export const documentSummarySchema = obj({
  ...metaShape,
  paragraphCount: int,
  updatedAt: at,
  progress: perLang(statusCounts),
  complete: perLang(z.boolean()),
}) satisfies z.ZodType<DocumentSummary>;

const cellSchema = obj({
  text: str,
  rev: int,
  status,
  outdated: z.boolean(),
  updatedBy: nullable(str),
  updatedAt: nullable(str),
  approvedRev: nullable(int),
  approvedText: nullable(str),
}) satisfies z.ZodType<Cell>;

const commentSchema = obj({
  id: str,
  paragraphId: str,
  lang: langSchema,
  text: str,
  mentions: z.array(str),
  author: str,
  at,
  resolved: z.boolean(),
  resolvedBy: nullable(str),
  resolvedAt: nullable(str),
}) satisfies z.ZodType<CellComment>;

export const documentSnapshotSchema = obj({
  ...metaShape,
  seq: int,
  updatedAt: at,
  paragraphs: z.array(obj({ id: str, cells: perLang(cellSchema) })),
  settings: obj({ allowSelfApproval: z.boolean() }).optional(),
  comments: z.array(commentSchema).optional(),
}) satisfies z.ZodType<DocumentSnapshot>;

const revisionSchema = obj({
  rev: int,
  text: str,
  author: str,
  at,
  kind: z.enum(REVISION_KINDS),
  status,
  opId: nullable(str),
}) satisfies z.ZodType<Revision>;

export const cellHistorySchema = obj({
  paragraphId: str,
  lang: langSchema,
  revisions: z.array(revisionSchema),
}) satisfies z.ZodType<CellHistoryDto>;

export const directoryEntrySchema = obj({ id: str, username: str, displayName: str, isAdmin: z.boolean(), langs: z.array(langSchema) });

export const mentionSchema = obj({
  docId: str,
  docTitle: str,
  commentId: str,
  paragraphId: str,
  lang: langSchema,
  by: str,
  byName: str,
  text: str,
  at,
}) satisfies z.ZodType<MentionNotification>;

export const activityItemSchema = obj({
  seq: int,
  at,
  by: str,
  type: z.custom<DocEventType>((v) => typeof v === 'string' && /^[a-z]+\.[a-zA-Z]+$/u.test(v)),
  paragraphId: nullable(str),
  lang: nullable(langSchema),
  status: nullable(status),
  commentId: nullable(str),
}) satisfies z.ZodType<ActivityItem>;

const rangeSchema = obj({ start: int, end: int });

export const cellFindingsSchema = obj({
  paragraphId: str,
  index: int,
  lang: langSchema,
  findings: z.array(
    obj({
      check: z.enum(CHECK_IDS),
      severity: z.enum(SEVERITIES),
      message: str,
      messageKey: str,
      params: z.record(str, z.union([str, z.number()])),
      ranges: z.array(rangeSchema),
      lang: langSchema.optional(),
    }),
  ),
}) satisfies z.ZodType<CellFindings>;

export const importReportSchema = obj({
  format: z.enum(SOURCE_FORMATS),
  paragraphs: int,
  removed: z.partialRecord(z.enum(JUNK_KINDS), int),
  language: obj({
    declared: langSchema,
    detected: obj({
      lang: nullable(langSchema),
      script: nullable(z.enum(['Latn', 'Cyrl', 'Hans', 'Hant'])),
      confidence: z.number(),
      letters: int,
    }),
    verdict: z.enum(['match', 'language_mismatch', 'script_mismatch', 'undetermined']),
  }),
}) satisfies z.ZodType<ImportReport>;

export const importProblemSchema = obj({ rule: str, message: str, where: str.optional() }) satisfies z.ZodType<ImportProblemDto>;

export { obj, str, int, at, nullable, perLang, rangeSchema };
