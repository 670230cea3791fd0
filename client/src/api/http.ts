import type { RestRoutes } from '../../../shared/index.js';
import type { CallResult } from '../modules/sync/transport.js';

type Route = keyof RestRoutes;
type PathParams = Record<string, string>;

/**
 * The one place that calls `fetch`. Route keys come from shared/protocol/rest.ts,
 * so the body and the result type follow the contract; anything that is not a
 * Result envelope (a proxy error page, a crash) becomes `internal`, and a
 * failed fetch becomes `network` — components only ever see coded results.
 */
export async function request<R extends Route>(
  route: R,
  opts: { params?: PathParams; body?: RestRoutes[R]['body'] } = {},
): Promise<CallResult<RestRoutes[R]['res']>> {
  const [method, template] = route.split(' ') as [string, string];
  const path = template.replace(/:(\w+)/gu, (_, name: string) => encodeURIComponent(opts.params?.[name] ?? ''));
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        opts.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
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
  if (isResult(parsed)) return parsed as CallResult<RestRoutes[R]['res']>;
  return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}: not a Result envelope` } };
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
  createDocument: (body: RestRoutes['POST /api/documents']['body']) => request('POST /api/documents', { body }),
};
