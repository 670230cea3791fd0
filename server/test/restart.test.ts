import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, PublicUser } from '../../shared/index.js';
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
