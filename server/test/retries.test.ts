import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, DocEvent, MentionNotification } from '../../shared/index.js';
import { login } from './helpers/http.js';
import { createDoc, createUser, open } from './helpers/review.js';
import type { TestUser } from './helpers/review.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import type { AckOf, LiveDoc, TestSocket } from './helpers/sockets.js';

type Review = 'cell:status' | 'cell:restore' | 'comment:add' | 'comment:resolve' | 'review:approveAll';

/**
 * Comments and review actions are exactly-once per opId, end to end: the same
 * operation sent again — its ack lost, or the connection dropped and a new one
 * opened before the answer came — gets the first answer, and the document,
 * the room and the mentioned user see it once. Real server, real sockets.
 */
describe('review actions and comments sent twice with one opId', () => {
  let server: TestServer;
  let admin: string;
  let tUser: TestUser;
  let rUser: TestUser;
  let docId: string;
  let t: LiveDoc;
  let r: LiveDoc;
  let watcher: LiveDoc;
  let pid: string;
  const sockets: TestSocket[] = [];
  /** Every doc:event a third connection (an admin watching the room) received. */
  const seen: DocEvent[] = [];

  beforeEach(async () => {
    server = await startServer();
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    tUser = await createUser(server.url, admin, 'dana', { roles: { kk: 'translator' } });
    rUser = await createUser(server.url, admin, 'li', { roles: { kk: 'reviewer' } });
    docId = await createDoc(server.url, admin, ['The second summit.', 'It took 2 days.']);
    t = await open(server.url, tUser, docId);
    r = await open(server.url, rUser, docId);
    watcher = await open(server.url, admin, docId);
    sockets.push(t.socket, r.socket, watcher.socket);
    seen.length = 0;
    watcher.socket.on('doc:event', (ev) => seen.push(ev));
    pid = t.doc.paragraphs[0]!.id;
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await server.stop();
  });

  const ok = async <E extends Review | 'cell:edit'>(
    socket: TestSocket,
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<{ data: Extract<AckOf<E>, { ok: true }>['data'] }> => {
    const a: AckOf<E> = await call(socket, event, payload);
    if (!a.ok) throw new Error(`${event}: ${a.error.code}`);
    return a as Extract<AckOf<E>, { ok: true }>;
  };
  /** A translator's draft sent for review, as the starting point of a review step. */
  const inReview = async (): Promise<number> => {
    await ok(t.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'Екінші саммит.' });
    await ok(t.socket, 'cell:status', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, status: 'in_review' });
    return watcher.doc.seq + 2;
  };
  /** The same payload again over a new connection of the same user (the first one's ack never came). */
  const again = async <E extends Review>(who: TestUser, event: E, payload: Parameters<ClientToServerEvents[E]>[0]) => {
    const fresh = await joinDoc(await connect(server.url, who.cookie), docId);
    sockets.push(fresh.socket);
    return call(fresh.socket, event, payload);
  };
  /** Sends `payload` on the open socket and, without waiting, again; then once more after a reconnect. Checks all three agree. */
  const thrice = async <E extends Review>(who: TestUser, live: LiveDoc, event: E, payload: Parameters<ClientToServerEvents[E]>[0]) => {
    // Everything before this operation has reached the watcher.
    await watcher.reach((await server.documents.reads.snapshot(docId)).seq);
    const before = seen.length;
    const [first, second] = await Promise.all([call(live.socket, event, payload), call(live.socket, event, payload)]);
    const third = await again(who, event, payload);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    // Settle the room: anything a duplicate broadcast would add has arrived by the time a later event does.
    const marker = await ok(watcher.socket, 'cell:edit', {
      docId,
      paragraphId: pid,
      lang: 'en',
      opId: opId(),
      baseRev: 1,
      text: 'The 2nd summit.',
    });
    await watcher.reach(marker.data.seq);
    return { first, events: seen.slice(before).filter((e) => e.seq < marker.data.seq) };
  };

  it('approves once', async () => {
    await inReview();
    const payload = { docId, paragraphId: pid, lang: 'kk' as const, opId: opId(), rev: 1, status: 'approved' as const };
    const { events } = await thrice(rUser, r, 'cell:status', payload);
    expect(events.map((e) => e.type)).toEqual(['cell.status']);
    expect(watcher.doc.paragraphs[0]!.cells.kk).toMatchObject({ status: 'approved', approvedRev: 1 });
  });

  it('requests changes once, with its comment once, and tells the user its reason mentions once', async () => {
    const elsewhere = await connect(server.url, tUser.cookie);
    sockets.push(elsewhere);
    const notes: MentionNotification[] = [];
    elsewhere.on('notification:mention', (n) => notes.push(n));
    await inReview();
    const payload = {
      docId,
      paragraphId: pid,
      lang: 'kk' as const,
      opId: opId(),
      rev: 1,
      status: 'changes_requested' as const,
      comment: 'Say “саммиті”, @dana.',
    };
    const { events } = await thrice(rUser, r, 'cell:status', payload);
    expect(events.map((e) => e.type).sort()).toEqual(['cell.status', 'comment.added']);
    expect(watcher.doc.comments).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notes).toHaveLength(1);
  });

  it('approves all once', async () => {
    await inReview();
    const { first, events } = await thrice(rUser, r, 'review:approveAll', { docId, opId: opId(), lang: 'kk' });
    expect(first).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(events.map((e) => e.type)).toEqual(['cell.status']);
  });

  it('restores a revision once', async () => {
    await ok(t.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'Бірінші.' });
    await ok(t.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 1, text: 'Екінші.' });
    const { first, events } = await thrice(tUser, t, 'cell:restore', {
      docId,
      paragraphId: pid,
      lang: 'kk',
      opId: opId(),
      baseRev: 2,
      rev: 1,
    });
    expect(first).toMatchObject({ ok: true, data: { rev: 3, text: 'Бірінші.' } });
    expect(events.map((e) => e.type)).toEqual(['cell.edited']);
  });

  it('adds a comment once and notifies the mentioned user once', async () => {
    const elsewhere = await connect(server.url, tUser.cookie);
    sockets.push(elsewhere);
    const notes: MentionNotification[] = [];
    elsewhere.on('notification:mention', (n) => notes.push(n));
    const payload = { docId, opId: opId(), paragraphId: pid, lang: 'kk' as const, text: 'Check the figure, @dana.' };
    const { events } = await thrice(rUser, r, 'comment:add', payload);
    expect(events.map((e) => e.type)).toEqual(['comment.added']);
    expect(watcher.doc.comments).toHaveLength(1);
    // The marker edit came after the three answers; a late notification would have had time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notes).toHaveLength(1);
  });

  it('resolves a comment once', async () => {
    const added = await ok(r.socket, 'comment:add', { docId, opId: opId(), paragraphId: pid, lang: 'kk', text: 'Check the figure.' });
    const payload = { docId, opId: opId(), commentId: added.data.commentId, resolved: true };
    const { events } = await thrice(tUser, t, 'comment:resolve', payload);
    expect(events.map((e) => e.type)).toEqual(['comment.resolved']);
    expect(watcher.doc.comments?.[0]).toMatchObject({ resolved: true, resolvedBy: tUser.user.id });
  });

  it('adds a comment once and notifies once also when the retry comes after a restart', async () => {
    const payload = { docId, opId: opId(), paragraphId: pid, lang: 'kk' as const, text: 'Is this right, @dana?' };
    const first = await ok(r.socket, 'comment:add', payload);
    for (const s of sockets.splice(0)) s.close();
    const dataDir = server.dataDir;
    await server.stop({ remove: false });
    server = await startServer({ dataDir });
    const listener = await connect(server.url, tUser.cookie);
    sockets.push(listener);
    const notes: MentionNotification[] = [];
    listener.on('notification:mention', (n) => notes.push(n));
    const retried = await again(rUser, 'comment:add', payload);
    expect(retried).toMatchObject({ ok: true, data: { commentId: first.data.commentId } });
    const snapshot = await server.documents.reads.snapshot(docId);
    expect(snapshot.comments).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notes).toEqual([]);
  });
});
