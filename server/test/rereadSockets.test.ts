import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocEvent } from '../../shared/index.js';
import { PgDocumentStore } from '../src/storage/pg/documentStore.js';
import { login } from './helpers/http.js';
import { tempSchema } from './helpers/pg.js';
import type { TempSchema } from './helpers/pg.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect } from './helpers/sockets.js';
import type { TestSocket } from './helpers/sockets.js';

const SOURCE = ['The summit opened in Astana.', 'Talks lasted two days.'];

/**
 * Node B's copy of a document falls behind the events PostgreSQL still keeps
 * (its feed is away while A edits, checkpoints and prunes), so B reads the
 * document again whole and never sends the events in between. A workbench
 * socket on B that hears nothing more (a quiet document) must still be told,
 * and its rejoin must bring what it missed, or that the document is gone.
 */
describe('workbench sockets of a node that read a document again', () => {
  let schema: TempSchema;
  let a: TestServer;
  let b: TestServer;
  let docId: string;
  let pids: string[];
  const sockets: TestSocket[] = [];
  beforeEach(async () => {
    schema = await tempSchema();
    a = await startServer({ databaseUrl: schema.url, sessionSecret: 's'.repeat(40) });
    b = await startServer({ databaseUrl: schema.url, sessionSecret: 's'.repeat(40) });
    const created = await a.documents.engine.create({ title: 'Stale', sourceLang: 'en', targetLangs: ['ru'], paragraphs: SOURCE }, 'admin');
    docId = created.id;
    pids = (await a.documents.reads.snapshot(docId)).paragraphs.map((p) => p.id);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await a.stop();
    await b.stop();
    await schema.drop();
  });

  /** A client joined on B, with every doc:event and doc:stale it hears from then on. */
  const joinOnB = async (): Promise<{ socket: TestSocket; start: number; events: DocEvent[]; stale: string[] }> => {
    const socket = await connect(b.url, await login(b.url, 'admin', ADMIN_PASSWORD));
    sockets.push(socket);
    const events: DocEvent[] = [];
    const stale: string[] = [];
    socket.on('doc:event', (ev) => events.push(ev));
    socket.on('doc:stale', (p) => stale.push(p.docId));
    const joined = await call(socket, 'doc:join', { docId });
    if (!joined.ok || joined.data.mode !== 'snapshot') throw new Error('join failed');
    return { socket, start: joined.data.doc.seq, events, stale };
  };

  /** B stops hearing A; A edits paragraph 0, checkpoints and prunes; `thenOnA` runs; B's feed comes back (a catch-up told `pruned`). */
  const lagBehindPruned = async (thenOnA: () => Promise<void> = async () => {}): Promise<number> => {
    const old = b.documents.registry.peek(docId);
    if (!old) throw new Error('B does not hold the document');
    b.documents.engine.shared?.stop();
    await a.documents
      .ops()
      .editCell({ docId, paragraphId: pids[0]!, lang: 'ru', opId: 'a-edit', baseRev: 0, text: 'Саммит' }, 'translator');
    await a.documents.checkpoint();
    const store = a.storage.documents;
    if (!(store instanceof PgDocumentStore)) throw new Error('not a PostgreSQL store');
    const head = (await a.documents.reads.snapshot(docId)).seq;
    expect(await store.prune(docId, { keepMs: 0, keepOps: 1 })).toMatchObject({ prunedSeq: head });
    await thenOnA();
    b.documents.engine.shared?.follow(old);
    return head;
  };

  it('tells the socket its copy was replaced, and the rejoin since its seq holds the edit made in the skipped range', async () => {
    const client = await joinOnB();
    const head = await lagBehindPruned();
    await expect.poll(() => client.stale).toEqual([docId]);
    // Nothing was committed after the re-read: without doc:stale this client would have no event to show it a gap.
    expect(client.events).toEqual([]);
    const again = await call(client.socket, 'doc:join', { docId, sinceSeq: client.start });
    if (!again.ok || again.data.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(again.data.doc.seq).toBe(head);
    expect(again.data.doc.paragraphs.map((p) => p.cells.ru?.text)).toEqual(['Саммит', '']);
    expect(again.data.doc).toEqual(await a.documents.reads.snapshot(docId));
  });

  it('tells the socket when the document was deleted in the skipped range: out of the room, and the rejoin answers document_not_found', async () => {
    const client = await joinOnB();
    await lagBehindPruned(() => a.documents.engine.remove(docId, 'admin'));
    await expect.poll(() => client.stale).toEqual([docId]);
    expect(client.events).toEqual([]);
    // Out of the room at once, as on the deletion event: an operation is not taken as on a joined document.
    const presence = await call(client.socket, 'presence:update', { docId, paragraphId: pids[0]!, lang: 'ru', typing: false });
    expect(presence).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const again = await call(client.socket, 'doc:join', { docId, sinceSeq: client.start });
    expect(again).toMatchObject({ ok: false, error: { code: 'document_not_found' } });
  });
});
