import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_NAMESPACE } from '../../shared/index.js';
import type { PublicUser } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { callRaw } from './helpers/sockets.js';
import type { TestSocket } from './helpers/sockets.js';

/**
 * Issue 13, defect 5: `POST /api/users` with `Origin: https://evil.example` and
 * the admin's cookie created a user, and a Socket.IO handshake from a foreign
 * origin was accepted and read documents. Only the server's own origin and
 * ALLOWED_ORIGINS may change state or connect.
 */
const EVIL = 'https://evil.example';
const FRIEND = 'https://docs.example.org';

/** A websocket connection with the given headers; resolves with the socket or the connect_error message. */
function connectWith(url: string, headers: Record<string, string>, transports: ('websocket' | 'polling')[] = ['websocket']) {
  const socket: TestSocket = io(url, { transports, reconnection: false, forceNew: true, extraHeaders: headers });
  return new Promise<{ socket?: TestSocket; error?: string }>((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (err) => {
      socket.close();
      resolve({ error: err.message });
    });
  });
}

describe('cross-site protection', () => {
  let server: TestServer;
  let cookie: string;
  beforeEach(async () => {
    server = await startServer({ allowedOrigins: [FRIEND] });
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterEach(async () => {
    await server.stop();
  });

  const users = async (): Promise<string[]> =>
    (await data<{ users: PublicUser[] }>(server.url, 'GET', '/api/users', { cookie })).users.map((u) => u.username);
  const createUser = (username: string, headers: Record<string, string>) =>
    request(server.url, 'POST', '/api/users', { cookie, json: { username, password: 'long-enough-password' }, headers });

  it('refuses a state-changing request from a foreign origin with 403 forbidden_origin, and changes nothing', async () => {
    const r = await createUser('mallory', { origin: EVIL });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    for (const [method, path] of [
      ['DELETE', `/api/documents/${server.demoDocId}`],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/auth/login'],
      ['PATCH', '/api/users/x'],
    ] as const) {
      const res = await request(server.url, method, path, { cookie, json: {}, headers: { origin: EVIL } });
      expect(res.body, `${method} ${path}`).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    }
    expect((await createUser('mallory2', { origin: 'null' })).status).toBe(403);
    expect((await createUser('mallory3', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await users()).toEqual(['admin']);
    expect((await data<{ documents: unknown[] }>(server.url, 'GET', '/api/documents', { cookie })).documents).toHaveLength(1);
  });

  it("accepts the server's own origin, the allowed ones, and requests without Origin", async () => {
    expect((await createUser('own', { origin: server.url })).status).toBe(201);
    expect((await createUser('friend', { origin: FRIEND })).status).toBe(201);
    expect((await createUser('curl', {})).status).toBe(201);
    expect((await createUser('sameSite', { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    // Reading from anywhere is harmless (the browser keeps the answer from a foreign page) and stays open.
    expect((await request(server.url, 'GET', '/api/auth/me', { cookie, headers: { origin: EVIL } })).status).toBe(200);
    expect(await users()).toEqual(['admin', 'own', 'friend', 'curl', 'sameSite']);
  });

  it('refuses a Socket.IO handshake from a foreign origin, websocket and polling, in every namespace', async () => {
    const refused = await connectWith(server.url, { cookie, origin: EVIL });
    expect(refused.socket).toBeUndefined();
    expect(refused.error).toBeDefined();
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, origin: EVIL } });
    expect(polling.status).toBe(403);
    expect(await polling.json()).toMatchObject({ message: 'forbidden_origin' });
    const reader = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: EVIL } });
    expect(reader.status).toBe(403);
    expect((await connectWith(server.url, { cookie, origin: EVIL }, ['polling'])).socket).toBeUndefined();

    for (const origin of [server.url, FRIEND]) {
      const { socket } = await connectWith(server.url, { cookie, origin });
      expect(socket?.connected, origin).toBe(true);
      expect(await callRaw(socket!, 'doc:join', { docId: server.demoDocId })).toMatchObject({ ok: true });
      socket!.close();
    }
    // The public namespace is behind the same check (its handshake is the engine's).
    const pub = io(server.url + PUBLIC_NAMESPACE, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: EVIL },
      auth: { token: 'x'.repeat(43) },
    });
    const message = await new Promise<string>((resolve) => pub.once('connect_error', (e) => resolve(e.message)));
    pub.close();
    expect(message).not.toBe('not_found');
  });
});
