import { fillPath, splitRouteKey } from '../../../shared/protocol/routeKeys.js';
import type {
  DownloadRoute,
  RouteBody,
  RouteKey,
  RouteParamName,
  RouteParams,
  RouteQuery,
  RouteRes,
} from '../../../shared/protocol/routeKeys.js';
import type { CallResult } from '../modules/sync/transport.js';

/** What a call of `route` needs besides the key: path params, query and body, each only when the map has it. */
export type RequestOptions<R extends RouteKey> = ([RouteParamName<R>] extends [never] ? { params?: never } : { params: RouteParams<R> }) &
  ([RouteQuery<R>] extends [never]
    ? { query?: never }
    : Record<never, never> extends RouteQuery<R>
      ? { query?: RouteQuery<R> }
      : { query: RouteQuery<R> }) &
  ([RouteBody<R>] extends [never] ? { body?: never } : { body: RouteBody<R> }) & {
    /** The body's media type when it is not JSON's or a file's (the import commit's own type). */
    contentType?: string;
  };

type Optional<R extends RouteKey> = Record<never, never> extends RequestOptions<R> ? [opts?: RequestOptions<R>] : [opts: RequestOptions<R>];

/** Answered without the Result envelope: not for `request()`. */
type Bare = 'GET /api/health' | DownloadRoute;

const OCTET = 'application/octet-stream';
type Loose = { params?: Record<string, string>; query?: unknown; body?: unknown; contentType?: string };

/** The URL of a route: the key's path with its params filled in, and the query (unset values left out). */
export function routeUrl(route: RouteKey, opts: Loose = {}): string {
  const path = fillPath(splitRouteKey(route).path, opts.params ?? {});
  const query = typeof opts.query === 'object' && opts.query !== null ? opts.query : {};
  const entries = Object.entries(query).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  return entries.length === 0 ? path : `${path}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

/** A download's URL: a plain link, so the browser saves the file with the session cookie. */
export function downloadUrl<R extends DownloadRoute>(route: R, ...[opts]: Optional<R>): string {
  return routeUrl(route, opts ?? {});
}

/**
 * The one place that calls `fetch`. Route keys come from the shared route
 * map (shared/protocol/rest.ts), so params, query, body and the result type
 * follow the contract the server is typed by too. A JSON body is sent as
 * JSON, a file (Blob) as its raw bytes. Anything that is not a Result
 * envelope (a proxy error page, a crash) becomes `internal`, and a failed
 * fetch becomes `network` — components only ever see coded results.
 */
export async function request<R extends Exclude<RouteKey, Bare>>(route: R, ...[opts]: Optional<R>): Promise<CallResult<RouteRes<R>>> {
  const o: Loose = opts ?? {};
  const file = o.body instanceof Blob;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = o.contentType ?? (file ? OCTET : 'application/json');
  let res: Response;
  try {
    res = await fetch(routeUrl(route, o), {
      method: splitRouteKey(route).method,
      credentials: 'same-origin',
      headers,
      ...(o.body === undefined ? {} : { body: file ? (o.body as Blob) : JSON.stringify(o.body) }),
    });
  } catch {
    return { ok: false, error: { code: 'network', message: 'fetch failed' } };
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${res.status} without a JSON body` } };
  }
  if (isResult(parsed)) return parsed as CallResult<RouteRes<R>>;
  return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}: not a Result envelope` } };
}

/** A file a download route answered with, and the name the server gave it (Content-Disposition). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/**
 * A download fetched rather than followed as a link, for exports the server
 * may refuse (the original file with untranslated paragraphs refused): a
 * link would leave the user on a page of JSON, this gives the coded error to
 * show instead. A file comes back as a Blob with its name.
 */
export async function fetchDownload(url: string): Promise<CallResult<DownloadedFile>> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    return { ok: false, error: { code: 'network', message: 'fetch failed' } };
  }
  if (res.ok && !(res.headers.get('content-type') ?? '').startsWith('application/json')) {
    return { ok: true, data: { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) } };
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${res.status} without a JSON body` } };
  }
  if (isResult(parsed) && (parsed as { ok: boolean }).ok === false) return parsed as CallResult<DownloadedFile>;
  return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}: not a file` } };
}

/** The file name of `attachment; filename="a.docx"; filename*=UTF-8''…`, the UTF-8 one first. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/iu.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename="([^"]*)"/iu.exec(disposition)?.[1] ?? null;
}

function isResult(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  const r = v as { ok: unknown; data?: unknown; error?: { code?: unknown } };
  return r.ok === true ? 'data' in r : r.ok === false && typeof r.error?.code === 'string';
}

export const api = {
  me: () => request('GET /api/auth/me'),
  login: (username: string, password: string) => request('POST /api/auth/login', { body: { username, password } }),
  logout: () => request('POST /api/auth/logout'),
  listDocuments: () => request('GET /api/documents'),
  cellHistory: (docId: string, paragraphId: string, lang: string) =>
    request('GET /api/documents/:docId/cells/:paragraphId/:lang/history', { params: { docId, paragraphId, lang } }),
  createDocument: (body: RouteBody<'POST /api/documents'>) => request('POST /api/documents', { body }),
};
