/**
 * Import/export constants without zod, so the browser can import them by file
 * without pulling the schema library into its bundle (shared/protocol/interchange.ts
 * re-exports them beside the schemas).
 */
/** Largest uploaded file. A book-length DOCX is a few MB; anything near this is a mistake or an attack. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
/** A DOCX is a zip: refused before expansion if its parts add up to more than this … */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** … or expand more than this many times (text XML compresses ~5–20×; bombs ~1000×). */
export const MAX_DOCX_RATIO = 100;

export const SOURCE_FORMATS = ['txt', 'md', 'html', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
/** The file name extensions the source importer reads, and the format each names (the browser's file picker offers these). */
export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
};
/** `original`: the DOCX, HTML or Markdown file the document was imported from, with the translation in place. */
export const EXPORT_FORMATS = ['xliff2', 'xliff12', 'po', 'tmx', 'html', 'md', 'original'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** `approved`: only approved texts (readers' view, the default); `latest`: whatever is in the cells now. */
export const EXPORT_MODES = ['approved', 'latest'] as const;
export type ExportMode = (typeof EXPORT_MODES)[number];
/** Export of the original: an untranslated paragraph keeps its source text (`source`), or the export is refused (`refuse`). */
export const UNTRANSLATED_POLICIES = ['source', 'refuse'] as const;
export type UntranslatedPolicy = (typeof UNTRANSLATED_POLICIES)[number];

/**
 * The commit's media type: JSON, but not `application/json`, so that it is
 * read under MAX_UPLOAD_BYTES (it carries the whole translation) instead of
 * the 4 MB cap of ordinary JSON bodies. Plain JSON under 4 MB is accepted too.
 */
export const COMMIT_MEDIA_TYPE = 'application/vnd.anor.import-commit+json';
