import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, PublicUser } from '../../shared/index.js';
import { decideImport } from '../src/services/interchange/decideImport.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';

describe('a restart on the same data dir', () => {
  it('keeps sessions (the secret is stored, mode 0600), users and documents, and does not bootstrap again', async () => {
    const first = await startServer();
    let cookie: string;
    try {
      cookie = await login(first.url, 'admin', ADMIN_PASSWORD);
      await data(first.url, 'POST', '/api/users', { cookie, json: { username: 'li', password: 'li-password' } });
      await data(first.url, 'DELETE', `/api/documents/${first.demoDocId}`, { cookie });
    } finally {
      await first.stop({ remove: false });
    }
    const secret = await stat(join(first.dataDir, 'session-secret'));
    expect(secret.mode & 0o777).toBe(0o600);

    const again = await startServer({ dataDir: first.dataDir });
    try {
      const me = await data<{ user: PublicUser }>(again.url, 'GET', '/api/auth/me', { cookie });
      expect(me.user.username).toBe('admin');
      // The demo someone deleted stays deleted: not a first start any more.
      const docs = await data<{ documents: DocumentSummary[] }>(again.url, 'GET', '/api/documents', { cookie });
      expect(docs.documents).toEqual([]);
      const li = await request(again.url, 'POST', '/api/auth/login', { json: { username: 'li', password: 'li-password' } });
      expect(li.body).toMatchObject({ ok: true, data: { user: { username: 'li' } } });
    } finally {
      await again.stop();
    }
  });
});

describe('a restart with documents on disk', () => {
  it('listens with every document described but none in memory, opens each on first use, and the memory finds their rows', async () => {
    const first = await startServer();
    let cookie: string;
    const ids: string[] = [];
    try {
      cookie = await login(first.url, 'admin', ADMIN_PASSWORD);
      for (const title of ['One', 'Two', 'Three']) {
        const { document } = await data<{ document: DocumentSummary }>(first.url, 'POST', '/api/documents', {
          cookie,
          json: { title, sourceLang: 'en', targetLangs: ['kk'], paragraphs: [`${title} river froze early.`] },
        });
        ids.push(document.id);
        // Approved, so the row is a memory unit (source and translation).
        const [p] = (await first.documents.reads.snapshot(document.id)).paragraphs;
        await first.app.ops.importCells(document.id, 'admin', (d) =>
          decideImport(d, [{ paragraphId: p!.id, lang: 'kk', text: `${title} өзені ерте қатты.`, status: 'approved' as const }]),
        );
      }
    } finally {
      await first.stop({ remove: false });
    }
    const again = await startServer({ dataDir: first.dataDir });
    try {
      const all = [first.demoDocId, ...ids];
      expect(all.filter((id) => again.documents.registry.isLive(id))).toEqual([]);
      const docs = await data<{ documents: DocumentSummary[] }>(again.url, 'GET', '/api/documents', { cookie });
      expect(docs.documents.map((d) => d.title).sort()).toEqual(
        ['One', 'Three', 'Two', docs.documents.find((d) => d.id === first.demoDocId)?.title].sort(),
      );
      const doc = await data<{ document: { paragraphs: unknown[] } }>(again.url, 'GET', `/api/documents/${ids[1]}`, { cookie });
      expect(doc.document.paragraphs).toHaveLength(1);
      expect(again.documents.registry.isLive(ids[1]!)).toBe(true);
      // Concordance waits for the background indexing of the documents left on disk, then finds all three.
      const hits = await data<{ hits: Array<{ docTitle: string | null }> }>(again.url, 'POST', '/api/tm/search', {
        cookie,
        json: { q: 'river froze' },
      });
      expect(hits.hits.map((h) => h.docTitle).sort()).toEqual(['One', 'Three', 'Two']);
    } finally {
      await again.stop();
    }
  });
});
