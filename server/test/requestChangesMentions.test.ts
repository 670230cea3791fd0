import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, MentionNotification } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { createDoc, createUser, open } from './helpers/review.js';
import type { TestUser } from './helpers/review.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

/**
 * Issue 11: an @mention in a "Request changes" reason notified nobody, while
 * the same text as a comment did. The reason becomes a comment: its mentions
 * are kept on it, told live to every connection of the mentioned user, and
 * wait in their inbox (GET /api/mentions) like any comment's.
 */
describe('mentions in a request for changes', () => {
  let server: TestServer;
  let admin: string;
  let dana: TestUser;
  let li: TestUser;
  let marat: TestUser;
  const live: LiveDoc[] = [];

  beforeEach(async () => {
    server = await startServer();
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    dana = await createUser(server.url, admin, 'dana', { roles: { kk: 'translator' } });
    li = await createUser(server.url, admin, 'li', { roles: { kk: 'reviewer' } });
    marat = await createUser(server.url, admin, 'marat', { roles: { kk: 'reviewer' } });
  });
  afterEach(async () => {
    for (const l of live.splice(0)) l.socket.close();
    await server.stop();
  });

  it('notifies the users named in the reason, keeps them on the comment and in their inbox', async () => {
    const docId = await createDoc(server.url, admin, ['The second summit.']);
    const t = await open(server.url, dana, docId);
    const r = await open(server.url, li, docId);
    live.push(t, r);
    const pid = t.doc.paragraphs[0]!.id;
    const edited = await call(t.socket, 'cell:edit', {
      docId,
      paragraphId: pid,
      lang: 'kk',
      opId: opId(),
      baseRev: 0,
      text: 'Екінші саммит.',
    });
    if (!edited.ok) throw new Error(edited.error.code);
    expect(
      await call(t.socket, 'cell:status', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, status: 'in_review' }),
    ).toMatchObject({
      ok: true,
    });

    // Marat is not in the document at all; Dana is, and also has a second tab elsewhere.
    const elsewhere = await connect(server.url, marat.cookie);
    const notes: MentionNotification[] = [];
    elsewhere.on('notification:mention', (n) => notes.push(n));
    try {
      const reason = 'Check the ordinal, @marat — and @li, that is you (no self-notice); @nobody.';
      const asked = await call(r.socket, 'cell:status', {
        docId,
        paragraphId: pid,
        lang: 'kk',
        opId: opId(),
        rev: 1,
        status: 'changes_requested',
        comment: reason,
      });
      if (!asked.ok) throw new Error(asked.error.code);
      expect(asked.data).toMatchObject({ status: 'changes_requested', commentId: expect.any(String) });
      await expect.poll(() => notes.length).toBe(1);
      expect(notes[0]).toMatchObject({
        docId,
        commentId: asked.data.commentId,
        paragraphId: pid,
        lang: 'kk',
        by: li.user.id,
        byName: 'li',
        text: reason,
      });

      const doc = (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie: admin })).document;
      expect(doc.comments).toEqual([expect.objectContaining({ id: asked.data.commentId, text: reason, mentions: [marat.user.id] })]);
      const inbox = await data<{ mentions: MentionNotification[] }>(server.url, 'GET', '/api/mentions', { cookie: marat.cookie });
      expect(inbox.mentions.map((m) => m.commentId)).toEqual([asked.data.commentId]);
      // Dana, who was not named, has nothing waiting.
      const none = await data<{ mentions: MentionNotification[] }>(server.url, 'GET', '/api/mentions', { cookie: dana.cookie });
      expect(none.mentions).toEqual([]);
    } finally {
      elsewhere.close();
    }
  });
});
