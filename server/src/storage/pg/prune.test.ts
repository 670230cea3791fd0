import { describe, expect, it } from 'vitest';
import { pgNodesPerTest } from '../../../test/helpers/nodes.js';
import type { DocNode } from '../../../test/helpers/nodes.js';
import { DocumentService } from '../../services/documents/index.js';
import { PgDocumentStore } from './documentStore.js';

/** Events pruned below a document's snapshot (prune.ts): what goes, what stays, and who still gets a whole document. */
describe('pruning events below the snapshot', () => {
  const db = pgNodesPerTest();
  const node = (): Promise<DocNode> => db.node();
  const pgStore = (n: DocNode): PgDocumentStore => {
    const s = n.storage.documents;
    if (!(s instanceof PgDocumentStore)) throw new Error('not a PostgreSQL store');
    return s;
  };
  /** A store of its own, as a node that has never seen the document. */
  const freshRead = async (id: string) => {
    const s = new PgDocumentStore(db.pool, db.url, () => undefined);
    db.closeLater(s);
    return s.read(id);
  };
  const seqs = async (id: string): Promise<number[]> =>
    (await db.pool.query<{ seq: string }>('SELECT seq FROM events WHERE doc_id = $1 ORDER BY seq', [id])).rows.map((r) => Number(r.seq));
  const marks = async (id: string) => {
    const row = (
      await db.pool.query<{ pruned_seq: string; snapshot_seq: string }>('SELECT pruned_seq, snapshot_seq FROM documents WHERE id = $1', [
        id,
      ])
    ).rows[0];
    return { pruned: Number(row?.pruned_seq), snapshot: Number(row?.snapshot_seq) };
  };
  const create = async (n: DocNode, paragraphs = 4) => {
    const { id } = await n.service.engine.create(
      {
        title: 'Pruned',
        sourceLang: 'en',
        targetLangs: ['zh'],
        paragraphs: Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i}.`),
      },
      'u1',
    );
    const pids = (await n.service.reads.snapshot(id)).paragraphs.map((p) => p.id);
    return { id, pids };
  };
  /** `count` edits, one event each, spread over the paragraphs' zh cells; each cell's revision follows on. */
  const edit = async (n: DocNode, id: string, pids: readonly string[], count: number, prefix: string) => {
    const acks = [];
    for (let i = 0; i < count; i++) {
      const pid = pids[i % pids.length]!;
      const rev = (await n.service.reads.snapshot(id)).paragraphs.find((p) => p.id === pid)?.cells.zh?.rev ?? 0;
      acks.push(
        await n.ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: `${prefix}${i}`, baseRev: rev, text: `${prefix}${i}` }, 'u1'),
      );
    }
    return acks;
  };
  const state = async (n: DocNode, id: string) => structuredClone((await n.service.registry.open(id)).doc);

  it('deletes the events a snapshot covers but the acks of the latest operations, and only events old enough', async () => {
    const a = await node();
    const { id, pids } = await create(a);
    await edit(a, id, pids, 12, 'op-');
    await a.service.checkpoint();
    await edit(a, id, pids, 2, 'late-');
    expect(await seqs(id)).toHaveLength(15);
    // Younger than the default five minutes: nothing goes, and the mark stays.
    expect(await pgStore(a).prune(id)).toBeUndefined();
    expect(await marks(id)).toEqual({ pruned: 0, snapshot: 13 });

    const result = await pgStore(a).prune(id, { keepMs: 0, keepOps: 3, batch: 4 });
    // Seq 1 is the creation (no op id), 2…13 one edit each: of the three latest acks (13, 14, 15), 13 is at or below the snapshot.
    expect(result).toEqual({ prunedSeq: 13, deleted: 12 });
    expect(await seqs(id)).toEqual([13, 14, 15]);
    expect(await marks(id)).toEqual({ pruned: 13, snapshot: 13 });
    expect(await freshRead(id)).toEqual(await state(a, id));
    // Nothing new below the snapshot: the mark does not move and nothing is deleted.
    expect(await pgStore(a).prune(id, { keepMs: 0, keepOps: 3 })).toBeUndefined();

    // The next checkpoint covers the late edits; the acks kept before fall out of the window as new ones come.
    await edit(a, id, pids, 3, 'later-');
    await a.service.checkpoint();
    expect(await pgStore(a).prune(id, { keepMs: 0, keepOps: 3 })).toEqual({ prunedSeq: 18, deleted: 3 });
    expect(await seqs(id)).toEqual([16, 17, 18]);
    expect(await freshRead(id)).toEqual(await state(a, id));
  });

  it('keeps a long history bounded: the kept acks plus the events after the snapshot', async () => {
    const a = await node();
    const { id, pids } = await create(a, 10);
    await edit(a, id, pids, 240, 'e');
    await a.service.checkpoint();
    await edit(a, id, pids, 5, 'tail');
    expect(await seqs(id)).toHaveLength(246);
    await pgStore(a).prune(id, { keepMs: 0, keepOps: 20, batch: 16 });
    // 20 acks kept in all: the 5 above the snapshot and 15 below it.
    expect(await seqs(id)).toEqual(Array.from({ length: 20 }, (_, i) => 227 + i));
    expect(await freshRead(id)).toEqual(await state(a, id));
  });

  it('answers a retried operation inside the kept window its first ack without applying it again; an older one is decided afresh', async () => {
    const a = await node();
    const { id, pids } = await create(a);
    const acks = await edit(a, id, pids, 6, 'op-');
    await a.service.checkpoint();
    await pgStore(a).prune(id, { keepMs: 0, keepOps: 2 });
    expect(await seqs(id)).toEqual([6, 7]);
    const head = (await state(a, id)).seq;

    // A node that never saw the document reads it from its snapshot: the retry's answer can only come from the kept ack.
    const b = await node();
    const retry = { docId: id, paragraphId: pids[5 % pids.length]!, lang: 'zh' as const, opId: 'op-5', baseRev: 0, text: 'something else' };
    expect(await b.ops.editCell(retry, 'u1')).toEqual(acks[5]);
    expect((await state(b, id)).seq).toBe(head);
    expect(await seqs(id)).toEqual([6, 7]);

    // Out of the window the retry is a new decision, as on the embedded store once the op id is forgotten: the same text
    // again changes nothing (the first attempt's ack said `applied`).
    const old = { docId: id, paragraphId: pids[2]!, lang: 'zh' as const, opId: 'op-2', baseRev: 0, text: 'op-2' };
    const again = await b.ops.editCell(old, 'u1');
    expect(acks[2]).toMatchObject({ outcome: 'applied', rev: 1 });
    expect(again).toMatchObject({ outcome: 'unchanged', text: 'op-2' });
    expect((await state(b, id)).seq).toBe(head);
  });

  it('reads again a copy that lags behind the pruned point: its next edit lands on the current document and nothing is lost', async () => {
    const [a, b] = [await node(), await node()];
    const { id, pids } = await create(a, 5);
    await b.service.reads.open(id);
    // B stops hearing A, so its copy stays at seq 1 while A edits, checkpoints and prunes.
    b.service.engine.shared?.stop();
    await edit(a, id, pids.slice(0, 4), 5, 'a-');
    await a.service.checkpoint();
    await pgStore(a).prune(id, { keepMs: 0, keepOps: 1 });
    expect(await marks(id)).toEqual({ pruned: 6, snapshot: 6 });
    expect((await b.service.registry.open(id)).doc.seq).toBe(1);

    // The store tells a reader behind the mark so, rather than hand it the events that happen to remain.
    expect(await pgStore(b).eventsAfter(id, 1)).toBe('pruned');
    expect(await pgStore(b).eventsAfter(id, 5)).toBe('pruned');
    expect(await pgStore(b).eventsAfter(id, 6)).toEqual([]);

    // B's edit finds its copy behind under the lock, reads the document again and decides on the current one. Decided on
    // the old copy it would be committed at seq 2, which is free now, below the snapshot: acknowledged, and never read.
    const ack = await b.ops.editCell({ docId: id, paragraphId: pids[4]!, lang: 'zh', opId: 'b-1', baseRev: 0, text: '乙' }, 'u2');
    expect(ack).toMatchObject({ outcome: 'applied', seq: 7, rev: 1, text: '乙' });
    const stored = await freshRead(id);
    expect(stored).toEqual(await state(b, id));
    // A hears of B's edit as usual.
    await expect.poll(async () => (await state(a, id)).seq).toBe(7);
    expect(stored).toEqual(await state(a, id));
    // Every edit is there: paragraph 0 carries two of A's (a-0, then a-4).
    expect(stored?.paragraphs.map((p) => p.cells.zh?.text)).toEqual(['a-4', 'a-1', 'a-2', 'a-3', '乙']);
    expect(stored?.history[`${pids[0]!}:zh`]?.map((r) => r.opId)).toEqual(['a-0', 'a-4']);
  });

  it('catches up a lagging copy by reading it again when the events it lacks are pruned', async () => {
    const [a, b] = [await node(), await node()];
    const { id, pids } = await create(a);
    const rt = await b.service.registry.open(id);
    const reread: [string, number | undefined][] = [];
    b.service.engine.onReread((docId, doc) => reread.push([docId, doc?.seq]));
    b.service.engine.shared?.stop();
    await edit(a, id, pids, 4, 'a-');
    await a.service.checkpoint();
    await pgStore(a).prune(id, { keepMs: 0, keepOps: 1 });
    // What a notice, or the feed coming back, would do.
    b.service.engine.shared?.follow(rt);
    await expect.poll(() => b.service.registry.peek(id)?.doc.seq).toBe(5);
    expect(b.service.registry.peek(id)).not.toBe(rt);
    expect(await state(b, id)).toEqual(await state(a, id));
    // The events 2-5 never reached B's commit listeners: they are told the document was read again, once, at seq 5.
    expect(b.published.get(id)?.map((ev) => ev.seq) ?? []).toEqual([]);
    expect(reread).toEqual([[id, 5]]);
  });

  it('lets two nodes prune one document at once without an error or a lost event', async () => {
    const [a, b] = [await node(), await node()];
    const { id, pids } = await create(a, 8);
    await b.service.reads.open(id);
    for (const round of [0, 1, 2]) {
      await edit(a, id, pids, 60, `r${round}-`);
      await a.service.checkpoint();
      await edit(a, id, pids, 3, `t${round}-`);
      const opts = { keepMs: 0, keepOps: 10, batch: 7 };
      const results = await Promise.all([pgStore(a).prune(id, opts), pgStore(b).prune(id, opts), pgStore(a).prune(id, opts)]);
      // One of them moved the mark; whoever did not found it moved and left the deleting to the others.
      expect(results.filter((r) => r !== undefined).length).toBeGreaterThanOrEqual(1);
      const head = (await state(a, id)).seq;
      expect(await seqs(id)).toEqual(Array.from({ length: 10 }, (_, i) => head - 9 + i));
      expect(await freshRead(id)).toEqual(await state(a, id));
      await expect.poll(async () => (await state(b, id)).seq).toBe(head);
      expect(await state(b, id)).toEqual(await state(a, id));
    }
  });

  it('prunes after a checkpoint, and when the node lets the document go', async () => {
    const store = new PgDocumentStore(db.pool, db.url, () => undefined, { prune: { keepMs: 0, keepOps: 2, everyMs: 60_000 } });
    db.closeLater(store);
    const service = new DocumentService(store);
    await service.load();
    try {
      const { id } = await service.engine.create({ title: 'Auto', sourceLang: 'en', targetLangs: ['zh'], paragraphs: ['One.'] }, 'u1');
      const pid = (await service.reads.snapshot(id)).paragraphs[0]!.id;
      const ops = service.ops();
      for (let i = 0; i < 5; i++)
        await ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: `x${i}`, baseRev: i, text: `${i}` }, 'u1');
      await service.checkpoint();
      await expect.poll(() => seqs(id)).toEqual([5, 6]);
      // Pruned less than a minute ago: the next checkpoint leaves its events; releasing the document prunes them.
      for (let i = 5; i < 8; i++)
        await ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: `x${i}`, baseRev: i, text: `${i}` }, 'u1');
      await service.checkpoint();
      expect(await seqs(id)).toEqual([5, 6, 7, 8, 9]);
      service.registry.drop(id);
      await expect.poll(() => seqs(id)).toEqual([8, 9]);
      expect(await freshRead(id)).toMatchObject({ seq: 9, paragraphs: [{ cells: { zh: { text: '7', rev: 8 } } }] });
    } finally {
      await service.close();
    }
  });
});
