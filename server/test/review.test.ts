import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CellHistoryDto, DocumentSnapshot, DocumentSummary, MentionNotification } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { createDoc, createUser, open } from './helpers/review.js';
import type { TestUser } from './helpers/review.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, callRaw, connect, joinDoc, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

/**
 * The review flow over real sockets with three people: a Kazakh translator
 * and two Kazakh reviewers, plus the admin who made the document.
 */
describe('review flow with roles', () => {
  let server: TestServer;
  let admin: string;
  let tUser: TestUser;
  let rUser: TestUser;
  let docId: string;
  let t: LiveDoc;
  let r: LiveDoc;
  let r2: LiveDoc;
  let pid: string;
  const live: LiveDoc[] = [];

  beforeEach(async () => {
    server = await startServer();
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    tUser = await createUser(server.url, admin, 'dana', { roles: { kk: 'translator' } });
    rUser = await createUser(server.url, admin, 'li', { roles: { kk: 'reviewer', ru: 'reviewer' } });
    const r2User = await createUser(server.url, admin, 'marat', { roles: { kk: 'reviewer' } });
    docId = await createDoc(server.url, admin, ['The second summit.', 'It took 2 days.']);
    t = await open(server.url, tUser, docId);
    r = await open(server.url, rUser, docId);
    r2 = await open(server.url, r2User, docId);
    live.push(t, r, r2);
    pid = t.doc.paragraphs[0]!.id;
  });
  afterEach(async () => {
    for (const l of live.splice(0)) l.socket.close();
    await server.stop();
  });

  const stored = async (): Promise<DocumentSnapshot> =>
    (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie: admin })).document;
  const edit = async (who: LiveDoc, text: string, baseRev: number, paragraphId = pid) => {
    const a = await call(who.socket, 'cell:edit', { docId, paragraphId, lang: 'kk', opId: opId(), baseRev, text });
    if (!a.ok) throw new Error(a.error.code);
    return a.data;
  };
  const status = (
    who: LiveDoc,
    rev: number,
    s: 'draft' | 'in_review' | 'approved' | 'changes_requested',
    extra: { comment?: string; paragraphId?: string; overrides?: { check: string; reason: string }[] } = {},
  ) =>
    call(who.socket, 'cell:status', {
      docId,
      paragraphId: extra.paragraphId ?? pid,
      lang: 'kk',
      opId: opId(),
      rev,
      status: s,
      ...(extra.comment ? { comment: extra.comment } : {}),
      ...(extra.overrides ? { overrides: extra.overrides } : {}),
    });

  it('runs submit → changes requested with a comment → fix → resubmit → approve, and every copy agrees', async () => {
    await edit(t, 'Екінші саммит.', 0);
    expect(await status(t, 1, 'in_review')).toMatchObject({ ok: true, data: { status: 'in_review' } });
    expect(await status(r, 1, 'changes_requested')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await status(r, 1, 'changes_requested', { comment: 'Use «екінші» with the article.' })).toMatchObject({
      ok: true,
      data: { status: 'changes_requested' },
    });
    await edit(t, 'Екінші саммит өтті.', 1);
    expect(await status(t, 2, 'in_review')).toMatchObject({ ok: true });
    const approved = await status(r2, 2, 'approved');
    if (!approved.ok) throw new Error(approved.error.code);

    const doc = await stored();
    expect(doc.paragraphs[0]?.cells.kk).toMatchObject({ status: 'approved', rev: 2, approvedRev: 2, approvedText: 'Екінші саммит өтті.' });
    expect(doc.comments).toEqual([
      expect.objectContaining({
        paragraphId: pid,
        lang: 'kk',
        text: 'Use «екінші» with the article.',
        author: rUser.user.id,
        resolved: false,
      }),
    ]);
    const history = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${pid}/kk/history`, {
      cookie: tUser.cookie,
    });
    expect(history.revisions.map((x) => [x.kind, x.rev, x.status])).toEqual([
      ['edit', 1, 'draft'],
      ['status', 1, 'in_review'],
      ['status', 1, 'changes_requested'],
      ['edit', 2, 'draft'],
      ['status', 2, 'in_review'],
      ['status', 2, 'approved'],
    ]);
    for (const l of [t, r, r2]) {
      await l.reach(doc.seq);
      expect(l.doc).toEqual(doc);
    }
  });

  it('refuses an approval of a revision the translator has since typed over, even when both are sent at once', async () => {
    await edit(t, 'Екінші саммит.', 0);
    await status(t, 1, 'in_review');
    await edit(t, 'Екінші саммит өтті.', 1);
    expect(await status(r, 1, 'approved')).toMatchObject({ ok: false, error: { code: 'bad_revision' } });
    expect((await stored()).paragraphs[0]?.cells.kk).toMatchObject({ status: 'draft', approvedRev: null });

    // Race: the reviewer approves revision 3 while the translator's next keystrokes are on the way.
    await status(t, 2, 'in_review');
    const [approve, typed] = await Promise.all([
      status(r, 2, 'approved'),
      call(t.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 2, text: 'Екінші саммит өтті!' }),
    ]);
    expect(typed.ok).toBe(true);
    const cell = (await stored()).paragraphs[0]!.cells.kk!;
    if (approve.ok) {
      // The approval landed first: it is about revision 2 exactly, and the newer text is a draft.
      expect(cell).toMatchObject({ approvedRev: 2, approvedText: 'Екінші саммит өтті.', rev: 3, status: 'draft' });
    } else {
      expect(approve.error.code).toBe('bad_revision');
      expect(cell).toMatchObject({ approvedRev: null, rev: 3, status: 'draft' });
    }
  });

  it('keeps reviewers from approving their own revision unless the document allows it', async () => {
    await edit(r, 'Екінші саммит.', 0);
    await status(r, 1, 'in_review');
    expect(await status(r, 1, 'approved')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const adminLive = await open(server.url, admin, docId);
    live.push(adminLive);
    expect(await call(r.socket, 'doc:settings', { docId, opId: opId(), allowSelfApproval: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(adminLive.socket, 'doc:settings', { docId, opId: opId(), allowSelfApproval: true })).toMatchObject({ ok: true });
    expect(await status(r, 1, 'approved')).toMatchObject({ ok: true, data: { status: 'approved' } });
    expect((await stored()).settings).toEqual({ allowSelfApproval: true });
  });

  it('refuses steps the state machine or the roles do not allow, changing nothing', async () => {
    await edit(t, 'Екінші саммит.', 0);
    const before = await stored();
    expect(await status(r, 1, 'approved')).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await status(t, 1, 'approved')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await status(t, 2, 'in_review')).toMatchObject({ ok: false, error: { code: 'bad_revision' } });
    expect(
      await callRaw(r.socket, 'cell:status', {
        docId,
        paragraphId: t.doc.paragraphs[1]!.id,
        lang: 'kk',
        opId: opId(),
        rev: 0,
        status: 'approved',
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(
      await call(t.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'ru', opId: opId(), baseRev: 0, text: 'Нет роли.' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stored()).toEqual(before);
  });

  it('blocks approval on an error finding unless the reviewer overrides it with a reason', async () => {
    const p1 = t.doc.paragraphs[1]!.id;
    // The source says 2 days; the translation lost the number.
    await edit(t, 'Екі күнге созылды.', 0, p1);
    await status(t, 1, 'in_review', { paragraphId: p1 });
    expect(await status(r, 1, 'approved', { paragraphId: p1 })).toMatchObject({ ok: false, error: { code: 'checks_failed' } });
    const ok = await status(r, 1, 'approved', {
      paragraphId: p1,
      overrides: [{ check: 'number_missing', reason: 'Written out as a word in Kazakh.' }],
    });
    expect(ok).toMatchObject({ ok: true, data: { status: 'approved' } });
  });

  it('marks approved translations outdated when the source changes, lists them for re-review and tracks completeness', async () => {
    const one = await createDoc(server.url, admin, ['Hello.'], ['kk']);
    const ta = await open(server.url, tUser, one);
    const ra = await open(server.url, rUser, one);
    const ad = await open(server.url, admin, one);
    live.push(ta, ra, ad);
    const p = ta.doc.paragraphs[0]!.id;
    const summary = async () =>
      (await data<{ documents: DocumentSummary[] }>(server.url, 'GET', '/api/documents', { cookie: admin })).documents.find(
        (d) => d.id === one,
      )!;
    await call(ta.socket, 'cell:edit', { docId: one, paragraphId: p, lang: 'kk', opId: opId(), baseRev: 0, text: 'Сәлем.' });
    await call(ta.socket, 'cell:status', { docId: one, paragraphId: p, lang: 'kk', opId: opId(), rev: 1, status: 'in_review' });
    expect(
      await call(ra.socket, 'cell:status', { docId: one, paragraphId: p, lang: 'kk', opId: opId(), rev: 1, status: 'approved' }),
    ).toMatchObject({ ok: true });
    expect((await summary()).complete).toMatchObject({ kk: true });

    expect(
      await call(ad.socket, 'cell:edit', { docId: one, paragraphId: p, lang: 'en', opId: opId(), baseRev: 1, text: 'Hello again.' }),
    ).toMatchObject({ ok: true });
    const s = await summary();
    expect(s.complete).toMatchObject({ kk: false });
    expect(s.progress.kk).toMatchObject({ outdated: 1 });
    // Re-review: the same revision approved again clears the flag.
    expect(
      await call(ra.socket, 'cell:status', { docId: one, paragraphId: p, lang: 'kk', opId: opId(), rev: 1, status: 'approved' }),
    ).toMatchObject({ ok: true });
    expect((await summary()).complete).toMatchObject({ kk: true });
  });

  it('approves all cells in review that pass their checks, and submits only my own drafts', async () => {
    const [p0, p1] = t.doc.paragraphs.map((p) => p.id);
    await edit(t, 'Екінші саммит.', 0, p0);
    await edit(r, 'Екі күнге созылды.', 0, p1); // the reviewer's draft, and the number is missing: an error finding
    expect(await call(t.socket, 'review:submitAll', { docId, opId: opId(), lang: 'kk' })).toMatchObject({
      ok: true,
      data: { changed: 1, skipped: [] },
    });
    expect((await stored()).paragraphs.map((p) => p.cells.kk?.status)).toEqual(['in_review', 'draft']);
    expect(await status(r, 1, 'in_review', { paragraphId: p1 })).toMatchObject({ ok: true });

    expect(await call(t.socket, 'review:approveAll', { docId, opId: opId(), lang: 'kk' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const batch = await call(r2.socket, 'review:approveAll', { docId, opId: opId(), lang: 'kk' });
    expect(batch).toMatchObject({ ok: true, data: { changed: 1, skipped: [{ paragraphId: p1, reason: 'checks_failed' }] } });
    expect((await stored()).paragraphs.map((p) => p.cells.kk?.status)).toEqual(['approved', 'in_review']);
  });

  it('restores an old revision as a new draft and keeps the history', async () => {
    await edit(t, 'Бірінші.', 0);
    await edit(t, 'Екінші.', 1);
    expect(await call(t.socket, 'cell:restore', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 1, rev: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_revision' },
    });
    expect(await call(t.socket, 'cell:restore', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 2, rev: 7 })).toMatchObject({
      ok: false,
      error: { code: 'bad_revision' },
    });
    const restored = await call(t.socket, 'cell:restore', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 2, rev: 1 });
    expect(restored).toMatchObject({ ok: true, data: { outcome: 'applied', rev: 3, text: 'Бірінші.', status: 'draft' } });
    const history = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${pid}/kk/history`, {
      cookie: rUser.cookie,
    });
    expect(history.revisions.map((x) => [x.kind, x.rev, x.text])).toEqual([
      ['edit', 1, 'Бірінші.'],
      ['edit', 2, 'Екінші.'],
      ['restore', 3, 'Бірінші.'],
    ]);
  });

  it('refuses malformed review payloads with bad_request and changes nothing', async () => {
    const before = await stored();
    const bad: [string, unknown][] = [
      ['cell:restore', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: -1, rev: 0 }],
      [
        'cell:status',
        {
          docId,
          paragraphId: pid,
          lang: 'kk',
          opId: opId(),
          rev: 1,
          status: 'approved',
          overrides: [{ check: 'number_missing', reason: '' }],
        },
      ],
      ['comment:add', { docId, opId: opId(), paragraphId: pid, lang: 'kk', text: 'x'.repeat(4001) }],
      ['comment:resolve', { docId, opId: opId(), commentId: 'c1', resolved: 'yes' }],
      ['review:approveAll', { docId, opId: opId(), lang: 'de' }],
      ['review:submitAll', { docId, lang: 'kk' }],
      ['doc:settings', { docId, opId: opId(), allowSelfApproval: 1 }],
    ];
    for (const [event, payload] of bad)
      expect([event, await callRaw(r.socket, event, payload)]).toMatchObject([event, { ok: false, error: { code: 'bad_request' } }]);
    expect(await stored()).toEqual(before);
  });

  it('keeps comments, settings and statuses across a restart (journal and snapshot)', async () => {
    const adminLive = await open(server.url, admin, docId);
    live.push(adminLive);
    await edit(t, 'Екінші саммит.', 0);
    await status(t, 1, 'in_review');
    await status(r, 1, 'changes_requested', { comment: 'Тексеріңіз.' });
    await call(adminLive.socket, 'doc:settings', { docId, opId: opId(), allowSelfApproval: true });
    const before = await stored();
    for (const l of live.splice(0)) l.socket.close();
    await server.stop({ remove: false });
    server = await startServer({ dataDir: server.dataDir });
    const after = await joinDoc(await connect(server.url, await login(server.url, 'admin', ADMIN_PASSWORD)), docId);
    live.push(after);
    expect(after.doc).toEqual(before);
    expect(after.doc.comments?.[0]).toMatchObject({ text: 'Тексеріңіз.' });
    expect(after.doc.settings).toEqual({ allowSelfApproval: true });
  });

  it('notifies a mentioned user live, even outside the document, and resolves and reopens threads', async () => {
    const elsewhere = await connect(server.url, tUser.cookie);
    const notes: MentionNotification[] = [];
    elsewhere.on('notification:mention', (n) => notes.push(n));
    try {
      const added = await call(r.socket, 'comment:add', {
        docId,
        opId: opId(),
        paragraphId: pid,
        lang: 'en',
        text: 'Is “summit” right here, @dana? cc @nobody',
      });
      if (!added.ok) throw new Error(added.error.code);
      await expect.poll(() => notes.length).toBe(1);
      expect(notes[0]).toMatchObject({
        docId,
        commentId: added.data.commentId,
        by: rUser.user.id,
        byName: 'li',
        paragraphId: pid,
        lang: 'en',
      });
      const doc = await stored();
      expect(doc.comments?.[0]).toMatchObject({ mentions: [tUser.user.id], lang: 'en' });

      expect(
        await call(t.socket, 'comment:resolve', { docId, opId: opId(), commentId: added.data.commentId, resolved: true }),
      ).toMatchObject({ ok: true });
      expect(
        await call(r.socket, 'comment:resolve', { docId, opId: opId(), commentId: added.data.commentId, resolved: false }),
      ).toMatchObject({ ok: true });
      expect(await call(r.socket, 'comment:resolve', { docId, opId: opId(), commentId: 'c_missing', resolved: true })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(
        await call(t.socket, 'comment:add', { docId, opId: opId(), paragraphId: pid, lang: 'ru', text: 'not my column' }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await callRaw(t.socket, 'comment:add', { docId, opId: opId(), paragraphId: pid, lang: 'kk', text: '   ' })).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
      expect((await stored()).comments).toEqual([expect.objectContaining({ resolved: false, resolvedBy: null })]);

      const activity = await data<{ items: { type: string; by: string }[] }>(server.url, 'GET', `/api/documents/${docId}/activity`, {
        cookie: tUser.cookie,
      });
      expect(activity.items.slice(-3).map((i) => i.type)).toEqual(['comment.added', 'comment.resolved', 'comment.resolved']);
    } finally {
      elsewhere.close();
    }
  });
  it('keeps an open mention in the inbox (GET /api/mentions) for someone who was away, until the thread is resolved', async () => {
    // marat closes his tab; he is mentioned while away.
    r2.socket.close();
    const added = await call(t.socket, 'comment:add', {
      docId,
      opId: opId(),
      paragraphId: pid,
      lang: 'kk',
      text: '@marat please check the figure',
    });
    if (!added.ok) throw new Error(added.error.code);
    const later = await call(r.socket, 'comment:add', {
      docId,
      opId: opId(),
      paragraphId: pid,
      lang: 'kk',
      text: '@marat and this one too',
    });
    if (!later.ok) throw new Error(later.error.code);
    const marat = await login(server.url, 'marat', 'marat-password');
    const inbox = async (cookie: string) =>
      (await data<{ mentions: MentionNotification[] }>(server.url, 'GET', '/api/mentions', { cookie })).mentions;
    const mine = await inbox(marat);
    expect(mine.map((m) => m.commentId)).toEqual([later.data.commentId, added.data.commentId]); // newest first
    expect(mine[1]).toMatchObject({
      docId,
      paragraphId: pid,
      lang: 'kk',
      by: tUser.user.id,
      byName: 'dana',
      text: '@marat please check the figure',
    });
    expect(mine[1]?.docTitle).toBeTruthy();
    expect(await inbox(tUser.cookie)).toEqual([]); // not mentioned: sees nothing of it
    expect((await request(server.url, 'GET', '/api/mentions')).status).toBe(401);

    expect(await call(r.socket, 'comment:resolve', { docId, opId: opId(), commentId: added.data.commentId, resolved: true })).toMatchObject(
      { ok: true },
    );
    expect((await inbox(marat)).map((m) => m.commentId)).toEqual([later.data.commentId]);
  });
});
