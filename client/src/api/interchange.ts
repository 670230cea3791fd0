import type { Lang } from '../../../shared/languages.js';
import { COMMIT_MEDIA_TYPE } from '../../../shared/interchange/formats.js';
import type { ExportFormat, ExportMode, TranslationCommitBody, UntranslatedPolicy } from '../../../shared/protocol/interchange.js';
import { downloadUrl, fetchDownload, request } from './http.js';

/**
 * Import and export calls, through the one `request()`: uploads send the
 * file's raw bytes (the server streams them under a cap; see
 * shared/protocol/interchange.ts) and exports are plain download links.
 */
const keepNav = (on: boolean | undefined): { keepNav?: '1' } => (on ? { keepNav: '1' } : {});
const langList = (langs: readonly Lang[]): string | undefined => (langs.length ? langs.join(',') : undefined);

export const interchangeApi = {
  parseSource: (file: Blob, name: string, lang: Lang, opts: { keepNav?: boolean } = {}) =>
    request('POST /api/import/parse', { query: { name, lang, ...keepNav(opts.keepNav) }, body: file }),
  /** A new document from the file itself, which the server keeps for the export as the original. */
  createFromFile: (file: Blob, name: string, body: { title: string; sourceLang: Lang; targetLangs: readonly Lang[]; keepNav?: boolean }) =>
    request('POST /api/documents/from-file', {
      query: { name, title: body.title, sourceLang: body.sourceLang, targetLangs: body.targetLangs.join(','), ...keepNav(body.keepNav) },
      body: file,
    }),
  sourceFile: (docId: string) => request('GET /api/documents/:docId/source-file', { params: { docId } }),
  previewTranslation: (docId: string, file: Blob, name: string, lang: Lang) =>
    request('POST /api/documents/:docId/import/translation/preview', { params: { docId }, query: { name, lang }, body: file }),
  commitTranslation: (docId: string, body: TranslationCommitBody) =>
    request('POST /api/documents/:docId/import/translation/commit', { params: { docId }, body, contentType: COMMIT_MEDIA_TYPE }),
  importXliff: (docId: string, file: Blob, name: string, lang?: Lang) =>
    request('POST /api/documents/:docId/import/xliff', { params: { docId }, query: { name, lang }, body: file }),
  /** A new document from an XLIFF, TMX or PO file; languages the file names win, these fill in the rest. */
  createFromInterchangeFile: (
    file: Blob,
    name: string,
    opts: { sourceLang?: Lang | undefined; lang?: Lang | undefined; targetLangs: readonly Lang[] },
  ) =>
    request('POST /api/import/document', {
      query: { name, sourceLang: opts.sourceLang, lang: opts.lang, targetLangs: langList(opts.targetLangs) },
      body: file,
    }),
  /** A plain link: the browser downloads the file with the session cookie. */
  exportUrl: (docId: string, format: ExportFormat, langs: readonly Lang[], mode: ExportMode, untranslated: UntranslatedPolicy = 'source') =>
    downloadUrl('GET /api/documents/:docId/export', {
      params: { docId },
      query: { format, mode, langs: langList(langs), ...(format === 'original' ? { untranslated } : {}) },
    }),
  /** An export fetched (not followed as a link), so that a refusal comes back as a coded error. */
  fetchExport: (url: string) => fetchDownload(url),
};

export type InterchangeApi = typeof interchangeApi;
