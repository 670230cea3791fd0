import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserPrefsDto } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';

describe('PATCH/GET /api/prefs (a user’s own column widths)', () => {
  let server: TestServer;
  let admin: string;
  beforeEach(async () => {
    server = await startServer();
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterEach(async () => {
    await server.stop();
  });

  async function newUser(username: string): Promise<string> {
    await data(server.url, 'POST', '/api/users', {
      cookie: admin,
      json: { username, password: 'a-long-password', displayName: username, roles: { kk: 'translator' } },
    });
    return login(server.url, username, 'a-long-password');
  }

  it('starts empty, keeps widths per user across a restart, and replaces them whole', async () => {
    const dana = await newUser('dana');
    expect(await data<{ prefs: UserPrefsDto }>(server.url, 'GET', '/api/prefs', { cookie: dana })).toEqual({ prefs: { columnWidths: {} } });
    const saved = await data<{ prefs: UserPrefsDto }>(server.url, 'PATCH', '/api/prefs', {
      cookie: dana,
      json: { columnWidths: { en: 420, kk: 300 } },
    });
    expect(saved.prefs.columnWidths).toEqual({ en: 420, kk: 300 });
    // Another user's widths are their own.
    expect((await data<{ prefs: UserPrefsDto }>(server.url, 'GET', '/api/prefs', { cookie: admin })).prefs.columnWidths).toEqual({});

    const dataDir = server.dataDir;
    await server.stop({ remove: false });
    server = await startServer({ dataDir });
    const again = await login(server.url, 'dana', 'a-long-password');
    expect((await data<{ prefs: UserPrefsDto }>(server.url, 'GET', '/api/prefs', { cookie: again })).prefs.columnWidths).toEqual({
      en: 420,
      kk: 300,
    });
    await data(server.url, 'PATCH', '/api/prefs', { cookie: again, json: { columnWidths: { ru: 250 } } });
    expect((await data<{ prefs: UserPrefsDto }>(server.url, 'GET', '/api/prefs', { cookie: again })).prefs.columnWidths).toEqual({
      ru: 250,
    });
  });

  it('refuses widths out of range, unknown languages and an empty body with bad_request, all issues at once', async () => {
    for (const json of [{ columnWidths: { en: 100 } }, { columnWidths: { xx: 300 } }, { columnWidths: { en: 300.5, ru: 1e6 } }, {}]) {
      const r = await request(server.url, 'PATCH', '/api/prefs', { cookie: admin, json });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const both = await request<unknown>(server.url, 'PATCH', '/api/prefs', {
      cookie: admin,
      json: { columnWidths: { en: 300.5, ru: 1e6 } },
    });
    expect(JSON.stringify(both.body)).toMatch(/en[\s\S]*ru|ru[\s\S]*en/u);
    expect((await data<{ prefs: UserPrefsDto }>(server.url, 'GET', '/api/prefs', { cookie: admin })).prefs.columnWidths).toEqual({});
  });

  it('needs a session', async () => {
    expect((await request(server.url, 'GET', '/api/prefs')).status).toBe(401);
    expect((await request(server.url, 'PATCH', '/api/prefs', { json: { columnWidths: {} } })).status).toBe(401);
  });
});
