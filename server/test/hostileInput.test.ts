import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, MAX_SOCKET_JSON_VALUES } from '../../shared/index.js';
import type { DocumentSnapshot } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { connectRaw, deepJson, RawJson } from './helpers/rawSocket.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { callRaw, joinDoc, opId } from './helpers/sockets.js';
import type { TestSocket } from './helpers/sockets.js';

/**
 * Issue 13, defect 1: one 40 KB message of deep nesting, on any event name,
 * from any signed-in user, used to overflow the stack in the size check and
 * stop the server. Depth and size are now judged on the raw packet text.
 */
describe('hostile nesting cannot stop the server', () => {
  let server: TestServer;
  let viewer: TestSocket;
  let adminCookie: string;

  beforeEach(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    await data(server.url, 'POST', '/api/users', {
      cookie: adminCookie,
      json: { username: 'reader', password: 'reader-password', isViewer: true },
    });
    viewer = await connectRaw(server.url, await login(server.url, 'reader', 'reader-password'));
  });
  afterEach(async () => {
    viewer.close();
    await server.stop();
  });

  const health = async (): Promise<number> => (await fetch(`${server.url}/api/health`)).status;
  const stored = (): Promise<{ document: DocumentSnapshot }> =>
    data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${server.demoDocId}`, { cookie: adminCookie });

  it('answers a 20,000-level payload with bad_request on known and unknown events, and keeps the connection', async () => {
    const before = await stored();
    for (const event of ['zzz', 'cell:edit', 'doc:join']) {
      const r = await callRaw(viewer, event, deepJson(20_000));
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('nested deeper') } });
    }
    expect(viewer.connected).toBe(true);
    expect(await health()).toBe(200);
    expect(await callRaw(viewer, 'doc:join', { docId: server.demoDocId })).toMatchObject({ ok: true });
    expect(await stored()).toEqual(before);
  });

  it('survives the same payload sent without an ack', async () => {
    (viewer.emit as (e: string, p: unknown) => void)('zzz', deepJson(20_000));
    (viewer.emit as (e: string, p: unknown) => void)('cell:edit', deepJson(20_000));
    expect(await callRaw(viewer, 'doc:join', { docId: server.demoDocId })).toMatchObject({ ok: true });
    expect(await health()).toBe(200);
  });

  it('draws the line at MAX_JSON_DEPTH levels, counting the packet array', async () => {
    const admin = await connectRaw(server.url, adminCookie);
    const live = await joinDoc(admin, server.demoDocId);
    const pid = live.doc.paragraphs[0]!.id;
    // Packet array (1) + payload object (2) + `extra`'s nesting; the unknown field is stripped by zod.
    const edit = (extraDepth: number, text: string): RawJson =>
      new RawJson(
        `{"docId":"${server.demoDocId}","paragraphId":"${pid}","lang":"ru","opId":"${opId()}","baseRev":0,"text":"${text}","extra":${deepJson(extraDepth).text}}`,
      );
    const atLimit = await callRaw(admin, 'cell:edit', edit(MAX_JSON_DEPTH - 2, 'Глубоко.'));
    expect(atLimit).toMatchObject({ ok: true, data: { outcome: 'applied' } });
    const over = await callRaw(admin, 'cell:edit', edit(MAX_JSON_DEPTH - 1, 'Слишком глубоко.'));
    expect(over).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await stored()).document.paragraphs[0]?.cells.ru?.text).toBe('Глубоко.');
    admin.close();
  });

  it('refuses a huge flat array with payload_too_large before it is parsed', async () => {
    const huge = new RawJson(`[${'0,'.repeat(MAX_SOCKET_JSON_VALUES)}0]`);
    expect(await callRaw(viewer, 'cell:edit', huge)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(viewer.connected).toBe(true);
  });

  it('refuses deep nesting under a binary attachment', async () => {
    let nested: unknown = Buffer.from('binary');
    for (let i = 0; i < MAX_JSON_DEPTH + 5; i++) nested = { a: nested };
    expect(await callRaw(viewer, 'cell:edit', nested)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await callRaw(viewer, 'doc:join', { docId: server.demoDocId })).toMatchObject({ ok: true });
  });

  it('answers a deeply nested REST body with 400 bad_request', async () => {
    const r = await request(server.url, 'POST', '/api/documents', { cookie: adminCookie, rawBody: deepJson(20_000).text });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('nested deeper') } });
    expect(await health()).toBe(200);
    expect(server.logs.filter((l) => l.includes('internal error'))).toEqual([]);
  });
});
