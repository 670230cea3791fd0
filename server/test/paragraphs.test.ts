import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CellHistoryDto, DocumentSnapshot } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import { editorPair } from './helpers/pair.js';
import type { EditorPair } from './helpers/pair.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

describe('structural operations', () => {
  let server: TestServer;
  let cookie: string;
  let docId: string;
  let a: LiveDoc;
  let b: LiveDoc;

  let pair: EditorPair;

  beforeEach(async () => {
    pair = await editorPair('structure', ['zh', 'kk'], ['First part. Second part.', 'Last.']);
    ({ server, cookie, docId, a, b } = pair);
  });
  afterEach(() => pair.close());

  async function settled(seq: number): Promise<DocumentSnapshot> {
    const { document } = await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });
    expect(document.seq).toBe(seq);
    await a.reach(seq);
    await b.reach(seq);
    expect(a.doc).toEqual(document);
    expect(b.doc).toEqual(document);
    return document;
  }

  const texts = (d: DocumentSnapshot, lang: 'en' | 'zh' | 'kk') => d.paragraphs.map((p) => p.cells[lang]?.text);

  it('inserts at the top and after a paragraph', async () => {
    const [p0, p1] = a.doc.paragraphs.map((p) => p.id);
    const top = await call(a.socket, 'paragraph:insert', { docId, opId: opId(), afterId: null, text: 'Title' });
    const mid = await call(b.socket, 'paragraph:insert', { docId, opId: opId(), afterId: p0!, text: '' });
    if (!top.ok || !mid.ok) throw new Error('insert refused');
    const d = await settled(mid.data.seq);
    expect(d.paragraphs.map((p) => p.id)).toEqual([top.data.paragraphId, p0, mid.data.paragraphId, p1]);
    expect(texts(d, 'en')).toEqual(['Title', 'First part. Second part.', '', 'Last.']);
    expect(d.paragraphs[2]?.cells.zh).toMatchObject({ text: '', rev: 0 });
  });

  it('deletes a paragraph', async () => {
    const p0 = a.doc.paragraphs[0]!.id;
    const r = await call(a.socket, 'paragraph:delete', { docId, opId: opId(), paragraphId: p0 });
    if (!r.ok) throw new Error(r.error.code);
    const d = await settled(r.data.seq);
    expect(texts(d, 'en')).toEqual(['Last.']);
    // Its history stays readable.
    const h = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${p0}/en/history`, { cookie });
    expect(h.revisions[0]?.text).toBe('First part. Second part.');
  });

  it('splits the source by graphemes and keeps the whole target in the first half, marked outdated', async () => {
    const p0 = a.doc.paragraphs[0]!.id;
    const zh = await call(a.socket, 'cell:edit', {
      docId,
      paragraphId: p0,
      lang: 'zh',
      opId: opId(),
      baseRev: 0,
      text: '第一部分。第二部分。',
    });
    if (!zh.ok) throw new Error(zh.error.code);
    const r = await call(b.socket, 'paragraph:split', { docId, opId: opId(), paragraphId: p0, baseRev: 1, offset: 12 });
    if (!r.ok) throw new Error(r.error.code);
    const d = await settled(r.data.seq);
    expect(texts(d, 'en')).toEqual(['First part. ', 'Second part.', 'Last.']);
    expect(d.paragraphs[1]?.id).toBe(r.data.paragraphId);
    expect(texts(d, 'zh')).toEqual(['第一部分。第二部分。', '', '']);
    expect(d.paragraphs[0]?.cells.zh?.outdated).toBe(true);

    // Offsets are graphemes: an emoji with a skin tone is one.
    const emoji = await call(a.socket, 'cell:edit', { docId, paragraphId: p0, lang: 'en', opId: opId(), baseRev: 2, text: '👍🏽ok' });
    if (!emoji.ok) throw new Error(emoji.error.code);
    const r2 = await call(a.socket, 'paragraph:split', { docId, opId: opId(), paragraphId: p0, baseRev: 3, offset: 1 });
    if (!r2.ok) throw new Error(r2.error.code);
    expect(texts(await settled(r2.data.seq), 'en').slice(0, 2)).toEqual(['👍🏽', 'ok']);
  });

  it('refuses a split past the end or on a stale revision, changing nothing', async () => {
    const p0 = a.doc.paragraphs[0]!.id;
    expect(await call(a.socket, 'paragraph:split', { docId, opId: opId(), paragraphId: p0, baseRev: 1, offset: 999 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await call(a.socket, 'paragraph:split', { docId, opId: opId(), paragraphId: p0, baseRev: 0, offset: 2 })).toMatchObject({
      ok: false,
      error: { code: 'bad_revision' },
    });
    await settled(1);
  });

  it('joins with the next paragraph in every language, with no space in Chinese', async () => {
    const [p0, p1] = a.doc.paragraphs.map((p) => p.id);
    for (const [pid, zh, kk] of [
      [p0!, '第一。', 'Бірінші.'],
      [p1!, '最后。', 'Соңғы.'],
    ] as const) {
      for (const [lang, text] of [
        ['zh', zh],
        ['kk', kk],
      ] as const) {
        const r = await call(a.socket, 'cell:edit', { docId, paragraphId: pid, lang, opId: opId(), baseRev: 0, text });
        if (!r.ok) throw new Error(r.error.code);
      }
    }
    const r = await call(b.socket, 'paragraph:join', { docId, opId: opId(), paragraphId: p0! });
    if (!r.ok) throw new Error(r.error.code);
    const d = await settled(r.data.seq);
    expect(d.paragraphs.map((p) => p.id)).toEqual([p0]);
    expect(texts(d, 'en')).toEqual(['First part. Second part. Last.']);
    expect(texts(d, 'zh')).toEqual(['第一。最后。']);
    expect(texts(d, 'kk')).toEqual(['Бірінші. Соңғы.']);

    expect(await call(b.socket, 'paragraph:join', { docId, opId: opId(), paragraphId: p0! })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('answers a retried structural operation with its first result', async () => {
    const id = opId();
    const first = await call(a.socket, 'paragraph:insert', { docId, opId: id, afterId: null, text: 'Once' });
    const again = await call(b.socket, 'paragraph:insert', { docId, opId: id, afterId: null, text: 'Once' });
    expect(again).toEqual(first);
    if (!first.ok) throw new Error(first.error.code);
    expect((await settled(first.data.seq)).paragraphs).toHaveLength(3);
    // The same id used for another kind of operation is a client bug, refused.
    expect(
      await call(a.socket, 'cell:edit', { docId, paragraphId: first.data.paragraphId, lang: 'en', opId: id, baseRev: 1, text: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('tells the room when a document is deleted and stops taking its events', async () => {
    const pid = a.doc.paragraphs[0]!.id;
    const deleted = new Promise((resolve) => b.socket.once('doc:event', resolve));
    const r = await data<null>(server.url, 'DELETE', `/api/documents/${docId}`, { cookie });
    expect(r).toBeNull();
    expect(await deleted).toMatchObject({ type: 'document.deleted', docId, seq: 2 });
    expect(
      await call(a.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'zh', opId: opId(), baseRev: 0, text: '晚了' }),
    ).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await call(a.socket, 'doc:join', { docId })).toMatchObject({ ok: false, error: { code: 'document_not_found' } });
  });
});

describe('presence', () => {
  it('lists who is where, per connection, and clears on leave and disconnect', async () => {
    const server = await startServer();
    try {
      const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
      await data(server.url, 'POST', '/api/users', { cookie, json: { username: 'dana', password: 'dana-password', displayName: 'Дана' } });
      const dana = await login(server.url, 'dana', 'dana-password');
      const docId = server.demoDocId;
      const watcher = await joinDoc(await connect(server.url, cookie), docId);
      const states: { entries: { displayName: string; paragraphId: string | null; typing: boolean }[] }[] = [];
      watcher.socket.on('presence:state', (s) => states.push(s));

      const other = await connect(server.url, dana);
      const joined = await call(other, 'doc:join', { docId });
      if (!joined.ok) throw new Error(joined.error.code);
      expect(joined.data.presence.map((e) => e.displayName).sort()).toEqual(['Administrator', 'Дана']);

      const pid = watcher.doc.paragraphs[2]!.id;
      expect(await call(other, 'presence:update', { docId, paragraphId: pid, lang: 'kk', typing: true })).toEqual({ ok: true, data: null });
      const until = Date.now() + 5_000;
      const danaAt = () => states.at(-1)?.entries.find((e) => e.displayName === 'Дана');
      while (danaAt()?.paragraphId !== pid && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(danaAt()).toMatchObject({ paragraphId: pid, typing: true });

      other.close();
      while (states.at(-1)?.entries.length !== 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(states.at(-1)?.entries.map((e) => e.displayName)).toEqual(['Administrator']);
      watcher.socket.close();
    } finally {
      await server.stop();
    }
  });
});
