import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/index.js';
import { exportTmx } from '../src/interchange/tmx/export.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { cell, makeDoc, paragraph } from './helpers/testDoc.js';
import { upload } from './helpers/upload.js';

/** One import limit (ANOR_MAX_IMPORT_BYTES → createApp's maxImportBytes) for every route a file comes in by. */
describe('the import limit applies to every import route', () => {
  const LIMIT = 2048;
  let server: TestServer;
  let cookie: string;
  let docId: string;
  const big = 'Astana hosted the summit. '.repeat(100);

  beforeAll(async () => {
    server = await startServer({ maxImportBytes: LIMIT });
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    docId = (
      await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
        cookie,
        json: { title: 'Summit', sourceLang: 'en', targetLangs: ['ru'], paragraphs: ['One.', 'Two.'] },
      })
    ).document.id;
  });
  afterAll(() => server.stop());

  it.each([
    ['source file', '/api/import/parse?name=a.txt&lang=en'],
    ['translation preview', '/api/documents/DOC/import/translation/preview?name=a.txt&lang=ru'],
    ['XLIFF', '/api/documents/DOC/import/xliff?name=a.xlf'],
    ['TMX upload', '/api/tm/import?name=a.tmx'],
  ])('%s over the limit: payload_too_large (413)', async (_, path) => {
    const r = await upload(server.url, path.replace('DOC', docId), cookie, big);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'payload_too_large', details: { limit: LIMIT } } });
  });

  it('a TMX or glossary sent inside JSON is held to the same limit', async () => {
    for (const [path, json] of [
      ['/api/tm/import', { content: big, name: 'a.tmx' }],
      ['/api/glossary/import', { format: 'csv', content: big }],
    ] as const) {
      const res = await fetch(server.url + path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    }
  });

  it('a TMX under the limit imports as an upload', async () => {
    const tmx = exportTmx(makeDoc([paragraph('p_1', { en: cell('Good morning', 'draft'), ru: cell('Доброе утро', 'approved') })]));
    expect(Buffer.byteLength(tmx)).toBeLessThan(LIMIT);
    const r = await upload(server.url, '/api/tm/import?name=small.tmx', cookie, tmx);
    expect(r.body).toMatchObject({ ok: true, data: { added: 1 } });
  });
});
