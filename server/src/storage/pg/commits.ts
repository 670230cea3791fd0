import type { Pool, PoolClient } from 'pg';
import type { DocEvent } from '../../../../shared/index.js';
import type { DocumentStub, LockedDocument, StoredEvent } from '../types.js';
import { CHANNEL, noticePayload } from './feed.js';
import { isUniqueViolation } from './rows.js';

export function parseStored(r: { event: string; ack: string | null }): StoredEvent {
  return { event: JSON.parse(r.event) as DocEvent, ack: r.ack === null ? null : (JSON.parse(r.ack) as unknown) };
}

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

/**
 * Locks a document's row for one commit (see SharedDocuments.lock). The lock
 * is what makes commits of several nodes to one document take turns fairly:
 * with only the unique key to go by, the node that just committed always got
 * its next insert in first and the other one lost every race (measured: 20
 * lost races in a row with two nodes and 20 writers). The primary key and the
 * unique operation index stay as the guard of last resort.
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
    await c.query('BEGIN');
    const row = (
      await c.query<{ head_seq: string; deleted: boolean }>('SELECT head_seq, deleted FROM documents WHERE id = $1 FOR UPDATE', [docId])
    ).rows[0];
    if (!row || row.deleted) {
      await end('ROLLBACK');
      return undefined;
    }
    const done = new Map<string, { ack: unknown }>();
    if (ops.length > 0) {
      const found = await c.query<{ by: string; op_id: string; ack: string | null }>(
        `SELECT e.by, e.op_id, e.ack FROM events e
         JOIN unnest($2::text[], $3::text[]) AS o(by, op_id) ON e.by = o.by AND e.op_id = o.op_id
         WHERE e.doc_id = $1 AND e.op_part = 0`,
        [docId, ops.map((o) => o.by), ops.map((o) => o.opId)],
      );
      for (const r of found.rows) done.set(`${r.by}\u0000${r.op_id}`, { ack: r.ack === null ? null : (JSON.parse(r.ack) as unknown) });
    }
    const behind = Number(row.head_seq) > afterSeq ? await eventsAfter(c, docId, afterSeq) : [];
    noted(behind.map((e) => e.event));
    return {
      behind,
      done: (by, opId) => done.get(`${by}\u0000${opId}`),
      commit: (events, acks, stub) => commitLocked(c, events, acks, stub, end, noted),
      release: () => end('ROLLBACK'),
    };
  } catch (err) {
    await end('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function commitLocked(
  c: PoolClient,
  events: readonly DocEvent[],
  acks: ReadonlyMap<number, unknown>,
  stub: DocumentStub | undefined,
  end: (sql: string) => Promise<void>,
  noted: (events: readonly DocEvent[]) => void,
): Promise<'ok' | 'conflict'> {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) throw new Error('commit() needs events');
  const deleted = events.some((ev) => ev.type === 'document.deleted');
  try {
    // Data-modifying CTEs run whether or not they are referenced: one round trip for the events, the row and the notice.
    await c.query(
      `WITH ins AS (
         INSERT INTO events (doc_id, seq, event, by, op_id, op_part, ack, at)
         SELECT $1, t.seq, t.event, t.by, t.op_id, t.part, t.ack, t.at
         FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::timestamptz[])
           AS t(seq, event, by, op_id, part, ack, at)),
       d AS (
         UPDATE documents SET head_seq = GREATEST(head_seq, $9), deleted = deleted OR $10,
           stub = COALESCE($11::text, stub),
           stub_version = CASE WHEN $11::text IS NULL AND NOT $10 THEN stub_version ELSE nextval('document_stub_versions') END
         WHERE id = $1)
       SELECT pg_notify($12, $13)`,
      [
        first.docId,
        events.map((e) => e.seq),
        events.map((e) => JSON.stringify(e)),
        events.map((e) => e.by),
        events.map((e) => e.opId),
        opParts(events),
        events.map((e) => (acks.has(e.seq) ? JSON.stringify(acks.get(e.seq) ?? null) : null)),
        events.map((e) => e.at),
        last.seq,
        deleted,
        stub === undefined ? null : JSON.stringify(stub),
        CHANNEL,
        noticePayload({ docId: first.docId, seq: last.seq, stub: stub !== undefined || deleted }),
      ],
    );
  } catch (err) {
    await end('ROLLBACK').catch(() => undefined);
    if (isUniqueViolation(err)) return 'conflict';
    throw err;
  }
  noted(events);
  await end('COMMIT');
  return 'ok';
}
