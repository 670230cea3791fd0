import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { handshake } from './helpers/sockets.js';
import { tempSchema } from './helpers/pg.js';
import type { TempSchema } from './helpers/pg.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';

/**
 * Two Anor nodes on one PostgreSQL schema with one SESSION_SECRET: users and
 * sessions are the database's, so an account made on one node signs in on the
 * other, a cookie from one is good on the other, and signing out on one ends
 * the session everywhere. Real servers, real HTTP, a real socket.io-client.
 */
const SECRET = 'a-session-secret-shared-by-every-node-0123456789';

const me = (node: TestServer, cookie: string) => request<{ user: PublicUser }>(node.url, 'GET', '/api/auth/me', { cookie });

describe('two nodes sharing users and sessions in PostgreSQL', () => {
  let schema: TempSchema;
  let a: TestServer;
  let b: TestServer;
  beforeEach(async () => {
    schema = await tempSchema();
    a = await startServer({ databaseUrl: schema.url, sessionSecret: SECRET });
    b = await startServer({ databaseUrl: schema.url, sessionSecret: SECRET });
  });
  afterEach(async () => {
    await a.stop();
    await b.stop();
    await schema.drop();
  });

  it('creates the admin once: the second node finds it', async () => {
    expect(await a.storage.users.count()).toBe(1);
    expect((await b.storage.users.list()).map((u) => u.username)).toEqual(['admin']);
  });

  it('a session started on one node is good on the other, over REST and for the live connection', async () => {
    const cookie = await login(a.url, 'admin', ADMIN_PASSWORD);
    expect((await me(b, cookie)).body).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });
    expect(await handshake(b.url, { cookie })).toBe('connected');
  });

  it('an account made on one node signs in on the other; signing out there ends the session on both', async () => {
    const admin = await login(a.url, 'admin', ADMIN_PASSWORD);
    await data(a.url, 'POST', '/api/users', {
      cookie: admin,
      json: { username: 'aigerim', password: 'long-enough-password', roles: { kk: 'translator' } },
    });
    const cookie = await login(b.url, 'aigerim', 'long-enough-password');
    expect((await me(a, cookie)).body).toMatchObject({ ok: true, data: { user: { username: 'aigerim', roles: { kk: 'translator' } } } });
    expect((await request(b.url, 'POST', '/api/auth/logout', { cookie })).status).toBe(200);
    expect((await me(a, cookie)).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await handshake(a.url, { cookie })).toBe('refused');
  });

  it('a password changed on one node ends the other sessions, wherever they were started', async () => {
    const onA = await login(a.url, 'admin', ADMIN_PASSWORD);
    const onB = await login(b.url, 'admin', ADMIN_PASSWORD);
    const changed = await request(a.url, 'POST', '/api/auth/password', {
      cookie: onA,
      json: { currentPassword: ADMIN_PASSWORD, newPassword: 'a-new-long-password' },
    });
    expect(changed.status).toBe(200);
    expect((await me(b, onB)).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await me(a, onB)).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await login(b.url, 'admin', 'a-new-long-password');
  });
});
