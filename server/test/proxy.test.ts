import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { request } from './helpers/http.js';
import { handshake } from './helpers/sockets.js';
import { tempSchema } from './helpers/pg.js';
import type { TempSchema } from './helpers/pg.js';

/**
 * Behind a load balancer (TRUST_PROXY): the client's address, scheme and host
 * come from X-Forwarded-For/-Proto/-Host, believed only from a trusted hop.
 * Real servers, real HTTP (fetch) and real socket.io-client; the test's own
 * connection from 127.0.0.1 plays the proxy.
 */
const PUBLIC = 'https://anor.example';
const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'anor.example' };

const signIn = (server: TestServer, password: string, headers: Record<string, string>) =>
  request(server.url, 'POST', '/api/auth/login', { json: { username: 'admin', password }, headers });

describe('TRUST_PROXY', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const start = async (opts: Parameters<typeof startServer>[0]): Promise<TestServer> => {
    const server = await startServer(opts);
    cleanups.push(() => server.stop());
    return server;
  };

  it('trusted: the session cookie is Secure when the client came over https, and not when it came over http', async () => {
    const server = await start({ trustProxy: ['loopback'] });
    const overHttps = await signIn(server, ADMIN_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(overHttps.status).toBe(200);
    expect(overHttps.setCookie).toMatch(/;\s*Secure/iu);
    const overHttp = await signIn(server, ADMIN_PASSWORD, { 'x-forwarded-proto': 'http' });
    expect(overHttp.status).toBe(200);
    expect(overHttp.setCookie).not.toMatch(/;\s*Secure/iu);
  });

  it('trusted: the origin the browser saw (forwarded proto and host) is the server own, over REST and for the socket handshake', async () => {
    const server = await start({ trustProxy: 1 });
    const r = await signIn(server, ADMIN_PASSWORD, { origin: PUBLIC, ...viaProxy });
    expect(r.body).toMatchObject({ ok: true });
    const cookie = r.setCookie?.split(';')[0] ?? '';
    expect(await handshake(server.url, { origin: PUBLIC, cookie, ...viaProxy })).toBe('connected');
    // Another site is still another site.
    const evil = await signIn(server, ADMIN_PASSWORD, { origin: 'https://evil.example', ...viaProxy });
    expect(evil.body).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(await handshake(server.url, { origin: 'https://evil.example', cookie, ...viaProxy })).toBe('refused');
  });

  it('trusted: failed sign-ins count per forwarded client address, so one client behind the proxy does not lock out the others', async () => {
    const server = await start({ trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < 10; i++) {
      expect((await signIn(server, 'wrong-password', { 'x-forwarded-for': '203.0.113.5' })).status).toBe(401);
    }
    const locked = await signIn(server, ADMIN_PASSWORD, { 'x-forwarded-for': '203.0.113.5' });
    expect(locked.body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const other = await signIn(server, ADMIN_PASSWORD, { 'x-forwarded-for': '198.51.100.7' });
    expect(other.body).toMatchObject({ ok: true });
  });

  it('untrusted (the default): forwarded headers change nothing — no Secure cookie, no borrowed origin, no fresh address per header', async () => {
    const server = await start({});
    const r = await signIn(server, ADMIN_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(r.status).toBe(200);
    expect(r.setCookie).not.toMatch(/;\s*Secure/iu);
    const cookie = r.setCookie?.split(';')[0] ?? '';
    expect((await signIn(server, ADMIN_PASSWORD, { origin: PUBLIC, ...viaProxy })).body).toMatchObject({
      ok: false,
      error: { code: 'forbidden_origin' },
    });
    expect(await handshake(server.url, { origin: PUBLIC, cookie, ...viaProxy })).toBe('refused');
    expect(await handshake(server.url, { origin: server.url, cookie, ...viaProxy })).toBe('connected'); // the cookie itself is good
    // A guesser inventing X-Forwarded-For for each try is still one address.
    for (let i = 0; i < 10; i++) {
      expect((await signIn(server, 'wrong-password', { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401);
    }
    expect((await signIn(server, ADMIN_PASSWORD, { 'x-forwarded-for': '203.0.113.200' })).body).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
  });
});

describe('the sign-in throttle with DATABASE_URL', () => {
  let schema: TempSchema | undefined;
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop();
    await schema?.drop();
  });

  it('is shared by two nodes on one database: failures on either count together', async () => {
    schema = await tempSchema();
    for (let i = 0; i < 2; i++) servers.push(await startServer({ databaseUrl: schema.url, trustProxy: ['loopback'] }));
    const [a, b] = servers as [TestServer, TestServer];
    const client = { 'x-forwarded-for': '192.0.2.44' };
    for (let i = 0; i < 5; i++) {
      expect((await signIn(a, 'wrong-password', client)).status).toBe(401);
      expect((await signIn(b, 'wrong-password', client)).status).toBe(401);
    }
    for (const node of [a, b]) {
      expect((await signIn(node, ADMIN_PASSWORD, client)).body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    }
    expect((await signIn(b, ADMIN_PASSWORD, { 'x-forwarded-for': '192.0.2.45' })).body).toMatchObject({ ok: true });
  });
});
