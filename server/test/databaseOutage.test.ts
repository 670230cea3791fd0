import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../shared/index.js';
import { login, request } from './helpers/http.js';
import { tempSchema, TEST_DATABASE_URL } from './helpers/pg.js';
import type { TempSchema } from './helpers/pg.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import { TcpProxy } from './helpers/tcpProxy.js';

/**
 * PostgreSQL going away under a running node (a real relay in front of the
 * real database, cut and restored): requests that need it are refused with
 * `database_unavailable` (503) and change nothing, open sockets and the
 * node's documents stay readable (edits are refused too), and everything
 * works again once it answers — no restart.
 */
describe('the database going away and coming back', () => {
  let schema: TempSchema;
  let proxy: TcpProxy;
  let server: TestServer;
  beforeEach(async () => {
    schema = await tempSchema();
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(schema.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startServer({ databaseUrl: viaProxy.toString(), sessionSecret: 'x'.repeat(40) });
  });
  afterEach(async () => {
    await proxy.restore(); // the server's pool must be able to close cleanly
    await server.stop();
    await proxy.close();
    await schema.drop();
  });

  const me = (cookie: string) => request<{ user: PublicUser }>(server.url, 'GET', '/api/auth/me', { cookie });

  it('refuses with database_unavailable while it is gone, keeps sockets, and recovers by itself', async () => {
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const socket = await connect(server.url, cookie);
    try {
      await proxy.cut();
      const unavailable = { ok: false, error: { code: 'database_unavailable' } };
      const seen = await me(cookie);
      expect(seen.status).toBe(503);
      expect(seen.body).toMatchObject(unavailable);
      const signIn = await request(server.url, 'POST', '/api/auth/login', { json: { username: 'admin', password: ADMIN_PASSWORD } });
      expect(signIn).toMatchObject({ status: 503, body: unavailable });
      const create = await request(server.url, 'POST', '/api/users', {
        cookie,
        json: { username: 'during', password: 'long-enough-password' },
      });
      expect(create).toMatchObject({ status: 503, body: unavailable });

      // The live connection stays, and the node's documents are still there to read.
      expect(socket.connected).toBe(true);
      const live = await joinDoc(socket, server.demoDocId);
      expect(live.doc.paragraphs.length).toBeGreaterThan(0);
      // Documents are the database's too: an edit is refused, not acknowledged and lost.
      const paragraphId = live.doc.paragraphs[0]!.id;
      const edit = {
        docId: server.demoDocId,
        paragraphId,
        lang: live.doc.targetLangs[0]!,
        opId: opId(),
        baseRev: 0,
        text: 'during the outage',
      };
      const seqBefore = live.doc.seq;
      expect(await call(socket, 'cell:edit', edit)).toMatchObject(unavailable);

      await proxy.restore();
      // The same operation, tried again, is applied once; the document has nothing the client was not told.
      const again = await call(socket, 'cell:edit', edit);
      expect(again).toMatchObject({ ok: true, data: { seq: seqBefore + 1 } });
      await live.reach(seqBefore + 1);
      expect((await server.documents.reads.snapshot(server.demoDocId)).seq).toBe(seqBefore + 1);
      expect((await me(cookie)).body).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });
      await login(server.url, 'admin', ADMIN_PASSWORD);
      // Nothing was half-done while it was gone.
      expect((await server.storage.users.list()).map((u) => u.username)).toEqual(['admin']);
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
  });
});
