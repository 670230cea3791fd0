import { z } from 'zod';
import type { WireFile } from './wireFile.js';
import type { Lang } from '../languages.js';
import { LANGS } from '../languages.js';
import { wellFormedText } from '../text/wellFormed.js';
import type { JunkCounts } from '../interchange/clean.js';
import type { LanguageCheck } from '../interchange/detect.js';
import { MAX_PARAGRAPHS } from './limits.js';
import { EXPORT_FORMATS, EXPORT_MODES, SOURCE_FORMATS, UNTRANSLATED_POLICIES } from '../interchange/formats.js';
import type { DocumentSummary } from './dto.js';
import type { SourceFormat } from '../interchange/formats.js';

export {
  COMMIT_MEDIA_TYPE,
  EXPORT_FORMATS,
  EXPORT_MODES,
  MAX_DOCX_RATIO,
  MAX_DOCX_UNCOMPRESSED_BYTES,
  MAX_UPLOAD_BYTES,
  SOURCE_EXTENSIONS,
  SOURCE_FORMATS,
  UNTRANSLATED_POLICIES,
} from '../interchange/formats.js';
export type { ExportFormat, ExportMode, SourceFormat, UntranslatedPolicy } from '../interchange/formats.js';

/**
 * Import and export on the wire (docs/protocol.md, "Import and export").
 * Uploads are raw request bodies (`application/octet-stream`), never JSON or
 * multipart: the server counts bytes as they stream in and stops at
 * MAX_UPLOAD_BYTES, and what a file is comes from `name`/`format` in the query.
 * Query strings are validated by the zod schemas below like any body.
 */
const langSchema = z.enum(LANGS);
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

const fileName = wellFormedText().trim().min(1).max(255);
const langList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(langSchema).min(1).max(5));

const flag = z
  .enum(['0', '1'])
  .optional()
  .transform((v) => v === '1');

/** POST /api/import/parse?name=…&lang=…[&format=…][&keepNav=1] — a source file to paragraphs (nothing written). */
export const parseSourceQuery = z.object({
  name: fileName,
  lang: langSchema,
  /** Overrides the file name's extension. */
  format: z.enum(SOURCE_FORMATS).optional(),
  /** HTML: keep <nav> menus as paragraphs (left out by default). */
  keepNav: flag,
});
export type ParseSourceQuery = z.infer<typeof parseSourceQuery>;

/** What the importer did to a file's text, for the person importing it. */
export interface ImportReport {
  format: SourceFormat;
  paragraphs: number;
  /** Invisible characters removed, by kind (shared/interchange/clean.ts). */
  removed: JunkCounts;
  /** The declared language against the detected one; a mismatch is a warning, not a refusal. */
  language: LanguageCheck;
}

export interface ParsedSourceDto {
  /** The paragraphs as plain text (inline codes left out). */
  paragraphs: string[];
  report: ImportReport;
  /** The file's own title (first H1 / Title paragraph, HTML <title>, front matter `title:`), to suggest for a new document. */
  title: string | null;
  /** DOCX, HTML and Markdown: a document created from the file (POST /api/documents/from-file) can be exported as the same file. */
  keepsLayout: boolean;
}

/**
 * POST /api/documents/from-file?name=…&sourceLang=…&targetLangs=…[&title=…][&format=…][&keepNav=1]
 * — a new document from a source file, keeping the file (DOCX, HTML, Markdown) to export it
 * translated as the same file. The title defaults to the file's own (H1, <title>, front matter), else its name.
 */
export const createFromFileQuery = z.object({
  name: fileName,
  title: z.string().trim().min(1).max(300).optional(),
  sourceLang: langSchema,
  targetLangs: langList,
  format: z.enum(SOURCE_FORMATS).optional(),
  keepNav: flag,
});
export type CreateFromFileQuery = z.input<typeof createFromFileQuery>;

export interface CreatedFromFileDto {
  document: DocumentSummary;
  report: ImportReport;
  /** Whether the file was kept for the export as the original (DOCX, HTML, Markdown). */
  keepsLayout: boolean;
}

/** GET /api/documents/:docId/source-file — the file a document was imported from (404 no_source_file if none). */
export interface SourceFileDto {
  name: string;
  /** po: a PO/POT file a document was made from (POST /api/import/document). */
  format: 'docx' | 'html' | 'md' | 'po';
  createdAt: string;
  /** Paragraphs the file had at import. */
  paragraphs: number;
}

/** POST /api/documents/:docId/import/translation/preview?name=…&lang=… */
export const translationPreviewQuery = z.object({ name: fileName, lang: langSchema, format: z.enum(SOURCE_FORMATS).optional() });
export type TranslationPreviewQuery = z.infer<typeof translationPreviewQuery>;

/** One link of an alignment by paragraph id: several ids or targets make a merge, none a gap. */
export interface IdLink {
  paragraphIds: string[];
  /** Indexes into the translation's paragraphs, ascending. */
  target: number[];
}

export interface PreviewLink extends IdLink {
  /** The aligner's confidence, 0..1 (a ranking). */
  score: number;
  /** Worth a look: a weak score, a merge, or text with no source. */
  low: boolean;
}

export interface TranslationPreviewDto {
  lang: Lang;
  /** The translation's paragraphs, cleaned; `links[].target` index into these. */
  target: string[];
  links: PreviewLink[];
  report: ImportReport;
}

/** POST /api/documents/:docId/import/translation/commit — the (edited) alignment to apply. */
export const translationCommitBody = z.object({
  lang: langSchema,
  target: z.array(wellFormedText()).min(1).max(MAX_PARAGRAPHS),
  links: z
    .array(z.object({ paragraphIds: z.array(id).max(MAX_PARAGRAPHS), target: z.array(z.number().int().nonnegative()).max(MAX_PARAGRAPHS) }))
    .max(MAX_PARAGRAPHS * 2),
  /** The translation was already reviewed elsewhere: import the cells as approved instead of as drafts. */
  approved: z.boolean().default(false),
});
export type TranslationCommitBody = z.input<typeof translationCommitBody>;

export interface ImportResultDto {
  /** The document's seq after the import (unchanged when nothing was edited). */
  seq: number;
  /** Cells the import changed (a new text, or the file's status on the same text). */
  edited: number;
  /** Cells of the file that already held its text and status (nothing written for them). */
  unchanged: number;
  /** Paragraph ids a person should check (merged texts, unmatched text appended). */
  review: string[];
  /** Non-fatal remarks (e.g. an XLIFF unit whose source no longer matches). */
  warnings: ImportProblemDto[];
  /** XLIFF/PO: how the file's units found their paragraphs (by unit id, by reference/context, by source text). */
  matched?: { id: number; reference: number; source: number; unmatched: number };
}

/** A rule an imported interchange file broke (or a remark), as the importer names it. */
export interface ImportProblemDto {
  rule: string;
  message: string;
  where?: string;
}

/**
 * POST /api/documents/:docId/import/xliff?name=…[&lang=…] — XLIFF 2.x / 1.2 or gettext PO back into the
 * document (units matched by id, reference or source text). `lang` names the target language when the file does not.
 */
export const xliffImportQuery = z.object({
  name: fileName.optional(),
  approved: z.enum(['0', '1']).optional(),
  lang: langSchema.optional(),
});

/**
 * POST /api/import/document?name=…[&title=…&sourceLang=…&targetLangs=…&lang=…] — a new document from an
 * XLIFF, TMX or PO file, with the file's paragraph ids, translations and statuses. Languages the file does
 * not name come from the query; `targetLangs` defaults to the languages the file has.
 */
export const interchangeDocumentQuery = z.object({
  name: fileName,
  title: z.string().trim().min(1).max(300).optional(),
  sourceLang: langSchema.optional(),
  targetLangs: langList.optional(),
  lang: langSchema.optional(),
});
export type InterchangeDocumentQuery = z.input<typeof interchangeDocumentQuery>;

export interface InterchangeDocumentDto {
  /** The new document. */
  docId: string;
  title: string;
  format: 'xliff2' | 'xliff12' | 'po' | 'tmx';
  paragraphs: number;
  /** Cells filled from the file's translations. */
  translated: number;
  warnings: ImportProblemDto[];
  /** A PO/POT file kept for the export as the original (format=original writes it back translated). */
  keepsOriginal: boolean;
}

/** GET /api/documents/:docId/export?format=…&langs=…&mode=… */
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** xliff2/xliff12/md/original: exactly one language; html: the columns in order; tmx: ignored (all approved pairs). */
  langs: langList.optional(),
  mode: z.enum(EXPORT_MODES).default('approved'),
  /** original: an untranslated paragraph keeps its source text (default), or `refuse` fails the export (export_incomplete). */
  untranslated: z.enum(UNTRANSLATED_POLICIES).default('source'),
});
export type ExportQuery = z.input<typeof exportQuery>;

export const docIdOnly = z.object({ docId: id });

/** The routes of this file, merged into RestRoutes (uploads: `body` is the file's bytes; `query` is what the client sends). */
export interface InterchangeRoutes {
  'POST /api/import/parse': { body: WireFile; query: z.input<typeof parseSourceQuery>; res: ParsedSourceDto };
  'POST /api/documents/from-file': { body: WireFile; query: CreateFromFileQuery; res: CreatedFromFileDto };
  'GET /api/documents/:docId/source-file': { body: never; res: SourceFileDto };
  'POST /api/documents/:docId/import/translation/preview': {
    body: WireFile;
    query: z.input<typeof translationPreviewQuery>;
    res: TranslationPreviewDto;
  };
  /** Sent as COMMIT_MEDIA_TYPE (read under the upload cap) or plain JSON. */
  'POST /api/documents/:docId/import/translation/commit': { body: TranslationCommitBody; res: ImportResultDto };
  'POST /api/documents/:docId/import/xliff': { body: WireFile; query: z.input<typeof xliffImportQuery>; res: ImportResultDto };
  'POST /api/import/document': { body: WireFile; query: InterchangeDocumentQuery; res: InterchangeDocumentDto };
  /** A file download on success; a Result envelope on error. */
  'GET /api/documents/:docId/export': { body: never; query: ExportQuery; res: WireFile };
}
