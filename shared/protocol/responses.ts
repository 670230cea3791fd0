import { z } from 'zod';
import { glossarySchema } from '../qa/glossarySchema.js';
import type { DownloadRoute, RouteKey, RouteRes } from './routeKeys.js';
import { langSchema } from './schemas.js';
import {
  activityItemSchema,
  at,
  cellFindingsSchema,
  cellHistorySchema,
  directoryEntrySchema,
  documentSnapshotSchema,
  documentSummarySchema,
  importProblemSchema,
  importReportSchema,
  int,
  mentionSchema,
  nullable,
  obj,
  perLang,
  publicUserSchema,
  rangeSchema,
  str,
} from './dtoSchemas.js';

/**
 * One response schema per route of the map (shared/protocol/rest.ts): the
 * `data` of a successful answer (the whole body for /api/health). Downloads
 * answer a file and have none. The mapped type below makes a missing route,
 * or a schema whose output is not the map's `res`, a compile error.
 */
const user = obj({ user: publicUserSchema });
const prefs = obj({ prefs: obj({ columnWidths: perLang(int) }) });
const diffPart = obj({ op: z.enum(['equal', 'insert', 'delete']), text: str });
const origin = z.enum(['document', 'tmx']);
const tmMatch = obj({
  entryId: str,
  score: int,
  via: z.enum(['source', 'pivot']),
  matchLang: langSchema,
  matchText: str,
  diff: z.array(diffPart),
  targetLang: langSchema,
  targetText: str,
  origin,
  docId: nullable(str),
  docTitle: nullable(str),
  at,
});
const concordanceHit = obj({
  entryId: str,
  lang: langSchema,
  ranges: z.array(rangeSchema),
  texts: perLang(str),
  origin,
  docTitle: nullable(str),
});
const glossaryTerm = obj({ ...glossarySchema.shape.terms.element.shape, id: str, updatedAt: at, updatedBy: str });
const shareLink = obj({ id: str, docId: str, createdAt: at, createdBy: str, expiresAt: nullable(str) });
const readerDocument = obj({
  title: str,
  sourceLang: langSchema,
  langs: z.array(langSchema),
  paragraphs: z.array(obj({ id: str, texts: perLang(nullable(str)) })),
});
const importResult = obj({
  seq: int,
  edited: int,
  unchanged: int,
  review: z.array(str),
  warnings: z.array(importProblemSchema),
  matched: obj({ id: int, reference: int, source: int, unmatched: int }).optional(),
});

export type ResponseSchemas = { [K in Exclude<RouteKey, DownloadRoute>]: z.ZodType<RouteRes<K>> };

export const responseSchemas = {
  'GET /api/health': obj({ ok: z.literal(true), version: str }),
  'POST /api/auth/login': user,
  'POST /api/auth/logout': z.null(),
  'GET /api/auth/me': user,
  'POST /api/auth/password': user,
  'GET /api/documents': obj({ documents: z.array(documentSummarySchema) }),
  'POST /api/documents': obj({ document: documentSummarySchema }),
  'GET /api/documents/:docId': obj({ document: documentSnapshotSchema }),
  'DELETE /api/documents/:docId': z.null(),
  'GET /api/documents/:docId/cells/:paragraphId/:lang/history': cellHistorySchema,
  'GET /api/documents/:docId/activity': obj({ items: z.array(activityItemSchema) }),
  'GET /api/users': obj({ users: z.array(publicUserSchema) }),
  'POST /api/users': user,
  'PATCH /api/users/:userId': user,
  'GET /api/users/directory': obj({ users: z.array(directoryEntrySchema) }),
  'GET /api/mentions': obj({ mentions: z.array(mentionSchema) }),
  'GET /api/prefs': prefs,
  'PATCH /api/prefs': prefs,
  'POST /api/tm/lookup': obj({ matches: z.array(tmMatch) }),
  'POST /api/tm/search': obj({ hits: z.array(concordanceHit) }),
  'POST /api/tm/import': obj({ added: int, skipped: int, duplicates: int }),
  'GET /api/tm/stats': obj({ entries: int, fromDocuments: int, fromTmx: int }),
  'POST /api/documents/:docId/pretranslate': obj({ seq: int, filled: z.array(obj({ paragraphId: str, lang: langSchema })) }),
  'GET /api/documents/:docId/checks': obj({ docId: str, seq: int, cells: z.array(cellFindingsSchema) }),
  'GET /api/glossary': obj({ terms: z.array(glossaryTerm) }),
  'POST /api/glossary': obj({ term: glossaryTerm }),
  'PUT /api/glossary/:termId': obj({ term: glossaryTerm }),
  'DELETE /api/glossary/:termId': z.null(),
  'POST /api/glossary/import': obj({ added: int, updated: int, total: int }),
  'POST /api/documents/:docId/shares': obj({ share: shareLink, token: str }),
  'GET /api/documents/:docId/shares': obj({ shares: z.array(shareLink) }),
  'DELETE /api/documents/:docId/shares/:shareId': z.null(),
  'GET /api/public/share/:token': obj({ document: readerDocument }),
  'POST /api/import/parse': obj({ paragraphs: z.array(str), report: importReportSchema, title: nullable(str), keepsLayout: z.boolean() }),
  'POST /api/documents/from-file': obj({ document: documentSummarySchema, report: importReportSchema, keepsLayout: z.boolean() }),
  'GET /api/documents/:docId/source-file': obj({ name: str, format: z.enum(['docx', 'html', 'md', 'po']), createdAt: at, paragraphs: int }),
  'POST /api/documents/:docId/import/translation/preview': obj({
    lang: langSchema,
    target: z.array(str),
    links: z.array(obj({ paragraphIds: z.array(str), target: z.array(int), score: z.number(), low: z.boolean() })),
    report: importReportSchema,
  }),
  'POST /api/documents/:docId/import/translation/commit': importResult,
  'POST /api/documents/:docId/import/xliff': importResult,
  'POST /api/import/document': obj({
    docId: str,
    title: str,
    format: z.enum(['xliff2', 'xliff12', 'po', 'tmx']),
    paragraphs: int,
    translated: int,
    warnings: z.array(importProblemSchema),
    keepsOriginal: z.boolean(),
  }),
} satisfies ResponseSchemas;

/** The routes whose answer is a file: no JSON schema, a download on success. */
export const DOWNLOAD_ROUTES = [
  'GET /api/glossary/export/:format',
  'GET /api/documents/:docId/export',
] as const satisfies readonly DownloadRoute[];
