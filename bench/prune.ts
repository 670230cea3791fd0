import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DocumentService } from '../server/src/services/documents/index.js';
import { createStorage } from '../server/src/storage/index.js';
import { PgDocumentStore } from '../server/src/storage/pg/documentStore.js';
import type { PruneOptions } from '../server/src/storage/pg/prune.js';
import { tempDataDir } from '../server/test/helpers/storageFactories.js';
import { withSchema } from './docStores.js';
import { round } from './stats.js';

export interface PruneFigures {
  /** Edits committed (one event each), plus the creation event. */
  edits: number;
  keepOps: number;
  rowsBefore: number;
  /** Rows left at or below the mark (pruning's doing): at most `keepOps`, the newest acks (the writer's among them). */
  rowsKept: number;
  /** All rows after, the writer's above the snapshot included. */
  rowsAfter: number;
  /** Wall time of the prune run (batches of 1,000). */
  pruneMs: number;
  /** Commits of one more writer while the prune ran: how many, and the longest (ms). */
  commitsDuring: number;
  longestCommitMs: number;
  /** The same writer alone, right after, for as long. */
  commitsAlone: number;
  longestAloneMs: number;
}

const WRITERS = 20;

/**
 * Rows in `events` for one document of `edits` edits (20 writers, each on its
 * own cell, through the real commit path), before and after the prune that
 * follows a checkpoint, for each `keepOps`. Events are minutes old in real
 * use; here they are fresh, so the age margin is set to 0. A second setting
 * needs new events below a new snapshot (the ack window moves only with the
 * mark), so a few more edits and a checkpoint come first.
 */
export async function benchPrune(edits: number, keeps: readonly number[]): Promise<PruneFigures[]> {
  return withSchema(async (url) => {
    const { dir, remove } = await tempDataDir();
    const storage = await createStorage({ dataDir: dir, databaseUrl: url, log: () => {} });
    const raw = new pg.Pool({ connectionString: url, max: 1 });
    const service = new DocumentService(storage.documents);
    try {
      await service.load();
      const store = storage.documents;
      if (!(store instanceof PgDocumentStore)) throw new Error('not a PostgreSQL store');
      const paragraphs = Array.from({ length: WRITERS }, (_, i) => `Paragraph ${i}.`);
      const { id } = await service.engine.create({ title: 'Prune', sourceLang: 'en', targetLangs: ['zh'], paragraphs }, 'u1');
      const pids = (await service.reads.snapshot(id)).paragraphs.map((p) => p.id);
      const ops = service.ops();
      let made = 0;
      const write = async (count: number, tag: string): Promise<void> => {
        await Promise.all(
          pids.map(async (paragraphId, w) => {
            // Each writer owns its cell: its next base revision is its last ack's.
            let rev = (await service.registry.open(id)).doc.paragraphs[w]?.cells.zh?.rev ?? 0;
            for (let i = 0; i < count / WRITERS; i++) {
              const ack = await ops.editCell(
                { docId: id, paragraphId, lang: 'zh', opId: `${tag}-${w}-${i}`, baseRev: rev, text: `${tag} ${i}` },
                'u1',
              );
              rev = ack.rev;
              made++;
            }
          }),
        );
        await service.checkpoint();
      };
      /** One writer on the first cell, each edit awaiting the last: the latency of each commit. */
      const writeWhile = async (go: () => boolean, tag: string): Promise<number[]> => {
        const latencies: number[] = [];
        let rev = (await service.registry.open(id)).doc.paragraphs[0]?.cells.zh?.rev ?? 0;
        while (go()) {
          const t = performance.now();
          const n = latencies.length;
          const ack = await ops.editCell(
            { docId: id, paragraphId: pids[0]!, lang: 'zh', opId: `${tag}-${n}`, baseRev: rev, text: `${tag} ${n}` },
            'u1',
          );
          latencies.push(performance.now() - t);
          rev = ack.rev;
        }
        return latencies;
      };
      const rows = async (): Promise<number> =>
        Number((await raw.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE doc_id = $1', [id])).rows[0]?.n);
      const figures: PruneFigures[] = [];
      for (const [i, keepOps] of keeps.entries()) {
        await write(i === 0 ? edits : WRITERS * 5, `k${i}`);
        const rowsBefore = await rows();
        const opts: Partial<PruneOptions> = { keepMs: 0, keepOps };
        // One more writer commits to the document all along: a prune that held a lock commits wait on would show here.
        let pruning = true;
        const t0 = performance.now();
        const [, latencies] = await Promise.all([
          store.prune(id, opts).finally(() => (pruning = false)),
          writeWhile(() => pruning, `during-${i}`),
        ]);
        const pruneMs = round(performance.now() - t0, 1);
        // The same writer alone for as long, for comparison.
        const alone = await writeWhile(() => performance.now() - t0 < 2 * pruneMs, `alone-${i}`);
        const kept = (
          await raw.query<{ n: string }>(
            'SELECT count(*) AS n FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = $1 AND e.seq <= d.pruned_seq',
            [id],
          )
        ).rows[0]?.n;
        figures.push({
          edits: made,
          keepOps,
          rowsBefore,
          rowsKept: Number(kept),
          rowsAfter: await rows(),
          pruneMs,
          commitsDuring: latencies.length,
          longestCommitMs: round(Math.max(...latencies), 1),
          commitsAlone: alone.length,
          longestAloneMs: round(Math.max(...alone), 1),
        });
        made += latencies.length + alone.length;
      }
      return figures;
    } finally {
      await service.close();
      await storage.close();
      await raw.end();
      await remove();
    }
  });
}
