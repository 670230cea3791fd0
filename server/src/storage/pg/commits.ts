import type { Pool, PoolClient, QueryResult } from 'pg';
import type { DocEvent } from '../../../../shared/index.js';
import type { DocumentStub, LockedDocument, StoredEvent } from '../types.js';
import { CHANNEL, noticePayload } from './feed.js';
import { isUniqueViolation } from './rows.js';

export function parseStored(r: { event: string; ack: string | null }): StoredEvent {
  return { event: JSON.parse(r.event) as DocEvent, ack: r.ack === null ? null : (JSON.parse(r.ack) as unknown) };
}

/** The events after `seq`, for a caller that knows none of them is pruned (it reads above the snapshot, or holds the row lock). */
export async function eventsAfter(c: PoolClient | Pool, docId: string, seq: number): Promise<StoredEvent[]> {
  const rows = (
    await c.query<{ event: string; ack: string | null }>('SELECT event, ack FROM events WHERE doc_id = $1 AND seq > $2 ORDER BY seq', [
      docId,
      seq,
    ])
  ).rows;
  return rows.map(parseStored);
}

/**
 * The events after `seq`, or `pruned` when some of them may be gone
 * (`seq` is below the document's `pruned_seq`, prune.ts). One statement, so
 * the mark and the events are read in one snapshot: the mark is committed
 * before any event below it is deleted, so every event above the mark seen is
 * there. No such document: no events.
 */
export async function eventsAfterUnpruned(c: PoolClient | Pool, docId: string, seq: number): Promise<StoredEvent[] | 'pruned'> {
  const rows = (
    await c.query<{ pruned_seq: string; event: string | null; ack: string | null }>(
      `SELECT d.pruned_seq, e.event, e.ack FROM documents d
       LEFT JOIN events e ON e.doc_id = d.id AND e.seq > $2 AND d.pruned_seq <= $2
       WHERE d.id = $1 ORDER BY e.seq`,
      [docId, seq],
    )
  ).rows;
  if (rows[0] && Number(rows[0].pruned_seq) > seq) return 'pruned';
  return rows.flatMap((r) => (r.event === null ? [] : [parseStored({ event: r.event, ack: r.ack })]));
}

/**
 * Index of each event within its operation: 0 for the first (the one the
 * unique op index and the ack are on). Events of one operation are stamped
 * together, so they are consecutive and share author and opId.
 */
function opParts(events: readonly DocEvent[]): number[] {
  let part = 0;
  let prev: DocEvent | undefined;
  return events.map((ev) => {
    part = ev.opId !== null && prev !== undefined && ev.opId === prev.opId && ev.by === prev.by ? part + 1 : 0;
    prev = ev;
    return part;
  });
}

/** Inserts events of one batch (one document, author, opId and time), without an ack: a document's creation. */
export async function insertEvents(c: PoolClient, events: readonly DocEvent[]): Promise<void> {
  const first = events[0];
  await c.query(
    `INSERT INTO events (doc_id, seq, event, by, op_id, op_part, at)
     SELECT $1, t.seq, t.event, $2, $3, t.part, $4 FROM unnest($5::bigint[], $6::text[], $7::int[]) AS t(seq, event, part)`,
    [
      first?.docId,
      first?.by,
      first?.opId ?? null,
      first?.at,
      events.map((e) => e.seq),
      events.map((e) => JSON.stringify(e)),
      opParts(events),
    ],
  );
}

/** SQL literals (simple query protocol, which alone takes several statements in one round trip). */
function literals(c: PoolClient): { text: (v: string | null) => string; num: (v: number) => string } {
  return {
    text: (v) => (v === null ? 'NULL' : c.escapeLiteral(v)),
    num: (v) => {
      if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${v}`);
      return String(v);
    },
  };
}

/**
 * Locks a document's row for one commit (see SharedDocuments.lock). The lock
 * is what makes commits of several nodes to one document take turns fairly:
 * with only the unique key to go by, the node that just committed always got
 * its next insert in first and the other one lost every race (measured: 20
 * lost races in a row with two nodes and 20 writers). The primary key and the
 * unique operation index stay as the guard of last resort.
 *
 * Round trips are what a commit costs (the bench: each one waits its turn on
 * a busy event loop), so BEGIN, the lock, the head and the lookup of the
 * batch's operation ids go in one: the events behind are read only when the
 * head is past the caller's seq, and the writes and COMMIT go in another.
 * The lookup runs on the statement's snapshot, taken before any wait for the
 * lock; an operation committed while this one waited is in the events after
 * the caller's seq (its seq is past what the caller had), which are then read
 * with their acks by a later statement that sees it.
 */
export async function lockDocument(
  pool: Pool,
  docId: string,
  ops: readonly { by: string; opId: string }[],
  afterSeq: number,
  noted: (events: readonly DocEvent[]) => void,
): Promise<LockedDocument | undefined> {
  const c = await pool.connect();
  let open = true;
  const end = async (sql: string): Promise<void> => {
    if (!open) return;
    open = false;
    try {
      await c.query(sql);
    } finally {
      c.release();
    }
  };
  try {
    const lit = literals(c);
    const pairs = ops.map((o) => `(${lit.text(o.by)}, ${lit.text(o.opId)})`).join(', ');
    const lookup =
      ops.length === 0
        ? 'NULL'
        : // One scalar subquery per operation: always the unique index on all three columns, even on a table
          // not yet analyzed (a join was planned as a scan of every event of the document, slower with each commit).
          `(SELECT json_agg(json_build_array(o.by, o.op_id,
              (SELECT json_build_array(e.ack) FROM events e
               WHERE e.doc_id = ${lit.text(docId)} AND e.by = o.by AND e.op_id = o.op_id AND e.op_id IS NOT NULL AND e.op_part = 0)))
             FROM (VALUES ${pairs}) AS o(by, op_id))`;
    const results = (await c.query(
      `BEGIN; SELECT d.head_seq, d.deleted, d.pruned_seq, ${lookup} AS done
       FROM (SELECT head_seq, deleted, pruned_seq FROM documents WHERE id = ${lit.text(docId)} FOR UPDATE) AS d`,
    )) as unknown as QueryResult<{
      head_seq: string;
      deleted: boolean;
      pruned_seq: string;
      done: [string, string, [string | null] | null][] | null;
    }>[];
    const row = results[1]?.rows[0];
    if (!row || row.deleted) {
      await end('ROLLBACK');
      return undefined;
    }
    const done = new Map<string, { ack: unknown }>();
    for (const [by, opId, found] of row.done ?? []) {
      const ack = found?.[0];
      if (found) done.set(`${by}\u0000${opId}`, { ack: ack === null || ack === undefined ? null : (JSON.parse(ack) as unknown) });
    }
    // The mark cannot move while this transaction holds the row (raising it takes the row's lock), and nothing
    // above it is ever deleted: a copy at or above it reads every event it lacks.
    const behind =
      afterSeq < Number(row.pruned_seq) ? 'pruned' : Number(row.head_seq) > afterSeq ? await eventsAfter(c, docId, afterSeq) : [];
    if (behind !== 'pruned') noted(behind.map((e) => e.event));
    return {
      behind,
      done: (by, opId) => done.get(`${by}\u0000${opId}`),
      commit: (events, acks, stub) => commitLocked(c, events, acks, stub, end, () => (open = false), noted),
      release: () => end('ROLLBACK'),
    };
  } catch (err) {
    await end('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Events, ack, document row and NOTIFY, then COMMIT: one round trip. */
async function commitLocked(
  c: PoolClient,
  events: readonly DocEvent[],
  acks: ReadonlyMap<number, unknown>,
  stub: DocumentStub | undefined,
  end: (sql: string) => Promise<void>,
  ended: () => void,
  noted: (events: readonly DocEvent[]) => void,
): Promise<'ok' | 'conflict'> {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) throw new Error('commit() needs events');
  const deleted = events.some((ev) => ev.type === 'document.deleted');
  const lit = literals(c);
  const parts = opParts(events);
  const rows = events.map(
    (e, i) =>
      `(${lit.text(e.docId)}, ${lit.num(e.seq)}, ${lit.text(JSON.stringify(e))}, ${lit.text(e.by)}, ${lit.text(e.opId)}, ${lit.num(parts[i] ?? 0)}, ${lit.text(acks.has(e.seq) ? JSON.stringify(acks.get(e.seq) ?? null) : null)}, ${lit.text(e.at)})`,
  );
  const stubText = lit.text(stub === undefined ? null : JSON.stringify(stub));
  const notice = lit.text(noticePayload({ docId: first.docId, seq: last.seq, stub: stub !== undefined || deleted }));
  try {
    // One simple query: if a statement fails, the ones after it (COMMIT) do not run and the transaction is left aborted.
    await c.query(
      `INSERT INTO events (doc_id, seq, event, by, op_id, op_part, ack, at) VALUES ${rows.join(', ')};
       UPDATE documents SET head_seq = GREATEST(head_seq, ${lit.num(last.seq)}), deleted = deleted OR ${deleted ? 'true' : 'false'},
         stub = COALESCE(${stubText}::text, stub),
         stub_version = CASE WHEN ${stubText}::text IS NULL AND NOT ${deleted ? 'true' : 'false'} THEN stub_version ELSE nextval('document_stub_versions') END
       WHERE id = ${lit.text(first.docId)};
       SELECT pg_notify(${lit.text(CHANNEL)}, ${notice});
       COMMIT`,
    );
  } catch (err) {
    await end('ROLLBACK').catch(() => undefined);
    if (isUniqueViolation(err)) return 'conflict';
    throw err;
  }
  ended();
  c.release();
  noted(events);
  return 'ok';
}
