import type { Lang } from '../../../shared/languages.js';
import { downloadUrl, request } from './http.js';

/** REST calls of the translation aids (memory, concordance, glossary, checks, pre-translation). */
export const aidsApi = {
  lookup: (docId: string, paragraphId: string, lang: Lang, limit = 3) =>
    request('POST /api/tm/lookup', { body: { docId, paragraphId, lang, limit } }),
  search: (q: string, lang?: Lang) => request('POST /api/tm/search', { body: lang ? { q, lang } : { q } }),
  glossary: () => request('GET /api/glossary'),
  checks: (docId: string) => request('GET /api/documents/:docId/checks', { params: { docId } }),
  pretranslate: (docId: string, langs?: Lang[]) =>
    request('POST /api/documents/:docId/pretranslate', { params: { docId }, body: langs ? { langs } : {} }),
  importGlossary: (format: 'csv' | 'tbx', content: string, mode: 'merge' | 'replace') =>
    request('POST /api/glossary/import', { body: { format, content, mode } }),
  importTmx: (content: string, name: string) => request('POST /api/tm/import', { body: { content, name } }),
  /** A plain link: the browser downloads the file with the session cookie. */
  glossaryExportUrl: (format: 'csv' | 'tbx') => downloadUrl('GET /api/glossary/export/:format', { params: { format } }),
};

export type AidsApi = typeof aidsApi;
