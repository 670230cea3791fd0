import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentState, PublicUser } from '../../shared/index.js';
import { createStorage } from '../src/storage/index.js';
import type { Storage } from '../src/storage/index.js';
import { describe as describeContent } from '../src/storage/transfer/content.js';
import type { TransferStores } from '../src/storage/transfer/content.js';
import { copyContent } from '../src/storage/transfer/copy.js';
import { data } from './helpers/http.js';
import { tempSchema } from './helpers/pg.js';
import { fillWithContent } from './helpers/richContent.js';
import { startServer } from './helpers/server.js';
import { tempDataDir } from './helpers/storageFactories.js';

/** Everything a store holds, in the order it gives it (documents by id), for a deep-equal of two installations. */
async function everything(s: TransferStores): Promise<Record<string, unknown>> {
  const docs: DocumentState[] = [];
  for await (const d of s.documents.exportDocuments()) docs.push(d);
  const sources = [];
  for (const id of await s.sources.ids()) sources.push(await s.sources.get(id));
  return {
    users: await s.users.list(),
    sessions: await s.sessions.exportSessions(),
    shares: await s.shares.list(),
    glossary: await s.glossary.list(),
    tm: await s.tm.list(),
    sources,
    documents: docs.sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe('anor migrate: embedded → PostgreSQL → embedded', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const opened = async (opts: { dataDir: string; databaseUrl?: string }): Promise<Storage> => {
    const s = await createStorage({ ...opts, log: () => {} });
    cleanups.push(() => s.close());
    await s.documents.load();
    return s;
  };
  const dir = async (): Promise<string> => {
    const d = await tempDataDir();
    cleanups.push(d.remove);
    return d.dir;
  };

  it('copies a used installation out and back with identical content: same counts, same hash, every store deep-equal', async () => {
    const server = await startServer();
    cleanups.push(() => server.stop());
    const cookie = await fillWithContent(server);
    await server.stop({ remove: false });
    cleanups.push(() => server.stop());

    const schema = await tempSchema();
    cleanups.push(() => schema.drop());
    const embedded = await opened({ dataDir: server.dataDir });
    const database = await opened({ dataDir: await dir(), databaseUrl: schema.url });
    const there = await copyContent(embedded, database, { merge: false });
    expect(there.target).toEqual(there.source);
    expect(there.source.kinds).toMatchObject({
      users: { count: 3 },
      shares: { count: 1 },
      glossary: { count: 1 },
      tm: { count: 2 },
      sources: { count: 2 },
      documents: { count: 3 },
    });
    expect(there.source.kinds.sessions.count).toBeGreaterThanOrEqual(3);

    const backDir = await dir();
    const back = await opened({ dataDir: backDir });
    const returned = await copyContent(database, back, { merge: false });
    expect(returned.target).toEqual(returned.source);
    expect(returned.source.hash).toBe(there.source.hash);
    expect(await describeContent(back)).toEqual(there.source);
    expect(await everything(back)).toEqual(await everything(embedded));
    expect(await everything(database)).toEqual(await everything(embedded));
    await back.close();

    // The copy serves: the admin's session (same secret) still signs in, the documents and the original file are there.
    const again = await startServer({
      dataDir: backDir,
      sessionSecret: (await readFile(join(server.dataDir, 'session-secret'), 'utf8')).trim(),
    });
    cleanups.push(() => again.stop({ remove: false }));
    const me = await data<{ user: PublicUser }>(again.url, 'GET', '/api/auth/me', { cookie });
    expect(me.user.username).toBe('admin');
    const list = await data<{ documents: Array<{ id: string; title: string }> }>(again.url, 'GET', '/api/documents', { cookie });
    expect(list.documents).toHaveLength(3);
    for (const id of await embedded.sources.ids()) {
      const r = await fetch(`${again.url}/api/documents/${id}/export?format=original&langs=kk`, { headers: { cookie } });
      expect(r.status).toBe(200);
    }
  });
});
