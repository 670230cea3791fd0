import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentState, PublicUser } from '../../shared/index.js';
import { transfer } from '../src/cli/transfer.js';
import { describe as describeContent } from '../src/storage/transfer/content.js';
import type { TransferStores } from '../src/storage/transfer/content.js';
import { openPlace, parsePlace } from '../src/storage/transfer/places.js';
import type { OpenPlace, Place } from '../src/storage/transfer/places.js';
import { data } from './helpers/http.js';
import { tempSchema } from './helpers/pg.js';
import { fillWithContent } from './helpers/richContent.js';
import { startServer } from './helpers/server.js';
import { tempDataDir } from './helpers/storageFactories.js';

const HASH = /content sha256 ([0-9a-f]{64})/gu;

async function migrate(from: string, to: string): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await transfer(parsePlace(from), parsePlace(to), { merge: false }, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n') };
}

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

/** The round trip the way people run it (`anor migrate --from … --to …`), with a real database and a used installation. */
describe('anor migrate: embedded → PostgreSQL → embedded', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const opened = async (place: Place): Promise<OpenPlace> => {
    const p = await openPlace(place, { mustExist: true, log: () => {} });
    cleanups.push(() => p.close());
    return p;
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
    const backDir = join(await dir(), 'back');

    const there = await migrate(server.dataDir, schema.url);
    expect(there.code).toBe(0);
    expect(there.out).toMatch(/documents\s+3\s+3\n/u);
    expect(there.out).toMatch(/sources\s+2\s+2\n/u);
    const back = await migrate(schema.url, backDir);
    expect(back.code).toBe(0);
    const hashes = [...there.out.matchAll(HASH), ...back.out.matchAll(HASH)].map((m) => m[1]);
    expect(hashes).toHaveLength(4);
    expect(new Set(hashes).size).toBe(1);

    // Nothing but the database holds the middle copy: it is opened here with no data directory of its own.
    const original = await opened({ kind: 'dir', dataDir: server.dataDir });
    const database = await opened({ kind: 'database', url: schema.url });
    const returned = await opened({ kind: 'dir', dataDir: backDir });
    const content = await describeContent(original.stores);
    expect(content.kinds).toMatchObject({
      users: { count: 3 },
      shares: { count: 1 },
      glossary: { count: 1 },
      tm: { count: 2 },
      sources: { count: 2 },
      documents: { count: 3 },
    });
    expect(content.kinds.sessions.count).toBeGreaterThanOrEqual(3);
    expect(content.hash).toBe(hashes[0]);
    const all = await everything(original.stores);
    expect(await everything(database.stores)).toEqual(all);
    expect(await everything(returned.stores)).toEqual(all);
    const sourceIds = await original.stores.sources.ids();
    await returned.close();

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
    for (const id of sourceIds) {
      const r = await fetch(`${again.url}/api/documents/${id}/export?format=original&langs=kk`, { headers: { cookie } });
      expect(r.status).toBe(200);
    }
  });
});
