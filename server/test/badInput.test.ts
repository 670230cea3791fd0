import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CELL_TEXT_BYTES, MAX_SOCKET_PAYLOAD_BYTES } from '../../shared/index.js';
import type { DocumentSnapshot, ErrorCode } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, callRaw, connect, joinDoc, opId } from './helpers/sockets.js';
import type { TestSocket } from './helpers/sockets.js';

describe('bad input over the socket', () => {
  let server: TestServer;
  let cookie: string;
  let docId: string;
  let socket: TestSocket;
  let pid: string;

  beforeEach(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    docId = server.demoDocId;
    socket = await connect(server.url, cookie);
    pid = (await joinDoc(socket, docId)).doc.paragraphs[0]!.id;
  });
  afterEach(async () => {
    socket.close();
    await server.stop();
  });

  const stored = (): Promise<{ document: DocumentSnapshot }> =>
    data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });

  /** Sends, expects the code, and checks that nothing changed and the socket is still there. */
  async function refused(event: string, payload: unknown, code: ErrorCode): Promise<unknown> {
    const before = await stored();
    const r = await callRaw(socket, event, payload);
    expect(r).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    expect(await stored()).toEqual(before);
    expect(socket.connected).toBe(true);
    return r;
  }

  const edit = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    docId,
    paragraphId: pid,
    lang: 'zh',
    opId: opId(),
    baseRev: 0,
    text: '你好',
    ...over,
  });

  it('reports every schema problem of a malformed payload at once', async () => {
    const r = await refused('cell:edit', { docId: 42, lang: 'fr', baseRev: -1, text: 7 }, 'bad_request');
    const details = (r as { error: { details: { path: string[] }[] } }).error.details;
    expect(details.map((d) => d.path.join('.'))).toEqual(
      expect.arrayContaining(['docId', 'paragraphId', 'lang', 'opId', 'baseRev', 'text']),
    );
  });

  it('answers missing, mistyped and out-of-range fields with bad_request', async () => {
    const split = { docId, opId: opId(), paragraphId: pid, baseRev: 1, offset: 2 };
    await refused('cell:edit', undefined, 'bad_request');
    await refused('doc:join', 'just a string', 'bad_request');
    await refused('paragraph:split', [1, 2], 'bad_request');
    await refused('cell:edit', edit({ lang: 'fr' }), 'bad_request');
    await refused('cell:edit', edit({ baseRev: 1.5 }), 'bad_request');
    await refused('cell:edit', edit({ opId: 'short' }), 'bad_request');
    await refused('paragraph:split', { ...split, offset: -3 }, 'bad_request');
    await refused('paragraph:insert', { docId, opId: opId(), text: 'no afterId' }, 'bad_request');
    await refused('presence:update', { docId, paragraphId: pid, lang: 'en', typing: 'yes' }, 'bad_request');
  });

  it('names unknown documents, paragraphs and languages', async () => {
    await refused('doc:join', { docId: 'no-such-doc' }, 'document_not_found');
    await refused('cell:edit', edit({ paragraphId: 'no-such-paragraph' }), 'paragraph_not_found');
    await refused('paragraph:delete', { docId, opId: opId(), paragraphId: 'no-such-paragraph' }, 'paragraph_not_found');
    const small = await data<{ document: { id: string } }>(server.url, 'POST', '/api/documents', {
      cookie,
      json: { title: 'two columns', sourceLang: 'en', targetLangs: ['zh'], paragraphs: ['Hello.'] },
    });
    const joined = await joinDoc(socket, small.document.id);
    const r = await callRaw(socket, 'cell:edit', {
      ...edit(),
      docId: small.document.id,
      paragraphId: joined.doc.paragraphs[0]!.id,
      lang: 'kk',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'language_not_in_document' } });
  });

  it('refuses a base revision the cell never had', async () => {
    await refused('cell:edit', edit({ baseRev: 5 }), 'bad_revision');
    await refused('paragraph:split', { docId, opId: opId(), paragraphId: pid, baseRev: 0, offset: 3 }, 'bad_revision');
  });

  it('refuses text over the cell limit with text_too_long', async () => {
    await refused('cell:edit', edit({ text: 'x'.repeat(MAX_CELL_TEXT_BYTES + 1) }), 'text_too_long');
    // Bytes, not characters: 22,000 Chinese characters are 66,000 bytes of UTF-8.
    await refused('cell:edit', edit({ text: '中'.repeat(22_000) }), 'text_too_long');
    await refused('paragraph:insert', { docId, opId: opId(), afterId: pid, text: 'y'.repeat(MAX_CELL_TEXT_BYTES + 1) }, 'text_too_long');
  });

  it('refuses a payload over the socket limit with payload_too_large, and stays connected', async () => {
    await refused('cell:edit', edit({ text: 'z'.repeat(MAX_SOCKET_PAYLOAD_BYTES + 10) }), 'payload_too_large');
    const ok = await call(socket, 'cell:edit', { docId, paragraphId: pid, lang: 'zh', opId: opId(), baseRev: 0, text: '仍然连接' });
    expect(ok).toMatchObject({ ok: true, data: { outcome: 'applied' } });
  });

  it('refuses document events before doc:join with not_joined', async () => {
    await call(socket, 'doc:leave', { docId });
    await refused('cell:edit', edit(), 'not_joined');
    await refused('presence:update', { docId, paragraphId: null, lang: null, typing: true }, 'not_joined');
    await refused('paragraph:join', { docId, opId: opId(), paragraphId: pid }, 'not_joined');
    await refused('doc:leave', { docId }, 'not_joined');
  });

  it('survives events without an ack and ignores unknown events', async () => {
    const before = await stored();
    socket.emit('cell:edit', { docId: 1 } as never, undefined as never);
    (socket.emit as (e: string, p: unknown) => void)('no:such-event', { docId });
    (socket.emit as (e: string, p: unknown) => void)('cell:edit', edit({ text: '没有回执' }));
    const r = await call(socket, 'cell:edit', { docId, paragraphId: pid, lang: 'ru', opId: opId(), baseRev: 0, text: 'Да.' });
    expect(r).toMatchObject({ ok: true });
    const after = await stored();
    // The ack-less valid edit was applied; the malformed and unknown ones changed nothing.
    expect(after.document.paragraphs[0]?.cells.zh?.text).toBe('没有回执');
    expect(after.document.seq).toBe(before.document.seq + 2);
    expect(socket.connected).toBe(true);
  });
});

describe('sessions and sockets', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('authenticates HTTP long-polling with the same cookie', async () => {
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const polling = await connect(server.url, cookie, ['polling']);
    expect(await call(polling, 'doc:join', { docId: server.demoDocId })).toMatchObject({ ok: true, data: { mode: 'snapshot' } });
    polling.close();
    await expect(connect(server.url, undefined, ['polling'])).rejects.toThrow('unauthenticated');
  });

  it('refuses a socket without a session, or with a forged cookie', async () => {
    await expect(connect(server.url)).rejects.toThrow('unauthenticated');
    await expect(connect(server.url, 'anor.sid=s%3Aforged.signature')).rejects.toThrow('unauthenticated');
    const r = await request(server.url, 'GET', '/api/documents');
    expect(r.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it("on logout tells the session's sockets, disconnects them, and refuses the old cookie", async () => {
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const other = await login(server.url, 'admin', ADMIN_PASSWORD);
    const mine = await connect(server.url, cookie);
    const bystander = await connect(server.url, other);
    const ended = new Promise((resolve) => mine.once('session:ended', resolve));
    const disconnected = new Promise<string>((resolve) => mine.once('disconnect', resolve));

    const out = await request(server.url, 'POST', '/api/auth/logout', { cookie });
    expect(out.body).toEqual({ ok: true, data: null });
    expect(await ended).toEqual({ code: 'unauthenticated' });
    expect(await disconnected).toBe('io server disconnect');

    const rest = await request(server.url, 'GET', '/api/documents', { cookie });
    expect(rest.status).toBe(401);
    expect(rest.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await expect(connect(server.url, cookie)).rejects.toThrow('unauthenticated');
    // Another session of the same user is untouched.
    expect(bystander.connected).toBe(true);
    expect(await call(bystander, 'doc:join', { docId: server.demoDocId })).toMatchObject({ ok: true });
    bystander.close();
  });

  it('signing in again on the same browser ends the old session and its sockets', async () => {
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const old = await connect(server.url, cookie);
    const disconnected = new Promise<string>((resolve) => old.once('disconnect', resolve));
    const again = await request(server.url, 'POST', '/api/auth/login', { cookie, json: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(again.body).toMatchObject({ ok: true });
    expect(again.setCookie?.split(';')[0]).not.toBe(cookie);
    expect(await disconnected).toBe('io server disconnect');
    expect((await request(server.url, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  });
});
