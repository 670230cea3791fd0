import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocEvent } from '../../shared/index.js';
import type { PgDocumentStore } from '../src/storage/pg/documentStore.js';
import { tempSchema } from './helpers/pg.js';
import type { TempSchema } from './helpers/pg.js';
import { openDocNode } from './helpers/nodes.js';
import type { DocNode } from './helpers/nodes.js';

/**
 * Two document services (two "nodes": two pools, two LISTEN connections, two
 * data dirs) on one PostgreSQL schema, committing to the same documents.
 */
describe('documents shared by two nodes on PostgreSQL', () => {
  let schema: TempSchema;
  const nodes: DocNode[] = [];
  const node = async (): Promise<DocNode> => {
    const n = await openDocNode(schema.url);
    nodes.push(n);
    return n;
  };
  beforeEach(async () => {
    schema = await tempSchema();
  });
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.close();
    await schema.drop();
  });

  const create = (n: DocNode, paragraphs = ['One.', 'Two.', 'Three.']) =>
    n.service.engine.create({ title: 'Shared', sourceLang: 'en', targetLangs: ['zh'], paragraphs }, 'u1');
  const seqsOf = (events: readonly DocEvent[] | undefined) => (events ?? []).map((e) => e.seq);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const full = async (n: DocNode, id: string) => {
    const rt = await n.service.registry.open(id);
    return structuredClone(rt.doc);
  };

  it('opens on B a document created on A, lists it there, and deletes it everywhere', async () => {
    const [a, b] = [await node(), await node()];
    const { id } = await create(a);
    await expect.poll(() => b.service.reads.list().map((d) => d.id)).toContain(id);
    const pid = (await b.service.reads.snapshot(id)).paragraphs[0]!.id;
    const ack = await b.ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: 'op-b', baseRev: 0, text: '一' }, 'u2');
    expect(ack.seq).toBe(2);
    await a.service.reads.open(id);
    await expect.poll(async () => (await a.service.reads.snapshot(id)).paragraphs[0]!.cells.zh?.text).toBe('一');
    await a.service.engine.remove(id, 'u1');
    await expect.poll(() => b.service.reads.list().map((d) => d.id)).not.toContain(id);
    await expect(b.service.reads.snapshot(id)).rejects.toMatchObject({ code: 'document_not_found' });
    expect(seqsOf(b.published.get(id))).toEqual([2, 3]);
  });

  it('converges and loses nothing when both nodes commit to the same cells at once (any interleaving)', async () => {
    const [a, b] = [await node(), await node()];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ onA: fc.boolean(), cell: fc.nat(2), text: fc.string({ minLength: 1, maxLength: 6 }) }), {
          minLength: 4,
          maxLength: 14,
        }),
        async (edits) => {
          const { id } = await create(a);
          await b.service.reads.open(id);
          const pids = (await a.service.reads.snapshot(id)).paragraphs.map((p) => p.id);
          // All sent at once; each node decides on its own copy, so they race for the same seqs.
          const acks = await Promise.all(
            edits.map((e, i) =>
              (e.onA ? a : b).ops.editCell(
                { docId: id, paragraphId: pids[e.cell]!, lang: 'zh', opId: `op-${i}`, baseRev: 0, text: `${e.text}-${i}` },
                e.onA ? 'ua' : 'ub',
              ),
            ),
          );
          const last = 1 + edits.length;
          expect(new Set(acks.map((k) => k.seq)).size).toBe(edits.length);
          for (const n of [a, b]) await expect.poll(() => n.service.registry.peek(id)?.doc.seq).toBe(last);
          // Every node published every event once, in seq order.
          expect(seqsOf(a.published.get(id))).toEqual(range(1, last));
          expect(seqsOf(b.published.get(id))).toEqual(range(2, last));
          const [da, db] = [await full(a, id), await full(b, id)];
          expect(db).toEqual(da);
          // Nothing typed is lost: each edit is a revision (applied, merged or a kept conflict) of its cell.
          for (const [i, e] of edits.entries()) {
            const revisions = da.history[`${pids[e.cell]!}:zh`] ?? [];
            expect(revisions.filter((r) => r.opId === `op-${i}`)).toHaveLength(1);
          }
        },
      ),
      { numRuns: 8 },
    );
    // Commits that found the other node's events first, caught up under the row lock and decided again.
    const conflicts = (a.service.engine.shared?.conflicts ?? 0) + (b.service.engine.shared?.conflicts ?? 0);
    expect(conflicts).toBeGreaterThan(0);
  });

  it('answers an operation id retried on the other node with the first ack, applying it once', async () => {
    const [a, b] = [await node(), await node()];
    const { id } = await create(a);
    await b.service.reads.open(id);
    const pid = (await a.service.reads.snapshot(id)).paragraphs[1]!.id;
    const input = { docId: id, paragraphId: pid, lang: 'zh' as const, opId: 'op-retry', baseRev: 0, text: '二' };
    const first = await a.ops.editCell(input, 'u1');
    // B may or may not have heard of it yet: both the op map and the table's unique op index must answer.
    const again = await b.ops.editCell(input, 'u1');
    expect(again).toEqual(first);
    // Another author's same op id is a new operation.
    const other = await b.ops.editCell({ ...input, baseRev: 1, text: '二二' }, 'u2');
    expect(other.seq).toBe(first.seq + 1);
    const doc = await full(b, id);
    expect(doc.history[`${pid}:zh`]?.filter((r) => r.opId === 'op-retry').length).toBe(2);
    expect(doc.history[`${pid}:zh`]?.filter((r) => r.author === 'u1').length).toBe(1);
  });

  it('finds the first ack in the table when the retrying node has not heard of the first attempt', async () => {
    const [a, b] = [await node(), await node()];
    const { id } = await create(a);
    const pid = (await a.service.reads.snapshot(id)).paragraphs[0]!.id;
    await b.service.reads.open(id);
    // B stops hearing A: its copy stays behind, so its retry decides, inserts and meets the table's unique op index.
    b.service.engine.shared?.stop();
    const input = { docId: id, paragraphId: pid, lang: 'zh' as const, opId: 'op-dead-node', baseRev: 0, text: '甲' };
    const first = await a.ops.editCell(input, 'u1');
    const again = await b.ops.editCell(input, 'u1');
    expect(again).toEqual(first);
    expect(b.service.engine.shared?.conflicts).toBe(1);
    expect((await full(b, id)).seq).toBe(first.seq);
  });

  it('answers the first ack to a retry on a node that loaded the document after it, even when the retry can no longer decide', async () => {
    const a = await node();
    const { id } = await create(a);
    const pid = (await a.service.reads.snapshot(id)).paragraphs[1]!.id;
    const del = { docId: id, paragraphId: pid, opId: 'op-del' };
    const first = await a.ops.deleteParagraph(del, 'u1');
    await a.service.checkpoint();
    // A node that starts now reads the document from its snapshot: the paragraph is gone, the operation's ack is in the table.
    const b = await node();
    expect(await b.ops.deleteParagraph(del, 'u1')).toEqual(first);
    await expect(b.ops.deleteParagraph({ ...del, opId: 'op-del-2' }, 'u1')).rejects.toMatchObject({ code: 'paragraph_not_found' });
    expect((await full(b, id)).seq).toBe(first.seq);
  });

  it('refuses with conflict, changing nothing, a commit whose seq a writer that skipped the lock took (23505), and recovers', async () => {
    const a = await node();
    const { id } = await create(a);
    const pid = (await a.service.reads.snapshot(id)).paragraphs[0]!.id;
    // Not hearing of the intruder (no feed, no catch-up under way), A's copy stays at seq 1.
    a.service.engine.shared?.stop();
    await a.service.engine.drain();
    const pg = await import('pg');
    const raw = new pg.default.Client({ connectionString: schema.url });
    await raw.connect();
    try {
      // Seq 2 taken behind everyone's back: the documents row still says 1, so the next commit tries 2 and meets the key.
      const intruder = {
        docId: id,
        seq: 2,
        at: new Date().toISOString(),
        by: 'x',
        opId: null,
        type: 'cell.edited',
        paragraphId: pid,
        lang: 'zh',
        kind: 'edit',
        text: '外',
        rev: 1,
        status: 'draft',
      };
      await raw.query(`INSERT INTO events (doc_id, seq, event, by, op_id, op_part, at) VALUES ($1, 2, $2, 'x', NULL, 0, now())`, [
        id,
        JSON.stringify(intruder),
      ]);
    } finally {
      await raw.end();
    }
    const edit = { docId: id, paragraphId: pid, lang: 'zh' as const, opId: 'op-after', baseRev: 0, text: '内' };
    await expect(a.ops.editCell(edit, 'u1')).rejects.toMatchObject({ code: 'conflict' });
    expect(a.service.registry.isLive(id)).toBe(false);
    // Read again from the table, the intruder's event is part of the document, and the same operation goes through.
    const ack = await a.ops.editCell({ ...edit, baseRev: 1 }, 'u1');
    expect(ack).toMatchObject({ seq: 3, rev: 2, text: '内' });
    // The event this node never had is published once it reads the document again, before its own: every seq, in order.
    expect(seqsOf(a.published.get(id))).toEqual([1, 2, 3]);
  });

  it('commits operations queued together as one batch, refusing only the one that cannot be decided, and a twin once', async () => {
    const a = await node();
    const { id } = await create(a);
    const [p0, p1] = (await a.service.reads.snapshot(id)).paragraphs.map((p) => p.id);
    const edit = (paragraphId: string, opId: string, baseRev: number, text: string) =>
      a.ops.editCell({ docId: id, paragraphId, lang: 'zh', opId, baseRev, text }, 'u1');
    // Sent in one tick: the first goes alone, the rest queue behind it and are committed in one statement.
    const results = await Promise.allSettled([
      edit(p0!, 'b0', 0, '零'),
      edit(p0!, 'b1', 1, '零一'),
      edit(p1!, 'b2', 99, 'stale'),
      edit(p1!, 'b3', 0, '一'),
      edit(p1!, 'b3', 0, '一'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(results[2]).toMatchObject({ reason: { code: 'bad_revision' } });
    const acks = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(acks.map((k) => k.seq)).toEqual([2, 3, 4, 4]);
    expect(acks[3]).toEqual(acks[2]);
    expect(seqsOf(a.published.get(id))).toEqual([1, 2, 3, 4]);
    // What the table holds is what A holds.
    const b = await node();
    expect(await full(b, id)).toEqual(await full(a, id));
  });

  it('fills the gap from the table after the LISTEN connection was lost', async () => {
    const [a, b] = [await node(), await node()];
    const { id } = await create(a);
    await b.service.reads.open(id);
    const pid = (await a.service.reads.snapshot(id)).paragraphs[2]!.id;
    (b.storage.documents as PgDocumentStore).interruptFeed();
    for (let i = 0; i < 5; i++)
      await a.ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: `op-gap-${i}`, baseRev: i, text: `t${i}` }, 'u1');
    await expect.poll(() => b.service.registry.peek(id)?.doc.seq, { timeout: 10_000 }).toBe(6);
    expect(seqsOf(b.published.get(id))).toEqual(range(2, 6));
    expect(await full(b, id)).toEqual(await full(a, id));
  });
});
