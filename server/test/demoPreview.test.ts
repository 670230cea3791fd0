import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSnapshot } from '../../shared/index.js';
import type { TranslationPreviewDto } from '../../shared/protocol/interchange.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { upload } from './helpers/upload.js';

/**
 * Issue 11: importing a faithful translation of the demo flagged 8 of 11
 * correct rows "Check this link". The demo document as a fresh install has it,
 * and its translations written for the held-out set (fixtures/align/).
 */
describe('translation preview of the demo document', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => server.stop());

  it.each(['zh', 'ru', 'kk', 'uz'] as const)(
    'links every paragraph of a faithful %s translation to its own, none flagged',
    async (lang) => {
      const demo = (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${server.demoDocId}`, { cookie }))
        .document;
      const text = await readFile(new URL(`./fixtures/align/summit.${lang}.txt`, import.meta.url));
      const r = await upload<TranslationPreviewDto>(
        server.url,
        `/api/documents/${server.demoDocId}/import/translation/preview?name=summit.txt&lang=${lang}`,
        cookie,
        text,
      );
      if (!r.body.ok) throw new Error(JSON.stringify(r.body));
      expect(r.body.data.links.map((l) => [l.paragraphIds, l.target])).toEqual(demo.paragraphs.map((p, i) => [[p.id], [i]]));
      expect(r.body.data.links.filter((l) => l.low)).toEqual([]);
    },
  );
});
