import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../shared/index.js';
import { hashPassword } from '../src/services/passwords.js';
import { data, login, request } from './helpers/http.js';
import { createDoc, createUser, open } from './helpers/review.js';
import { ADMIN_PASSWORD, startServer, TEST_BACKEND, TEST_PASSWORD_COST } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, opId } from './helpers/sockets.js';

describe('sessions, passwords and roles over REST', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('ends every other session on a password change, keeps this one, and never returns or logs a password', async () => {
    server = await startServer();
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const dana = await createUser(server.url, admin, 'dana', { roles: { kk: 'translator' } });
    const laptop = dana.cookie;
    const phone = await login(server.url, 'dana', 'dana-password');
    const phoneSocket = await connect(server.url, phone);
    const ended: unknown[] = [];
    phoneSocket.on('session:ended', (p) => ended.push(p));

    const wrong = await request<unknown>(server.url, 'POST', '/api/auth/password', {
      cookie: laptop,
      json: { currentPassword: 'nope', newPassword: 'a-new-password' },
    });
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect((await request(server.url, 'GET', '/api/auth/me', { cookie: phone })).status).toBe(200);

    const changed = await request<{ user: PublicUser }>(server.url, 'POST', '/api/auth/password', {
      cookie: laptop,
      json: { currentPassword: 'dana-password', newPassword: 'a-new-password' },
    });
    expect(changed.body).toMatchObject({ ok: true, data: { user: { username: 'dana', roles: { kk: 'translator' } } } });
    const renewed = changed.setCookie?.split(';')[0] ?? '';
    expect(renewed).not.toBe(laptop);
    expect((await request(server.url, 'GET', '/api/auth/me', { cookie: renewed })).status).toBe(200);
    expect((await request(server.url, 'GET', '/api/auth/me', { cookie: phone })).status).toBe(401);
    expect((await request(server.url, 'GET', '/api/auth/me', { cookie: laptop })).status).toBe(401);
    await expect.poll(() => ended).toEqual([{ code: 'unauthenticated' }]);
    await expect.poll(() => phoneSocket.connected).toBe(false);
    await expect(login(server.url, 'dana', 'dana-password')).rejects.toThrow('invalid_credentials');
    await login(server.url, 'dana', 'a-new-password');

    const everything =
      JSON.stringify([changed.body, await data(server.url, 'GET', '/api/users', { cookie: admin })]) + server.logs.join('\n');
    for (const secret of ['dana-password', 'a-new-password', 'scrypt$', 'passwordHash']) expect(everything).not.toContain(secret);
  });

  it('sets an httpOnly SameSite cookie and makes it worthless after logout', async () => {
    server = await startServer();
    const r = await request<unknown>(server.url, 'POST', '/api/auth/login', { json: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(r.setCookie).toMatch(/HttpOnly/i);
    expect(r.setCookie).toMatch(/SameSite=Lax/i);
    const cookie = r.setCookie?.split(';')[0] ?? '';
    expect((await request(server.url, 'POST', '/api/auth/logout', { cookie })).status).toBe(200);
    expect((await request(server.url, 'GET', '/api/auth/me', { cookie })).body).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('applies a role change to an open connection at once, and refuses bad role bodies', async () => {
    server = await startServer();
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const li = await createUser(server.url, admin, 'li');
    const docId = await createDoc(server.url, admin, ['Hello.']);
    const live = await open(server.url, li, docId);
    const pid = live.doc.paragraphs[0]!.id;
    const edit = () => call(live.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'Сәлем.' });
    try {
      expect(await edit()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const bad = await request<unknown>(server.url, 'PATCH', `/api/users/${li.user.id}`, {
        cookie: admin,
        json: { roles: { kk: 'boss', xx: 'translator' } },
      });
      expect(bad.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await request<unknown>(server.url, 'PATCH', `/api/users/${li.user.id}`, { cookie: admin, json: {} })).toMatchObject({
        status: 400,
      });
      const me = await data<{ user: PublicUser }>(server.url, 'GET', '/api/auth/me', { cookie: admin });
      expect(
        await request<unknown>(server.url, 'PATCH', `/api/users/${me.user.id}`, { cookie: admin, json: { isAdmin: false } }),
      ).toMatchObject({ status: 403 });
      const set = await data<{ user: PublicUser }>(server.url, 'PATCH', `/api/users/${li.user.id}`, {
        cookie: admin,
        json: { roles: { kk: 'translator' } },
      });
      expect(set.user).toMatchObject({ roles: { kk: 'translator' }, isViewer: false, isAdmin: false });
      expect(await edit()).toMatchObject({ ok: true });
    } finally {
      live.socket.close();
    }
  });

  // The file format of users.json; the PostgreSQL rows without roles are in server/src/storage/userStore.test.ts.
  it.skipIf(TEST_BACKEND === 'postgres')(
    'loads a users.json written before roles existed: the admin keeps everything, others read only',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'anor-legacy-'));
      const old = (id: string, username: string, isAdmin: boolean, password: string) =>
        hashPassword(password, TEST_PASSWORD_COST).then((passwordHash) => ({
          id,
          username,
          displayName: username,
          passwordHash,
          isAdmin,
          createdAt: '2026-01-01T00:00:00.000Z',
          sessionsValidAfter: null,
        }));
      await writeFile(
        join(dataDir, 'users.json'),
        JSON.stringify({ users: [await old('u_admin', 'admin', true, ADMIN_PASSWORD), await old('u_old', 'old', false, 'old-password')] }),
      );
      server = await startServer({ dataDir });
      const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
      const docId = await createDoc(server.url, admin, ['Hello.']);
      const oldUser = await login(server.url, 'old', 'old-password');
      expect((await data<{ user: PublicUser }>(server.url, 'GET', '/api/auth/me', { cookie: oldUser })).user).toMatchObject({
        roles: {},
        isViewer: false,
      });
      const reader = await open(server.url, oldUser, docId);
      const writer = await open(server.url, admin, docId);
      try {
        const pid = reader.doc.paragraphs[0]!.id;
        expect(
          await call(reader.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'x' }),
        ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(
          await call(writer.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'Сәлем.' }),
        ).toMatchObject({ ok: true });
      } finally {
        reader.socket.close();
        writer.socket.close();
      }
    },
  );
});
