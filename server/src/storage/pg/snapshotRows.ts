import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { CapturedSnapshot } from './docParts.js';
import { inTransaction } from './pool.js';

/**
 * Writes one captured checkpoint: the changed parts, the new revisions and the
 * stub, and moves `snapshot_seq`, all under the document row's lock. Nodes
 * holding the same document may both checkpoint it; the lock and the seq test
 * make the later snapshot win whole (every part stored is then the state at
 * `snapshot_seq`: a part this node did not rewrite was unchanged since the
 * snapshot it started from, which is no newer than the stored one). False
 * when the stored snapshot already covers `seq` or the document is deleted.
 */
export async function writeParts(db: Pool | PoolClient, job: CapturedSnapshot & { stub: string }): Promise<boolean> {
  if (db instanceof pg.Pool) return inTransaction(db, (c) => writeWith(c, job));
  return writeWith(db, job);
}

async function writeWith(c: PoolClient, job: CapturedSnapshot & { stub: string }): Promise<boolean> {
  const row = (
    await c.query<{ snapshot_seq: string; deleted: boolean }>('SELECT snapshot_seq, deleted FROM documents WHERE id = $1 FOR UPDATE', [
      job.docId,
    ])
  ).rows[0];
  if (!row || row.deleted) return false;
  // Covered already (by another node's checkpoint): what this one would write is in it.
  if (Number(row.snapshot_seq) >= job.seq) return true;
  await c.query(
    `INSERT INTO doc_parts (doc_id, part, seq, body)
     SELECT $1, t.part, $2, t.body FROM unnest($3::text[], $4::text[]) AS t(part, body)
     ON CONFLICT (doc_id, part) DO UPDATE SET seq = EXCLUDED.seq, body = EXCLUDED.body`,
    [job.docId, job.seq, job.parts.map((p) => p.part), job.parts.map((p) => p.body)],
  );
  if (job.revisions.length > 0) {
    await c.query(
      `INSERT INTO doc_revisions (doc_id, cell, idx, body)
       SELECT $1, t.cell, t.idx, t.body FROM unnest($2::text[], $3::int[], $4::text[]) AS t(cell, idx, body)
       ON CONFLICT DO NOTHING`,
      [job.docId, job.revisions.map((r) => r.cell), job.revisions.map((r) => r.idx), job.revisions.map((r) => r.body)],
    );
  }
  await c.query(`UPDATE documents SET snapshot_seq = $2, stub = $3, stub_version = nextval('document_stub_versions') WHERE id = $1`, [
    job.docId,
    job.seq,
    job.stub,
  ]);
  return true;
}
