import { z } from 'zod';
import type { WireFile } from './wireFile.js';
import type { Lang } from '../languages.js';
import { glossarySchema } from '../qa/glossarySchema.js';
import type { CellFindings } from '../qa/document.js';
import type { GlossaryTerm } from '../qa/types.js';
import { langSchema } from './schemas.js';
import { MAX_JSON_BODY_BYTES } from './limits.js';
import { wellFormedText } from '../text/wellFormed.js';

/**
 * Translation aids on the wire: memory lookup, concordance, pre-translation,
 * glossary and whole-document checks. Bodies are zod schemas (validated at the
 * edge, unknown fields stripped); responses are the DTOs below inside the
 * usual `Result` envelope.
 */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

// ---- Translation memory ----

export const TM_MAX_MATCHES = 10;
/** Matches under this score are noise for a translator; the editor shows none of them. */
export const TM_MIN_SCORE = 50;

export const tmLookupBody = z.object({
  docId: id,
  paragraphId: id,
  /** The language being translated (the focused cell's column). */
  lang: langSchema,
  limit: z.number().int().min(1).max(TM_MAX_MATCHES).default(3),
});
export type TmLookupBody = z.input<typeof tmLookupBody>;

/** One span of a match's text against the query: `equal`, only in the query (`delete`) or only in the match (`insert`). */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface TmMatch {
  /** Stable for the life of the entry; also the React key. */
  entryId: string;
  /** 0–100; 100 only for the same text (99 when only case, spacing or apostrophes differ). */
  score: number;
  /** `source` when matched on the document's source language, `pivot` on another approved translation in the row. */
  via: 'source' | 'pivot';
  matchLang: Lang;
  /** The memory's text in `matchLang`, and how it differs from the row's text in that language. */
  matchText: string;
  diff: DiffPart[];
  targetLang: Lang;
  targetText: string;
  origin: 'document' | 'tmx';
  docId: string | null;
  docTitle: string | null;
  at: string;
}

export const tmSearchBody = z.object({
  q: wellFormedText().trim().min(1).max(200),
  /** Search one language only; omitted: every language. */
  lang: langSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TmSearchBody = z.input<typeof tmSearchBody>;

export interface ConcordanceHit {
  entryId: string;
  /** The language the phrase was found in, and where (UTF-16 offsets into `texts[lang]`). */
  lang: Lang;
  ranges: { start: number; end: number }[];
  texts: Partial<Record<Lang, string>>;
  origin: 'document' | 'tmx';
  docTitle: string | null;
}

/** A TMX file as text; JSON keeps the one body parser (and its size cap) for every route. */
export const tmImportBody = z.object({
  content: wellFormedText().min(1).max(MAX_JSON_BODY_BYTES),
  name: wellFormedText().trim().min(1).max(200).optional(),
});
export type TmImportBody = z.infer<typeof tmImportBody>;
/** POST /api/tm/import?name=… with the TMX file's raw bytes as the body (read under the import limit). */
export const tmImportQuery = z.object({ name: z.string().trim().min(1).max(200).optional() });

export interface TmImportResult {
  added: number;
  /** Units with fewer than two languages Anor knows (or an unsupported script) are skipped. */
  skipped: number;
  /** Units the memory already held (the same texts in the same languages), from an earlier import or earlier in this file: not added again. */
  duplicates: number;
}

export interface TmStatsDto {
  entries: number;
  fromDocuments: number;
  fromTmx: number;
}

export const pretranslateBody = z.object({
  /** Target languages to fill; omitted: every target of the document. */
  langs: z.array(langSchema).min(1).max(5).optional(),
});
export type PretranslateBody = z.input<typeof pretranslateBody>;

export interface PretranslateResult {
  seq: number;
  filled: { paragraphId: string; lang: Lang }[];
}

// ---- Glossary ----

/** One term as a request body: the QA engine's term shape. */
export const glossaryTermBody = glossarySchema.shape.terms.element.refine(
  (t) => [t.en, t.zh, t.ru, t.kk, t.uz].some((x) => x !== undefined),
  { message: 'a term needs a rendering in at least one language' },
);
export type GlossaryTermBody = z.infer<typeof glossaryTermBody>;

export interface GlossaryTermDto extends GlossaryTerm {
  id: string;
  updatedAt: string;
  updatedBy: string;
}

export const GLOSSARY_FORMATS = ['csv', 'tbx'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

export const glossaryImportBody = z.object({
  format: z.enum(GLOSSARY_FORMATS),
  content: wellFormedText().min(1).max(MAX_JSON_BODY_BYTES),
  /** `merge` adds to the glossary (a term with the same English/source rendering is updated); `replace` starts over. */
  mode: z.enum(['merge', 'replace']).default('merge'),
});
export type GlossaryImportBody = z.input<typeof glossaryImportBody>;

export interface GlossaryImportResult {
  added: number;
  updated: number;
  total: number;
}

export const termIdParams = z.object({ termId: id });
export const glossaryExportParams = z.object({ format: z.enum(GLOSSARY_FORMATS) });

// ---- Checks ----

export interface DocumentChecksDto {
  docId: string;
  seq: number;
  cells: CellFindings[];
}

/** The aids' REST routes; merged into `RestRoutes`. */
export interface AidsRoutes {
  'POST /api/tm/lookup': { body: TmLookupBody; res: { matches: TmMatch[] } };
  'POST /api/tm/search': { body: TmSearchBody; res: { hits: ConcordanceHit[] } };
  /** JSON `{ content, name? }`, or the file's raw bytes with `?name=`. */
  'POST /api/tm/import': { body: TmImportBody | WireFile; query: z.input<typeof tmImportQuery>; res: TmImportResult };
  'GET /api/tm/stats': { body: never; res: TmStatsDto };
  'POST /api/documents/:docId/pretranslate': { body: PretranslateBody; res: PretranslateResult };
  'GET /api/documents/:docId/checks': { body: never; res: DocumentChecksDto };
  'GET /api/glossary': { body: never; res: { terms: GlossaryTermDto[] } };
  'POST /api/glossary': { body: GlossaryTermBody; res: { term: GlossaryTermDto } };
  'PUT /api/glossary/:termId': { body: GlossaryTermBody; res: { term: GlossaryTermDto } };
  'DELETE /api/glossary/:termId': { body: never; res: null };
  'POST /api/glossary/import': { body: GlossaryImportBody; res: GlossaryImportResult };
  /** Not an envelope: the file itself (text/csv or application/x-tbx+xml), as a download. */
  'GET /api/glossary/export/:format': { body: never; res: string };
}
