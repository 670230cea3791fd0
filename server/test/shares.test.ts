import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { DocumentSnapshot } from '../../shared/index.js';
import type {
  CreatedShareDto,
  PublicClientToServerEvents,
  PublicServerToClientEvents,
  ReaderCellUpdate,
  ReaderDocument,
  ShareLinkDto,
} from '../../shared/protocol/share.js';
import { hashToken } from '../src/services/shares.js';
import { data, login, request } from './helpers/http.js';
import { createDoc, createUser, open } from './helpers/review.js';
import type { TestUser } from './helpers/review.js';
import { ADMIN_PASSWORD, startServer, TEST_BACKEND } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

type ReaderSocket = Socket<PublicServerToClientEvents, PublicClientToServerEvents>;

/** A share reader over the real /public namespace; rejects with the connect_error. */
function connectReader(url: string, token: unknown): Promise<ReaderSocket> {
  const socket: ReaderSocket = io(`${url}/public`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

function nextEvent<E extends keyof PublicServerToClientEvents>(
  socket: ReaderSocket,
  event: E,
): Promise<Parameters<PublicServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} in 10 s`)), 10_000);
    const on = (...args: unknown[]): void => {
      clearTimeout(timer);
      resolve(args as Parameters<PublicServerToClientEvents[E]>);
    };
    (socket.once as (e: string, cb: (...a: unknown[]) => void) => void)(event, on);
  });
}

function disconnected(socket: ReaderSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) resolve('already');
    const timer = setTimeout(() => reject(new Error('still connected after 10 s')), 10_000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('read-only share links', () => {
  let server: TestServer;
  let admin: string;
  let translator: TestUser;
  let reviewer: TestUser;
  let docId: string;
  let t: LiveDoc;
  let r: LiveDoc;
  const readers: ReaderSocket[] = [];

  beforeEach(async () => {
    server = await startServer();
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    translator = await createUser(server.url, admin, 'dana', { roles: { kk: 'translator', ru: 'translator' } });
    reviewer = await createUser(server.url, admin, 'li', { roles: { kk: 'reviewer', ru: 'reviewer' } });
    docId = await createDoc(server.url, admin, ['The summit opened in Astana.', 'Delegates arrived on time.'], ['kk', 'ru']);
    t = await open(server.url, translator, docId);
    r = await open(server.url, reviewer, docId);
  });
  afterEach(async () => {
    for (const s of readers.splice(0)) s.close();
    t.socket.close();
    r.socket.close();
    await server.stop();
  });

  const pid = (i: number): string => t.doc.paragraphs[i]!.id;
  const share = async (body: object = {}): Promise<CreatedShareDto> =>
    data<CreatedShareDto>(server.url, 'POST', `/api/documents/${docId}/shares`, { cookie: admin, json: body });
  const readPublic = (token: string) => request<{ document: ReaderDocument }>(server.url, 'GET', `/api/public/share/${token}`);
  const write = async (i: number, lang: 'kk' | 'ru', text: string): Promise<number> => {
    const cell = t.doc.paragraphs[i]!.cells[lang]!;
    const a = await call(t.socket, 'cell:edit', { docId, paragraphId: pid(i), lang, opId: opId(), baseRev: cell.rev, text });
    if (!a.ok) throw new Error(a.error.code);
    await t.reach(a.data.seq);
    return a.data.rev;
  };
  const approve = async (i: number, lang: 'kk' | 'ru', text: string): Promise<void> => {
    const rev = await write(i, lang, text);
    const submitted = await call(t.socket, 'cell:status', { docId, paragraphId: pid(i), lang, opId: opId(), rev, status: 'in_review' });
    if (!submitted.ok) throw new Error(submitted.error.code);
    const approved = await call(r.socket, 'cell:status', { docId, paragraphId: pid(i), lang, opId: opId(), rev, status: 'approved' });
    if (!approved.ok) throw new Error(approved.error.code);
    await t.reach(approved.data.seq);
  };

  it('shows readers approved text only: no drafts, no people, no revisions, no other documents', async () => {
    await approve(0, 'kk', 'Саммит Астанада ашылды.');
    await write(0, 'kk', 'Саммит Астанада салтанатты түрде ашылды.');
    await write(1, 'ru', 'Делегаты прибыли вовремя.');
    const other = await createDoc(server.url, admin, ['Another secret document.'], ['ru']);
    const { token, share: link } = await share();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);

    const res = await readPublic(token);
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data.document).toEqual({
      title: 'Review test',
      sourceLang: 'en',
      langs: ['en', 'kk', 'ru'],
      paragraphs: [
        { id: pid(0), texts: { en: 'The summit opened in Astana.', kk: 'Саммит Астанада ашылды.', ru: null } },
        { id: pid(1), texts: { en: 'Delegates arrived on time.', kk: null, ru: null } },
      ],
    });
    const json = JSON.stringify(res.body);
    for (const secret of [
      'салтанатты',
      'Делегаты',
      translator.user.id,
      reviewer.user.id,
      'dana',
      'li"',
      'admin',
      other,
      docId,
      link.id,
      '"rev"',
      '"status"',
      'approvedRev',
      'history',
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(res.setCookie).toBeNull();
  });

  it('stores only a hash of the token, lists links without tokens, and forgets a revoked link at once', async () => {
    const { token, share: link } = await share();
    // Everything stored: the file, or every column of every row.
    const stored =
      TEST_BACKEND === 'embedded'
        ? await readFile(join(server.dataDir, 'shares.json'), 'utf8')
        : JSON.stringify(await server.storage.shares.list());
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashToken(token));

    const listed = await data<{ shares: ShareLinkDto[] }>(server.url, 'GET', `/api/documents/${docId}/shares`, { cookie: admin });
    expect(listed.shares).toEqual([link]);
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await readPublic(token)).status).toBe(200);
    expect(await data(server.url, 'DELETE', `/api/documents/${docId}/shares/${link.id}`, { cookie: admin })).toBeNull();
    expect(await readPublic(token)).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not_found' } } });
    expect(await request(server.url, 'DELETE', `/api/documents/${docId}/shares/${link.id}`, { cookie: admin })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect((await data<{ shares: ShareLinkDto[] }>(server.url, 'GET', `/api/documents/${docId}/shares`, { cookie: admin })).shares).toEqual(
      [],
    );
  });

  it('answers bad input with coded errors and changes nothing', async () => {
    const post = (json: unknown, cookie = admin, id = docId) =>
      request(server.url, 'POST', `/api/documents/${id}/shares`, { cookie, json });
    expect(await post({ expiresAt: 'tomorrow' })).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', details: [{ path: ['body', 'expiresAt'] }] } },
    });
    expect(await post({ expiresAt: new Date(Date.now() - 60_000).toISOString() })).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request' } },
    });
    expect(await post({ expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() })).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request' } },
    });
    expect(await post({}, translator.cookie)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await request(server.url, 'GET', `/api/documents/${docId}/shares`, { cookie: reviewer.cookie })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(await post({}, admin, 'd_nope')).toMatchObject({ status: 404, body: { error: { code: 'document_not_found' } } });
    expect(await request(server.url, 'POST', `/api/documents/${docId}/shares`, { json: {} })).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
    // Malformed, unknown and hash-looking tokens all read as "no such link".
    for (const token of ['short', 'x'.repeat(43), '%2E%2E', hashToken('x')]) {
      expect(await readPublic(token)).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not_found' } } });
    }
    expect((await data<{ shares: ShareLinkDto[] }>(server.url, 'GET', `/api/documents/${docId}/shares`, { cookie: admin })).shares).toEqual(
      [],
    );
  });

  it('stops an expired link, over REST and for a live reader', async () => {
    const token = 'e'.repeat(43);
    await server.storage.shares.add({
      id: 's_old',
      docId,
      tokenHash: hashToken(token),
      createdAt: new Date(0).toISOString(),
      createdBy: 'x',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(await readPublic(token)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    await expect(connectReader(server.url, token)).rejects.toThrow('not_found');

    const soon = await share({ expiresAt: new Date(Date.now() + 1500).toISOString() });
    const reader = await connectReader(server.url, soon.token);
    readers.push(reader);
    const [ended] = await nextEvent(reader, 'share:ended');
    expect(ended).toEqual({ code: 'not_found' });
    await disconnected(reader);
    expect(await readPublic(soon.token)).toMatchObject({ status: 404 });
  });

  it('sends a live reader each new approval (and nothing about drafts), and cuts it when the link is revoked', async () => {
    const { token, share: link } = await share();
    const reader = await connectReader(server.url, token);
    readers.push(reader);
    const p1 = pid(1);
    const seen: ReaderCellUpdate[] = [];
    reader.on('share:cell', (u) => void seen.push(u));

    const approval = nextEvent(reader, 'share:cell');
    await approve(1, 'ru', 'Делегаты прибыли вовремя.');
    expect((await approval)[0]).toEqual({ paragraphId: pid(1), lang: 'ru', text: 'Делегаты прибыли вовремя.' });
    // A later draft of the same cell never reaches readers.
    await write(1, 'ru', 'Делегаты прибыли с опозданием.');
    const structure = nextEvent(reader, 'share:structure');
    const adminLive = await open(server.url, admin, docId);
    expect((await call(adminLive.socket, 'paragraph:insert', { docId, opId: opId(), afterId: null, text: 'Opening words.' })).ok).toBe(
      true,
    );
    await structure;
    adminLive.socket.close();
    expect(seen).toEqual([{ paragraphId: p1, lang: 'ru', text: 'Делегаты прибыли вовремя.' }]);

    const ended = nextEvent(reader, 'share:ended');
    const gone = disconnected(reader);
    expect(await data(server.url, 'DELETE', `/api/documents/${docId}/shares/${link.id}`, { cookie: admin })).toBeNull();
    expect((await ended)[0]).toEqual({ code: 'not_found' });
    expect(await gone).toBe('io server disconnect');
    await expect(connectReader(server.url, token)).rejects.toThrow('not_found');
  });

  it('refuses a reader handshake without a valid token, and ends readers and links when the document is deleted', async () => {
    await expect(connectReader(server.url, undefined)).rejects.toThrow('not_found');
    await expect(connectReader(server.url, 'a'.repeat(43))).rejects.toThrow('not_found');
    const { token } = await share();
    const reader = await connectReader(server.url, token);
    readers.push(reader);
    const ended = nextEvent(reader, 'share:ended');
    expect(await data(server.url, 'DELETE', `/api/documents/${docId}`, { cookie: admin })).toBeNull();
    await ended;
    await disconnected(reader);
    expect(await readPublic(token)).toMatchObject({ status: 404 });
    await expect.poll(async () => (await server.storage.shares.list()).length).toBe(0);
  });

  it('rate-limits an address that keeps guessing tokens', async () => {
    const { token } = await share();
    const codes: string[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await readPublic(`${'g'.repeat(40)}${String(i).padStart(3, '0')}`);
      if (!res.body.ok) codes.push(res.body.error.code);
    }
    expect(codes.slice(0, 30).every((c) => c === 'not_found')).toBe(true);
    expect(codes[30]).toBe('rate_limited');
    // Past the budget even a good token waits for the window: guessing must not pay.
    expect(await readPublic(token)).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    await expect(connectReader(server.url, token)).rejects.toThrow('rate_limited');
  });

  it('keeps a snapshot consistent with what the reader is told', async () => {
    await approve(0, 'kk', 'Саммит Астанада ашылды.');
    const snap = (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie: admin })).document;
    const { token } = await share();
    const res = await readPublic(token);
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data.document.paragraphs.map((p) => p.texts.kk)).toEqual(snap.paragraphs.map((p) => p.cells.kk?.approvedText ?? null));
  });
});
