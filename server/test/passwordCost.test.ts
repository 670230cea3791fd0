import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_COST } from '../src/services/passwords.js';
import { login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';

/**
 * Issue 13, defect 8: passwords were hashed with scrypt at N = 2^14. The
 * server at its production cost hashes at N = 2^17 (r = 8, p = 1) and re-hashes
 * an older hash at the next successful sign-in, transparently.
 */
describe('password cost', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.stop();
  });

  it('re-hashes a 2^14 hash at N = 2^17 on the next good sign-in, and the password still works', async () => {
    server = await startServer({ passwordCost: SCRYPT_COST });
    expect((await server.storage.users.getByUsername('admin'))?.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    const old = await hashPassword('old-password', { N: 2 ** 14, r: 8, p: 1 });
    await server.storage.users.create({
      id: 'u_legacy',
      username: 'legacy',
      displayName: 'Legacy',
      passwordHash: old,
      isAdmin: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      sessionsValidAfter: null,
    });
    const stored = async (): Promise<string | undefined> => (await server.storage.users.getById('u_legacy'))?.passwordHash;

    // A wrong password changes nothing.
    const wrong = await request(server.url, 'POST', '/api/auth/login', { json: { username: 'legacy', password: 'not-it' } });
    expect(wrong.status).toBe(401);
    expect(await stored()).toBe(old);

    await login(server.url, 'legacy', 'old-password');
    const upgraded = await stored();
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    await login(server.url, 'legacy', 'old-password');
    expect(await stored()).toBe(upgraded);
    await login(server.url, 'admin', ADMIN_PASSWORD);
  });
});
