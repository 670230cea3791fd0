import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, DocumentSummary, RouteKey } from '../../shared/index.js';
import type { ParsedSourceDto, TranslationPreviewDto } from '../../shared/protocol/interchange.js';
import { ROUTE_KEYS, routeOf } from './helpers/contract.js';
import { login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { upload } from './helpers/upload.js';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="paragraph" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>The reservoir is full.</seg></tuv><tuv xml:lang="ru"><seg>Водохранилище полно.</seg></tuv></tu></body></tmx>`;

/**
 * Every route of the map, called once on a real server in an order that
 * makes each succeed; every answer goes through the test helpers, which
 * parse it with its route's strict response schema (helpers/contract.ts).
 * The walk must cover the whole map, so a new route needs a step here.
 */
describe('every route answers what its response schema declares', () => {
  let server: TestServer;
  let cookie = '';
  const walked = new Set<RouteKey>();

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop({ remove: true }));

  async function call<T>(method: string, path: string, json?: unknown, as = cookie): Promise<T> {
    const r = await request<T>(server.url, method, path, { cookie: as, ...(json === undefined ? {} : { json }) });
    if (!r.body.ok) throw new Error(`${method} ${path}: ${r.body.error.code} ${r.body.error.message}`);
    walked.add(routeOf(method, path) ?? (`${method} ${path}` as RouteKey));
    return r.body.data;
  }
  async function send<T>(path: string, bytes: string): Promise<T> {
    const r = await upload<T>(server.url, path, cookie, bytes);
    if (!r.body.ok) throw new Error(`POST ${path}: ${r.body.error.code} ${r.body.error.message}`);
    walked.add(routeOf('POST', path) ?? (`POST ${path}` as RouteKey));
    return r.body.data;
  }
  async function download(path: string): Promise<string> {
    const res = await fetch(server.url + path, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/u);
    walked.add(routeOf('GET', path) ?? (`GET ${path}` as RouteKey));
    return res.text();
  }

  it('walks the whole map', async () => {
    await call('GET', '/api/health', undefined, '');
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    await call('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    await call('GET', '/api/auth/me');
    await call('GET', '/api/documents');
    const created = await call<{ document: DocumentSummary }>('POST', '/api/documents', {
      title: 'Walk',
      sourceLang: 'en',
      targetLangs: ['ru'],
      paragraphs: ['The reservoir is full.', 'The summit was held in Astana.'],
    });
    const docId = created.document.id;
    const doc = (await call<{ document: DocumentSnapshot }>('GET', `/api/documents/${docId}`)).document;
    const [p0, p1] = doc.paragraphs.map((p) => p.id);
    await call('GET', `/api/documents/${docId}/cells/${p0}/en/history`);
    await call('GET', `/api/documents/${docId}/activity`);

    await call('GET', '/api/users');
    const user = await call<{ user: { id: string } }>('POST', '/api/users', {
      username: 'walker',
      password: 'walker-password',
      roles: { ru: 'translator' },
    });
    await call('PATCH', `/api/users/${user.user.id}`, { displayName: 'Walker' });
    await call('GET', '/api/users/directory');
    await call('GET', '/api/mentions');
    await call('GET', '/api/prefs');
    await call('PATCH', '/api/prefs', { columnWidths: { ru: 400 } });

    await call('POST', '/api/tm/import', { content: TMX, name: 'walk.tmx' });
    await call('POST', '/api/tm/lookup', { docId, paragraphId: p0, lang: 'ru' });
    await call('POST', '/api/tm/search', { q: 'reservoir' });
    await call('GET', '/api/tm/stats');
    await call('POST', `/api/documents/${docId}/pretranslate`, {});
    await call('GET', `/api/documents/${docId}/checks`);

    await call('GET', '/api/glossary');
    const term = await call<{ term: { id: string } }>('POST', '/api/glossary', { en: 'summit', ru: 'саммит' });
    await call('PUT', `/api/glossary/${term.term.id}`, { en: 'summit', ru: 'встреча на высшем уровне' });
    await call('POST', '/api/glossary/import', { format: 'csv', content: 'en,ru\nreservoir,водохранилище\n' });
    expect(await download('/api/glossary/export/csv')).toContain('reservoir');
    await call('DELETE', `/api/glossary/${term.term.id}`);

    const share = await call<{ share: { id: string }; token: string }>('POST', `/api/documents/${docId}/shares`, {});
    await call('GET', `/api/documents/${docId}/shares`);
    await call('GET', `/api/public/share/${share.token}`, undefined, '');
    await call('DELETE', `/api/documents/${docId}/shares/${share.share.id}`);

    const parsed = await send<ParsedSourceDto>('/api/import/parse?name=walk.md&lang=en', '# Walk\n\nThe reservoir is full.\n');
    expect(parsed.keepsLayout).toBe(true);
    const fromFile = await send<{ document: DocumentSummary }>(
      '/api/documents/from-file?name=walk.md&sourceLang=en&targetLangs=ru',
      '# Walk\n\nThe reservoir is full.\n',
    );
    await call('GET', `/api/documents/${fromFile.document.id}/source-file`);
    const preview = await send<TranslationPreviewDto>(
      `/api/documents/${docId}/import/translation/preview?name=ru.txt&lang=ru`,
      'Водохранилище полно.\n\nСаммит прошёл в Астане.\n',
    );
    await call('POST', `/api/documents/${docId}/import/translation/commit`, {
      lang: 'ru',
      target: preview.target,
      links: preview.links.map(({ paragraphIds, target }) => ({ paragraphIds, target })),
    });
    const xliff = await download(`/api/documents/${docId}/export?format=xliff2&langs=ru&mode=latest`);
    await send(`/api/documents/${docId}/import/xliff?name=walk.xlf`, xliff);
    await send('/api/import/document?name=walk.xlf', xliff);
    expect(p1).toBeDefined();

    await call('DELETE', `/api/documents/${docId}`);
    await call('POST', '/api/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'a-new-admin-password' });
    // This session continued under a fresh id; signing in again is the simplest way to hold its cookie.
    cookie = await login(server.url, 'admin', 'a-new-admin-password');
    await call('POST', '/api/auth/logout');

    expect([...walked].sort()).toEqual([...ROUTE_KEYS].sort());
  });
});
