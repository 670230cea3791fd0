import type { Lang } from '../../../shared/languages.js';
import { COMMIT_MEDIA_TYPE } from '../../../shared/interchange/formats.js';
import type {
  CreatedFromFileDto,
  ExportFormat,
  ExportMode,
  ImportResultDto,
  ParsedSourceDto,
  SourceFileDto,
  TranslationCommitBody,
  TranslationPreviewDto,
  UntranslatedPolicy,
} from '../../../shared/protocol/interchange.js';
import type { CallResult } from '../modules/sync/transport.js';

/**
 * Import and export calls. They live beside http.ts rather than in it because
 * uploads send the file's raw bytes (the server streams them under a cap; see
 * shared/protocol/interchange.ts) and exports are downloads, not JSON; the
 * Result handling is the same: components only ever see coded results.
 */
async function send<T>(method: string, path: string, body: Blob | string | undefined, contentType?: string): Promise<CallResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}) },
      ...(body === undefined ? {} : { body }),
    });
  } catch {
    return { ok: false, error: { code: 'network', message: 'fetch failed' } };
  }
  try {
    const parsed = (await res.json()) as CallResult<T>;
    if (typeof parsed === 'object' && parsed !== null && 'ok' in parsed) return parsed;
  } catch {
    // fall through
  }
  return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}: not a Result envelope` } };
}

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();
const doc = (docId: string): string => `/api/documents/${encodeURIComponent(docId)}`;
const OCTET = 'application/octet-stream';

const flag = (on: boolean | undefined): Record<string, string> => (on ? { keepNav: '1' } : {});

export const interchangeApi = {
  parseSource: (file: Blob, name: string, lang: Lang, opts: { keepNav?: boolean } = {}) =>
    send<ParsedSourceDto>('POST', `/api/import/parse?${q({ name, lang, ...flag(opts.keepNav) })}`, file, OCTET),
  /** A new document from the file itself, which the server keeps for the export as the original. */
  createFromFile: (file: Blob, name: string, body: { title: string; sourceLang: Lang; targetLangs: readonly Lang[]; keepNav?: boolean }) =>
    send<CreatedFromFileDto>(
      'POST',
      `/api/documents/from-file?${q({ name, title: body.title, sourceLang: body.sourceLang, targetLangs: body.targetLangs.join(','), ...flag(body.keepNav) })}`,
      file,
      OCTET,
    ),
  sourceFile: (docId: string) => send<SourceFileDto>('GET', `${doc(docId)}/source-file`, undefined),
  previewTranslation: (docId: string, file: Blob, name: string, lang: Lang) =>
    send<TranslationPreviewDto>('POST', `${doc(docId)}/import/translation/preview?${q({ name, lang })}`, file, OCTET),
  commitTranslation: (docId: string, body: TranslationCommitBody) =>
    send<ImportResultDto>('POST', `${doc(docId)}/import/translation/commit`, JSON.stringify(body), COMMIT_MEDIA_TYPE),
  importXliff: (docId: string, file: Blob, name: string) =>
    send<ImportResultDto>('POST', `${doc(docId)}/import/xliff?${q({ name })}`, file, OCTET),
  /** A plain link: the browser downloads the file with the session cookie. */
  exportUrl: (docId: string, format: ExportFormat, langs: readonly Lang[], mode: ExportMode, untranslated: UntranslatedPolicy = 'source') =>
    `${doc(docId)}/export?${q({ format, mode, ...(langs.length ? { langs: langs.join(',') } : {}), ...(format === 'original' ? { untranslated } : {}) })}`,
};

export type InterchangeApi = typeof interchangeApi;
