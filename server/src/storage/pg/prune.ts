import type { Pool } from 'pg';
import { OP_IDS_KEPT } from '../retention.js';

/**
 * Pruning a document's events below its snapshot (migration 0005). A
 * checkpoint has put everything up to `snapshot_seq` into `doc_parts` and
 * `doc_revisions`, so the events up to there are needed only by:
 *
 * - retries: an operation's first event carries its ack, which a retry on any
 *   node is answered (commits.ts). The acks of the document's latest
 *   `keepOps` operations are kept, as many as the document service remembers
 *   per document (retention.ts), so a retry is recognised for as long as on
 *   the embedded store;
 * - readers that lag: another node's copy catching up, or republishing what
 *   its sockets missed. Events younger than `keepMs` are kept whatever the
 *   snapshot, so a node that lags by less catches up from the table; one that
 *   lags by more is told its seq is below `pruned_seq` and reads the document
 *   again (SharedCommits), never gets a list with a hole in it.
 *
 * Safe from several nodes at once: the mark only moves forward (the UPDATE
 * re-checks it on the row it locks), and each DELETE takes only rows nobody
 * else is deleting (SKIP LOCKED), a batch at a time, each statement its own
 * short transaction. Commits never touch these rows (they insert above the
 * head); the only lock they can meet is the one UPDATE of the document row.
 */
export interface PruneOptions {
  /** Acks of this many of a document's latest operations are kept. */
  keepOps: number;
  /** Events committed less than this long ago are kept even below the snapshot (ms). */
  keepMs: number;
  /** Rows per DELETE statement. */
  batch: number;
}

export const DEFAULT_PRUNE: PruneOptions = { keepOps: OP_IDS_KEPT, keepMs: 5 * 60_000, batch: 1000 };

export interface PruneResult {
  /** The document's mark after this run: events at or below it may be gone. */
  prunedSeq: number;
  deleted: number;
}

/**
 * Raises the document's mark to the newest event that is both covered by its
 * snapshot and older than `keepMs`, then deletes the events at or below it but
 * the kept acks. Undefined when the mark did not move (nothing new to prune,
 * or the document is deleted or unknown). `stop` is asked between batches.
 */
export async function pruneEvents(
  pool: Pool,
  docId: string,
  opts: PruneOptions,
  stop: () => boolean = () => false,
): Promise<PruneResult | undefined> {
  // Committed before any delete: a reader that sees the old mark finds every event above it.
  const marked = (
    await pool.query<{ before: string; bound: string; head: string }>(
      `WITH d AS (SELECT pruned_seq, snapshot_seq, head_seq FROM documents WHERE id = $1 AND NOT deleted),
       b AS (
         SELECT d.pruned_seq AS before, d.head_seq AS head,
           (SELECT e.seq FROM events e
            WHERE e.doc_id = $1 AND e.seq > d.pruned_seq AND e.seq <= d.snapshot_seq
              AND ($2::float8 <= 0 OR e.at < now() - make_interval(secs => $2::float8 / 1000))
            ORDER BY e.seq DESC LIMIT 1) AS bound
         FROM d
       )
       UPDATE documents SET pruned_seq = b.bound FROM b
       WHERE documents.id = $1 AND b.bound IS NOT NULL AND b.bound > documents.pruned_seq AND b.bound <= documents.snapshot_seq
       RETURNING b.before, b.bound, b.head`,
      [docId, opts.keepMs],
    )
  ).rows[0];
  if (!marked) return undefined;
  const before = Number(marked.before);
  const bound = Number(marked.bound);
  // Acks at or below this seq are past the kept count (no document has more acks than events).
  const ackCut = Number(marked.head) <= opts.keepOps ? 0 : await oldestUnkeptAck(pool, docId, opts.keepOps);
  let deleted = 0;
  // Everything at or below the ack cut goes; above it, every event but acks (below the old mark, that was done before).
  deleted += await deleteRange(pool, docId, 0, Math.min(ackCut, bound), true, opts.batch, stop);
  deleted += await deleteRange(pool, docId, Math.max(ackCut, before), bound, false, opts.batch, stop);
  return { prunedSeq: bound, deleted };
}

async function oldestUnkeptAck(pool: Pool, docId: string, keep: number): Promise<number> {
  const row = (
    await pool.query<{ seq: string }>(
      'SELECT seq FROM events WHERE doc_id = $1 AND op_id IS NOT NULL AND op_part = 0 ORDER BY seq DESC OFFSET $2 LIMIT 1',
      [docId, keep],
    )
  ).rows[0];
  return row ? Number(row.seq) : 0;
}

/** Deletes events in (from, to], acks too or not, `batch` rows per statement. */
async function deleteRange(
  pool: Pool,
  docId: string,
  from: number,
  to: number,
  acks: boolean,
  batch: number,
  stop: () => boolean,
): Promise<number> {
  let total = 0;
  let after = from;
  while (after < to && !stop()) {
    const row = (
      await pool.query<{ n: number; last: string | null }>(
        `WITH gone AS (
           DELETE FROM events WHERE doc_id = $1 AND seq IN (
             SELECT seq FROM events
             WHERE doc_id = $1 AND seq > $2 AND seq <= $3 AND ($4 OR op_id IS NULL OR op_part <> 0)
             ORDER BY seq LIMIT $5 FOR UPDATE SKIP LOCKED)
           RETURNING seq)
         SELECT count(*)::int AS n, max(seq) AS last FROM gone`,
        [docId, after, to, acks, batch],
      )
    ).rows[0];
    const n = row?.n ?? 0;
    total += n;
    // Fewer than a batch: the range is done, or the rest is another node's to delete right now.
    if (n < batch || row?.last == null) break;
    after = Number(row.last);
  }
  return total;
}
