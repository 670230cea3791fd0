import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CellHistoryDto, DocumentSnapshot, Lang } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import { editorPair } from './helpers/pair.js';
import type { EditorPair } from './helpers/pair.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

/** The same sentence in each language, and a non-overlapping edit at each end. */
const CASES: { lang: Lang; base: string; left: string; right: string; both: string }[] = [
  {
    lang: 'en',
    base: 'The summit was held in Astana.',
    left: 'The second summit was held in Astana.',
    right: 'The summit was held in Astana, Kazakhstan.',
    both: 'The second summit was held in Astana, Kazakhstan.',
  },
  {
    lang: 'zh',
    base: '峰会在阿斯塔纳举行。',
    left: '第二届峰会在阿斯塔纳举行。',
    right: '峰会在哈萨克斯坦阿斯塔纳举行。',
    both: '第二届峰会在哈萨克斯坦阿斯塔纳举行。',
  },
  {
    lang: 'ru',
    base: 'Саммит прошёл в Астане.',
    left: 'Второй саммит прошёл в Астане.',
    right: 'Саммит прошёл в Астане, Казахстан.',
    both: 'Второй саммит прошёл в Астане, Казахстан.',
  },
  {
    lang: 'kk',
    base: 'Саммит Астанада өтті.',
    left: 'Екінші саммит Астанада өтті.',
    right: 'Саммит Астанада сәтті өтті.',
    both: 'Екінші саммит Астанада сәтті өтті.',
  },
  {
    lang: 'uz',
    base: 'Sammit Ostonada boʻlib oʻtdi.',
    left: 'Ikkinchi sammit Ostonada boʻlib oʻtdi.',
    right: 'Sammit Ostonada muvaffaqiyatli boʻlib oʻtdi.',
    both: 'Ikkinchi sammit Ostonada muvaffaqiyatli boʻlib oʻtdi.',
  },
];

describe('cell edits between two clients', () => {
  let server: TestServer;
  let cookie: string;
  let docId: string;
  let a: LiveDoc;
  let b: LiveDoc;

  let pair: EditorPair;

  beforeEach(async () => {
    // A small document with every language as a column: English source, four targets.
    pair = await editorPair('merge', ['zh', 'ru', 'kk', 'uz'], ['One.', 'Two.']);
    ({ server, cookie, docId, a, b } = pair);
  });
  afterEach(() => pair.close());

  const pid = (i: number): string => a.doc.paragraphs[i]!.id;

  it.each(CASES)('merges non-overlapping edits made on the same revision ($lang)', async ({ lang, base, left, right, both }) => {
    // The source cell starts at revision 1 (imported text), targets at 0.
    const start = lang === 'en' ? 1 : 0;
    const seed = await call(a.socket, 'cell:edit', { docId, paragraphId: pid(0), lang, opId: opId(), baseRev: start, text: base });
    if (!seed.ok) throw new Error(seed.error.code);
    const seeded = seed.data;
    expect(seeded.outcome).toBe('applied');

    const [ra, rb] = await Promise.all([
      call(a.socket, 'cell:edit', { docId, paragraphId: pid(0), lang, opId: opId(), baseRev: seeded.rev, text: left }),
      call(b.socket, 'cell:edit', { docId, paragraphId: pid(0), lang, opId: opId(), baseRev: seeded.rev, text: right }),
    ]);
    if (!ra.ok || !rb.ok) throw new Error('edit refused');
    expect([ra.data.outcome, rb.data.outcome].sort()).toEqual(['applied', 'merged']);
    const last = ra.data.seq > rb.data.seq ? ra.data : rb.data;
    expect(last.text).toBe(both);

    await a.reach(last.seq);
    await b.reach(last.seq);
    const { document } = await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });
    expect(document.paragraphs[0]?.cells[lang]?.text).toBe(both);
    expect(a.doc).toEqual(document);
    expect(b.doc).toEqual(document);
  });

  it('keeps both texts when two edits change the same span; the sender is told', async () => {
    const first = await call(a.socket, 'cell:edit', {
      docId,
      paragraphId: pid(1),
      lang: 'ru',
      opId: opId(),
      baseRev: 0,
      text: 'Саммит прошёл в Астане.',
    });
    if (!first.ok) throw new Error(first.error.code);
    const mine = await call(a.socket, 'cell:edit', {
      docId,
      paragraphId: pid(1),
      lang: 'ru',
      opId: opId(),
      baseRev: first.data.rev,
      text: 'Саммит состоялся в Астане.',
    });
    const theirs = await call(b.socket, 'cell:edit', {
      docId,
      paragraphId: pid(1),
      lang: 'ru',
      opId: opId(),
      baseRev: first.data.rev,
      text: 'Саммит завершился в Астане.',
    });
    if (!mine.ok || !theirs.ok) throw new Error('edit refused');
    expect(mine.data.outcome).toBe('applied');
    expect(theirs.data).toMatchObject({
      outcome: 'conflict',
      text: 'Саммит состоялся в Астане.',
      rev: mine.data.rev,
      yours: 'Саммит завершился в Астане.',
    });

    const { document } = await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });
    expect(document.paragraphs[1]?.cells.ru).toMatchObject({ text: 'Саммит состоялся в Астане.', rev: mine.data.rev });
    const history = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${pid(1)}/ru/history`, { cookie });
    expect(history.revisions.at(-1)).toMatchObject({ kind: 'conflict', text: 'Саммит завершился в Астане.', rev: mine.data.rev });
    await a.reach(theirs.data.seq);
    expect(a.doc).toEqual(document);
  });

  it('treats a repeated opId as the first operation: same answer, no new event', async () => {
    const id = opId();
    const payload = { docId, paragraphId: pid(0), lang: 'kk' as const, opId: id, baseRev: 0, text: 'Бірінші.' };
    const first = await call(a.socket, 'cell:edit', payload);
    if (!first.ok) throw new Error(first.error.code);
    await b.reach(first.data.seq);
    const eventsBefore = b.received.length;

    // The retry comes from another connection and even carries another text: still the first result.
    const again = await call(b.socket, 'cell:edit', { ...payload, text: 'Басқа мәтін.' });
    expect(again).toEqual(first);
    const { document } = await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });
    expect(document.seq).toBe(first.data.seq);
    expect(document.paragraphs[0]?.cells.kk).toMatchObject({ text: 'Бірінші.', rev: 1 });
    // Had the retry produced an event, it would have reached b before b's ack: one ordered connection.
    expect(b.received.length).toBe(eventsBefore);
  });

  it('does not write an edit that leaves the text as it is', async () => {
    const r = await call(a.socket, 'cell:edit', { docId, paragraphId: pid(0), lang: 'en', opId: opId(), baseRev: 1, text: 'One.' });
    expect(r).toMatchObject({ ok: true, data: { outcome: 'unchanged', rev: 1, text: 'One.' } });
    expect((await server.documents.reads.snapshot(docId)).seq).toBe(1);
  });

  it('sends a rejoining client exactly the events it missed, and a snapshot when it is too far behind', async () => {
    const seenSeq = b.doc.seq;
    b.socket.close();
    const missed: number[] = [];
    for (const [i, text] of ['Үш.', 'Төрт.', 'Бес.'].entries()) {
      const r = await call(a.socket, 'cell:edit', { docId, paragraphId: pid(0), lang: 'kk', opId: opId(), baseRev: i, text });
      if (!r.ok) throw new Error(r.error.code);
      missed.push(r.data.seq);
    }
    const back = await connect(server.url, cookie);
    const r = await call(back, 'doc:join', { docId, sinceSeq: seenSeq });
    if (!r.ok || r.data.mode !== 'events') throw new Error('expected events');
    expect(r.data.events.map((e) => e.seq)).toEqual(missed);
    expect(r.data.events.map((e) => e.type === 'cell.edited' && e.text)).toEqual(['Үш.', 'Төрт.', 'Бес.']);

    const upToDate = await call(back, 'doc:join', { docId, sinceSeq: missed.at(-1)! });
    expect(upToDate).toMatchObject({ ok: true, data: { mode: 'events', events: [] } });
    back.close();
  });
});

describe('catching up past the ring of recent events', () => {
  it('sends a snapshot when the client missed more than the ring keeps', async () => {
    const server = await startServer({ ringSize: 4 });
    try {
      const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
      const a = await joinDoc(await connect(server.url, cookie), server.demoDocId);
      const b = await connect(server.url, cookie);
      const joined = await call(b, 'doc:join', { docId: server.demoDocId });
      if (!joined.ok || joined.data.mode !== 'snapshot') throw new Error('join failed');
      const seen = joined.data.doc.seq;
      b.close();
      const pid = a.doc.paragraphs[1]!.id;
      for (let rev = 0; rev < 8; rev++) {
        const r = await call(a.socket, 'cell:edit', {
          docId: server.demoDocId,
          paragraphId: pid,
          lang: 'uz',
          opId: opId(),
          baseRev: rev,
          text: `Matn ${rev}`,
        });
        if (!r.ok) throw new Error(r.error.code);
      }
      const back = await connect(server.url, cookie);
      const r = await call(back, 'doc:join', { docId: server.demoDocId, sinceSeq: seen });
      if (!r.ok || r.data.mode !== 'snapshot') throw new Error('expected a snapshot');
      expect(r.data.doc.seq).toBe(seen + 8);
      expect(r.data.doc.paragraphs[1]?.cells.uz).toMatchObject({ text: 'Matn 7', rev: 8 });
      // Two events back is still within the ring: exactly those.
      const recent = await call(back, 'doc:join', { docId: server.demoDocId, sinceSeq: seen + 6 });
      if (!recent.ok || recent.data.mode !== 'events') throw new Error('expected events');
      expect(recent.data.events.map((e) => e.seq)).toEqual([seen + 7, seen + 8]);
      back.close();
      a.socket.close();
    } finally {
      await server.stop();
    }
  });

  it('sends a snapshot after a restart, when the ring is empty', async () => {
    const server = await startServer();
    try {
      const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
      const a = await joinDoc(await connect(server.url, cookie), server.demoDocId);
      const pid = a.doc.paragraphs[0]!.id;
      // After a restart the ring is empty: only a snapshot can bring a client up to date.
      let rev = 0;
      for (const text of ['一', '一二']) {
        const r = await call(a.socket, 'cell:edit', {
          docId: server.demoDocId,
          paragraphId: pid,
          lang: 'zh',
          opId: opId(),
          baseRev: rev,
          text,
        });
        if (!r.ok) throw new Error(r.error.code);
        rev = r.data.rev;
      }
      a.socket.close();
      await server.stop({ remove: false });
      const again = await startServer({ dataDir: server.dataDir });
      try {
        const s = await connect(again.url, await login(again.url, 'admin', ADMIN_PASSWORD));
        const r = await call(s, 'doc:join', { docId: server.demoDocId, sinceSeq: 1 });
        if (!r.ok || r.data.mode !== 'snapshot') throw new Error('expected a snapshot');
        expect(r.data.doc.paragraphs[0]?.cells.zh).toMatchObject({ text: '一二', rev: 2 });
        // A client that claims a seq the server never reached gets a snapshot too.
        const ahead = await call(s, 'doc:join', { docId: server.demoDocId, sinceSeq: 10_000 });
        expect(ahead).toMatchObject({ ok: true, data: { mode: 'snapshot' } });
        s.close();
      } finally {
        await again.stop();
      }
    } finally {
      await server.stop();
    }
  });
});
