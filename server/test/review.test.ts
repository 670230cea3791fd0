import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSnapshot } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, callRaw, connect, joinDoc, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

describe('review workflow (cell:status)', () => {
  let server: TestServer;
  let cookie: string;
  let docId: string;
  let translator: LiveDoc;
  let reviewer: LiveDoc;
  let pid: string;

  beforeEach(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    docId = server.demoDocId;
    translator = await joinDoc(await connect(server.url, cookie), docId);
    reviewer = await joinDoc(await connect(server.url, cookie), docId);
    pid = translator.doc.paragraphs[0]!.id;
  });
  afterEach(async () => {
    translator.socket.close();
    reviewer.socket.close();
    await server.stop();
  });

  const stored = async (): Promise<DocumentSnapshot> =>
    (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie })).document;

  it('moves a cell through review to approval, and an edit after approval back to draft keeping the approved text', async () => {
    const edit = await call(translator.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'Екінші саммит.' });
    if (!edit.ok) throw new Error(edit.error.code);
    const review = await call(translator.socket, 'cell:status', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, status: 'in_review' });
    expect(review).toMatchObject({ ok: true, data: { rev: 1, status: 'in_review' } });
    const approve = await call(reviewer.socket, 'cell:status', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, status: 'approved' });
    if (!approve.ok) throw new Error(approve.error.code);
    expect(approve.data).toMatchObject({ rev: 1, status: 'approved' });

    const fix = await call(translator.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 1, text: 'Екінші саммит өтті.' });
    if (!fix.ok) throw new Error(fix.error.code);
    expect(fix.data).toMatchObject({ rev: 2, status: 'draft' });

    const doc = await stored();
    expect(doc.paragraphs[0]?.cells.kk).toMatchObject({ text: 'Екінші саммит өтті.', rev: 2, status: 'draft', approvedRev: 1, approvedText: 'Екінші саммит.' });
    await translator.reach(doc.seq);
    await reviewer.reach(doc.seq);
    expect(translator.doc).toEqual(doc);
    expect(reviewer.doc).toEqual(doc);
  });

  it('refuses a status for a revision the reviewer did not see, for an empty cell, and before joining', async () => {
    const edit = await call(translator.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'ru', opId: opId(), baseRev: 0, text: 'Второй саммит.' });
    if (!edit.ok) throw new Error(edit.error.code);
    const before = await stored();
    expect(await call(reviewer.socket, 'cell:status', { docId, paragraphId: pid, lang: 'ru', opId: opId(), rev: 2, status: 'approved' })).toMatchObject({ ok: false, error: { code: 'bad_revision' } });
    expect(await call(reviewer.socket, 'cell:status', { docId, paragraphId: pid, lang: 'zh', opId: opId(), rev: 1, status: 'approved' })).toMatchObject({ ok: false, error: { code: 'bad_revision' } });
    const emptyTarget = translator.doc.paragraphs[1]!.id;
    expect(await callRaw(reviewer.socket, 'cell:status', { docId, paragraphId: emptyTarget, lang: 'uz', opId: opId(), rev: 0, status: 'approved' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await callRaw(reviewer.socket, 'cell:status', { docId, paragraphId: pid, lang: 'ru', opId: opId(), rev: 1, status: 'empty' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await call(reviewer.socket, 'doc:leave', { docId });
    expect(await call(reviewer.socket, 'cell:status', { docId, paragraphId: pid, lang: 'ru', opId: opId(), rev: 1, status: 'approved' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await stored()).toEqual(before);
  });

  it('answers a repeated status opId with the first result and no new event', async () => {
    const edit = await call(translator.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'uz', opId: opId(), baseRev: 0, text: 'Ikkinchi sammit.' });
    if (!edit.ok) throw new Error(edit.error.code);
    const payload = { docId, paragraphId: pid, lang: 'uz' as const, opId: opId(), rev: 1, status: 'approved' as const };
    const first = await call(reviewer.socket, 'cell:status', payload);
    const again = await call(translator.socket, 'cell:status', payload);
    expect(again).toEqual(first);
    if (!first.ok) throw new Error(first.error.code);
    expect((await stored()).seq).toBe(first.data.seq);
    // Setting the status a cell already has writes nothing.
    const same = await call(reviewer.socket, 'cell:status', { ...payload, opId: opId() });
    expect(same).toMatchObject({ ok: true, data: { seq: first.data.seq, status: 'approved' } });
  });
});
