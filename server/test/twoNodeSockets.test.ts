import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocEvent } from '../../shared/index.js';
import { login } from './helpers/http.js';
import { tempSchema } from './helpers/pg.js';
import type { TempSchema } from './helpers/pg.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import { PgDocumentStore } from '../src/storage/pg/documentStore.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import type { LiveDoc, TestSocket } from './helpers/sockets.js';

/**
 * Two real servers on one PostgreSQL schema, a real socket.io-client on each,
 * editing one document at once: each client gets every event exactly once and
 * in seq order from its own node, and both copies end the same.
 */
describe('one document edited through two nodes', () => {
  let schema: TempSchema;
  let a: TestServer;
  let b: TestServer;
  const sockets: TestSocket[] = [];
  beforeEach(async () => {
    schema = await tempSchema();
    a = await startServer({ databaseUrl: schema.url, sessionSecret: 's'.repeat(40) });
    b = await startServer({ databaseUrl: schema.url, sessionSecret: 's'.repeat(40) });
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await a.stop();
    await b.stop();
    await schema.drop();
  });

  async function client(node: TestServer): Promise<{ live: LiveDoc; seqs: number[] }> {
    const socket = await connect(node.url, await login(node.url, 'admin', ADMIN_PASSWORD));
    sockets.push(socket);
    const seqs: number[] = [];
    socket.on('doc:event', (ev: DocEvent) => seqs.push(ev.seq));
    const live = await joinDoc(socket, a.demoDocId);
    return { live, seqs };
  }

  it('converges, every client seeing every event once and in order', async () => {
    const [onA, onB] = [await client(a), await client(b)];
    const start = onA.live.doc.seq;
    const paragraphs = onA.live.doc.paragraphs.map((p) => p.id);
    const lang = onA.live.doc.targetLangs[0]!;
    const N = 12;
    let head = start;
    // Each client types into its own cell and, every third edit, into one both of them type into.
    const typeInto = async (c: { live: LiveDoc }, who: string, own: string): Promise<void> => {
      const revs = new Map<string, number>();
      for (let i = 0; i < N; i++) {
        const paragraphId = i % 3 === 2 ? paragraphs[0]! : own;
        const baseRev = revs.get(paragraphId) ?? c.live.doc.paragraphs.find((p) => p.id === paragraphId)?.cells[lang]?.rev ?? 0;
        const r = await call(c.live.socket, 'cell:edit', {
          docId: a.demoDocId,
          paragraphId,
          lang,
          opId: opId(),
          baseRev,
          text: `${who} ${i}`,
        });
        if (!r.ok) throw new Error(r.error.code);
        revs.set(paragraphId, r.data.rev);
        head = Math.max(head, r.data.seq);
      }
    };
    await Promise.all([typeInto(onA, 'A', paragraphs[1]!), typeInto(onB, 'B', paragraphs[2]!)]);
    // An edit that a merge leaves as the cell already was writes nothing: the head is the highest seq acknowledged.
    const end = head;
    expect(end).toBeGreaterThan(start + N);
    await onA.live.reach(end);
    await onB.live.reach(end);
    expect(onB.live.doc).toEqual(onA.live.doc);
    await expect.poll(async () => (await b.documents.reads.snapshot(a.demoDocId)).seq).toBe(end);
    expect(onA.live.doc).toEqual(await b.documents.reads.snapshot(a.demoDocId));
    const expected = Array.from({ length: end - start }, (_, i) => start + 1 + i);
    expect(onA.seqs.filter((s) => s > start)).toEqual(expected);
    expect(onB.seqs.filter((s) => s > start)).toEqual(expected);
  });

  it('a client on a node whose copy fell behind the pruned events sees a gap, and its rejoin gets every edit', async () => {
    const docId = a.demoDocId;
    const socket = await connect(b.url, await login(b.url, 'admin', ADMIN_PASSWORD));
    sockets.push(socket);
    const seqs: number[] = [];
    socket.on('doc:event', (ev: DocEvent) => seqs.push(ev.seq));
    const joined = await call(socket, 'doc:join', { docId });
    if (!joined.ok || joined.data.mode !== 'snapshot') throw new Error('join failed');
    const start = joined.data.doc.seq;
    const lang = joined.data.doc.targetLangs[0]!;
    const [p0, p1] = joined.data.doc.paragraphs.map((p) => p.id);
    const revOf = (doc: { paragraphs: { id: string; cells: Partial<Record<string, { rev: number }>> }[] }, pid: string | undefined) =>
      doc.paragraphs.find((p) => p.id === pid)?.cells[lang]?.rev ?? 0;
    // B stops hearing A: its copy stays at `start` while A edits, checkpoints and prunes.
    b.documents.engine.shared?.stop();
    const opsA = a.documents.ops();
    for (let i = 0; i < 3; i++) {
      const baseRev = revOf(await a.documents.reads.snapshot(docId), p0);
      await opsA.editCell({ docId, paragraphId: p0!, lang, opId: `a-${i}`, baseRev, text: `A ${i}` }, 'someone');
    }
    await a.documents.checkpoint();
    const store = a.storage.documents;
    if (!(store instanceof PgDocumentStore)) throw new Error('not a PostgreSQL store');
    expect(await store.prune(docId, { keepMs: 0, keepOps: 1 })).toMatchObject({ prunedSeq: start + 3 });

    const r = await call(socket, 'cell:edit', {
      docId,
      paragraphId: p1!,
      lang,
      opId: opId(),
      baseRev: revOf(joined.data.doc, p1),
      text: 'B',
    });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.data.seq).toBe(start + 4);
    // B read the document again, so A's three edits were never sent to its sockets: the client sees a gap ...
    await expect.poll(() => seqs).toContain(start + 4);
    expect(seqs.filter((s) => s > start)).toEqual([start + 4]);
    // ... and rejoins from the seq it has, as the protocol says: a snapshot (B has no events that far back) with every edit.
    const again = await call(socket, 'doc:join', { docId, sinceSeq: start });
    if (!again.ok || again.data.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(again.data.doc.seq).toBe(start + 4);
    const cells = new Map(again.data.doc.paragraphs.map((p) => [p.id, p.cells[lang]?.text]));
    expect([cells.get(p0!), cells.get(p1!)]).toEqual(['A 2', 'B']);
    await expect.poll(async () => (await a.documents.reads.snapshot(docId)).seq).toBe(start + 4);
    expect(again.data.doc).toEqual(await a.documents.reads.snapshot(docId));
  });
});
