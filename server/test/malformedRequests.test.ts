import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_EVENT_NAMES } from '../../shared/index.js';
import { login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { callRaw, connect } from './helpers/sockets.js';
import type { TestSocket } from './helpers/sockets.js';

/** Emits with an ack and any number of payload arguments (none included); resolves with what the ack carries. */
function callArgs(socket: TestSocket, event: string, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5_000);
    const emit = socket.emit.bind(socket) as (e: string, ...rest: unknown[]) => void;
    emit(event, ...args, (r: unknown) => {
      clearTimeout(timer);
      resolve(r);
    });
  });
}

describe('every event with an ack is answered (issue 13, defect 3)', () => {
  let server: TestServer;
  let socket: TestSocket;
  beforeEach(async () => {
    server = await startServer();
    socket = await connect(server.url, await login(server.url, 'admin', ADMIN_PASSWORD));
  });
  afterEach(async () => {
    socket.close();
    await server.stop();
  });

  it('answers an event sent with an ack but no payload with bad_request, for every event', async () => {
    for (const event of CLIENT_EVENT_NAMES) {
      expect(await callArgs(socket, event)).toMatchObject({ ok: false, error: { code: 'bad_request', message: `${event}: no payload` } });
    }
    expect(socket.connected).toBe(true);
  });

  it('answers unknown event names and extra payloads with bad_request', async () => {
    expect(await callRaw(socket, 'no:such-event', { docId: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await callArgs(socket, 'doc:join', { docId: server.demoDocId }, 'extra')).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: 'doc:join: one payload expected, got 2' },
    });
    expect(await callRaw(socket, 'doc:join', { docId: server.demoDocId })).toMatchObject({ ok: true });
  });
});

describe('malformed URLs (issue 13, defect 4)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server.stop();
  });

  it('answers a malformed percent-escape with 400 bad_request and logs nothing', async () => {
    const errors = vi.spyOn(console, 'error');
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    for (const [path, withCookie] of [
      ['/api/documents/%ZZ', true],
      ['/api/users/%E0%A4%A', true],
      ['/api/documents/%ZZ/cells/%E0/zh/history', true],
      ['/api/public/share/%ZZ', false],
      ['/%ZZ', false],
      ['/read/%E0%A4%A', false],
    ] as const) {
      const res = await fetch(server.url + path, withCookie ? { headers: { cookie } } : {});
      expect(res.status, path).toBe(400);
      expect(await res.json(), path).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(server.logs).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
  });
});
