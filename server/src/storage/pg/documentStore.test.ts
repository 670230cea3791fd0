import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/index.js';
import { pgNodesPerTest } from '../../../test/helpers/nodes.js';
import type { DocNode } from '../../../test/helpers/nodes.js';
import { PgDocumentStore } from './documentStore.js';

/** The PostgreSQL document store: incremental snapshots, loads, import and export. */
describe('PgDocumentStore', () => {
  const db = pgNodesPerTest();
  const node = (): Promise<DocNode> => db.node();
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}.`);
  const partRows = async (id: string, seq: number) =>
    (await db.pool.query<{ part: string }>('SELECT part FROM doc_parts WHERE doc_id = $1 AND seq = $2 ORDER BY part', [id, seq])).rows.map(
      (r) => r.part,
    );
  const revisionCount = async (id: string) =>
    Number((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM doc_revisions WHERE doc_id = $1', [id])).rows[0]?.n);

  it('writes at a checkpoint only the head, the paragraphs touched since the last one and their new revisions', async () => {
    const a = await node();
    const { id } = await a.service.engine.create({ title: 'Parts', sourceLang: 'en', targetLangs: ['zh'], paragraphs }, 'u1');
    const pids = (await a.service.reads.snapshot(id)).paragraphs.map((p) => p.id);
    await a.service.checkpoint();
    // The first snapshot is whole: the head and every paragraph, with the source revisions the creation wrote.
    expect(await partRows(id, 1)).toHaveLength(1 + paragraphs.length);
    expect(await revisionCount(id)).toBe(paragraphs.length);
    for (let i = 0; i < 3; i++) {
      await a.ops.editCell({ docId: id, paragraphId: pids[7]!, lang: 'zh', opId: `e7-${i}`, baseRev: i, text: `七${i}` }, 'u1');
    }
    await a.ops.editCell({ docId: id, paragraphId: pids[30]!, lang: 'zh', opId: 'e30', baseRev: 0, text: '三十' }, 'u1');
    await a.service.checkpoint();
    expect(await partRows(id, 5)).toEqual(['', pids[30]!, pids[7]!].sort());
    expect(await revisionCount(id)).toBe(paragraphs.length + 4);
    // Nothing changed since: nothing is written.
    await a.service.checkpoint();
    expect(await partRows(id, 5)).toHaveLength(3);
  });

  it('loads snapshot parts plus the events after them into the same state as the node that wrote them', async () => {
    const a = await node();
    const { id } = await a.service.engine.create({ title: 'Load', sourceLang: 'en', targetLangs: ['zh', 'ru'], paragraphs }, 'u1');
    const pids = (await a.service.reads.snapshot(id)).paragraphs.map((p) => p.id);
    await a.ops.editCell({ docId: id, paragraphId: pids[0]!, lang: 'zh', opId: 'x1', baseRev: 0, text: '一' }, 'u1');
    await a.service.checkpoint();
    await a.ops.splitParagraph({ docId: id, paragraphId: pids[1]!, opId: 'x2', baseRev: 1, offset: 4 }, 'u1');
    await a.ops.editCell({ docId: id, paragraphId: pids[2]!, lang: 'ru', opId: 'x3', baseRev: 0, text: 'два' }, 'u2');
    await a.ops.updateSettings({ docId: id, opId: 'x4', allowSelfApproval: true }, 'u1');
    await a.ops.deleteParagraph({ docId: id, paragraphId: pids[3]!, opId: 'x5' }, 'u1');
    const expected = structuredClone((await a.service.registry.open(id)).doc);
    const store = new PgDocumentStore(db.pool, db.url, () => undefined);
    try {
      expect((await db.pool.query('SELECT snapshot_seq FROM documents WHERE id = $1', [id])).rows[0]).toEqual({ snapshot_seq: '2' });
      expect(await store.read(id)).toEqual(expected);
      // Start-up reads stubs only, never a document.
      const loaded = await store.load();
      expect(loaded.docs).toEqual([]);
      expect(loaded.stubs?.map((s) => s.meta.id)).toEqual([id]);
      expect(loaded.stubs?.[0]?.settings).toEqual({ allowSelfApproval: true });
    } finally {
      await store.close();
    }
  });

  it('reads back what two nodes wrote, whatever the interleaving of their commits and checkpoints', async () => {
    const nodesAB = [await node(), await node()] as const;
    const step = fc.record({
      on: fc.constantFrom(0 as const, 1 as const),
      kind: fc.constantFrom('edit', 'edit', 'edit', 'insert', 'delete', 'split', 'join', 'checkpoint'),
      pick: fc.nat(50),
      text: fc.string({ minLength: 1, maxLength: 8 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        run++;
        const { id } = await nodesAB[0].service.engine.create(
          { title: 'Prop', sourceLang: 'en', targetLangs: ['zh'], paragraphs: ['Alpha beta.', 'Gamma delta.', 'Epsilon.'] },
          'u1',
        );
        await nodesAB[1].service.reads.open(id);
        for (const [i, st] of steps.entries()) {
          const n = nodesAB[st.on];
          const opId = `r${run}-${i}`;
          const doc = (await n.service.registry.open(id)).doc;
          const p = doc.paragraphs[st.pick % Math.max(1, doc.paragraphs.length)];
          try {
            if (st.kind === 'checkpoint') await n.service.checkpoint();
            else if (st.kind === 'insert') await n.ops.insertParagraph({ docId: id, opId, afterId: p?.id ?? null, text: st.text }, 'u1');
            else if (!p) continue;
            else if (st.kind === 'edit') {
              await n.ops.editCell(
                { docId: id, paragraphId: p.id, lang: 'zh', opId, baseRev: p.cells.zh?.rev ?? 0, text: `${st.text}${i}` },
                'u1',
              );
            } else if (st.kind === 'delete') await n.ops.deleteParagraph({ docId: id, paragraphId: p.id, opId }, 'u1');
            else if (st.kind === 'join') await n.ops.joinParagraph({ docId: id, paragraphId: p.id, opId }, 'u1');
            else await n.ops.splitParagraph({ docId: id, paragraphId: p.id, opId, baseRev: p.cells.en?.rev ?? 0, offset: 2 }, 'u1');
          } catch (err) {
            // A step that no longer fits the document (the last paragraph joined, a split past the end) is refused, as for a person.
            if (!(err instanceof AppError)) throw err;
          }
        }
        const head = Number((await db.pool.query<{ h: string }>('SELECT head_seq AS h FROM documents WHERE id = $1', [id])).rows[0]?.h);
        for (const n of nodesAB) await expect.poll(() => n.service.registry.peek(id)?.doc.seq).toBe(head);
        const store = new PgDocumentStore(db.pool, db.url, () => undefined);
        try {
          const expected = structuredClone((await nodesAB[0].service.registry.open(id)).doc);
          expect(structuredClone((await nodesAB[1].service.registry.open(id)).doc)).toEqual(expected);
          expect(await store.read(id)).toEqual(expected);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('imports a whole document as its snapshot, refuses an existing id, and exports every live document', async () => {
    const a = await node();
    const { id } = await a.service.engine.create(
      { title: 'Export me', sourceLang: 'en', targetLangs: ['zh'], paragraphs: ['A.', 'B.'] },
      'u1',
    );
    const pid = (await a.service.reads.snapshot(id)).paragraphs[0]!.id;
    await a.ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: 'i1', baseRev: 0, text: '甲' }, 'u1');
    const doc = structuredClone((await a.service.registry.open(id)).doc);
    const store = new PgDocumentStore(db.pool, db.url, () => undefined);
    try {
      const exported = [];
      for await (const d of store.exportDocuments()) exported.push(d);
      expect(exported).toEqual([doc]);
      await expect(store.importDocument(doc)).rejects.toEqual(new AppError('conflict', `document ${id} exists`));
      const copy = { ...structuredClone(doc), id: 'd_imported' };
      await store.importDocument(copy);
      expect(await store.read('d_imported')).toEqual(copy);
      // An imported document takes commits from its seq on, like any other.
      await a.service.reads.open('d_imported');
      const ack = await a.ops.editCell({ docId: 'd_imported', paragraphId: pid, lang: 'zh', opId: 'i2', baseRev: 1, text: '甲乙' }, 'u1');
      expect(ack.seq).toBe(doc.seq + 1);
    } finally {
      await store.close();
    }
  });
});
