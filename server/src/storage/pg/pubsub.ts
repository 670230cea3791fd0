import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './pool.js';

/**
 * What the Socket.IO adapter needs to carry broadcasts between nodes through
 * PostgreSQL (LISTEN/NOTIFY): a pool of its own, and a channel prefix.
 */
export interface PubSub {
  /** Apart from the stores' pool: the adapter holds one connection for LISTEN, and must not wait behind queries. */
  pool: Pool;
  /**
   * NOTIFY channels belong to the database, not to a schema: the prefix names
   * the schema, so installations (and test runs) in one database never hear
   * each other.
   */
  channelPrefix: string;
}

export async function openPubSub(url: string, log: (msg: string) => void): Promise<PubSub> {
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'anor-cluster', connectionTimeoutMillis: 5_000 });
  pool.on('error', (err) => log(`cluster bus: idle connection lost: ${err.message}`));
  // The adapter keeps its LISTEN connection checked out, where pg-pool stops listening for errors: a database
  // restart would then throw an unhandled 'error' and end the process. Heard here, the adapter reconnects.
  // It also forgets the dead connection without giving it back, and pool.end() would wait for it forever:
  // the LISTEN connection (the one with a notification listener) is released, as broken, when it ends.
  const checkedOut = new Set<PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_err, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.on('error', (err) => log(`cluster bus: connection lost: ${err.message}`));
    client.on('end', () => {
      if (checkedOut.has(client) && client.listenerCount('notification') > 0) client.release(new Error('connection lost'));
    });
  });
  try {
    const row = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    await ensureAttachmentsTable(pool);
    return { pool, channelPrefix: `anor:${row.rows[0]?.schema ?? 'public'}` };
  } catch (err) {
    await pool.end();
    throw err;
  }
}

/** Where the adapter puts messages over NOTIFY's 8000-byte limit; created once per schema. */
export const ATTACHMENTS_TABLE = 'socket_io_attachments';

/**
 * The adapter's own table, in the layout its documentation gives. Kept out of
 * the numbered migrations on purpose: it belongs to the adapter (dropping it
 * loses nothing but messages in flight), and nodes starting together take turns
 * on an advisory lock so that CREATE … IF NOT EXISTS does not race.
 */
async function ensureAttachmentsTable(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(coalesce(current_schema(), '') || '.${ATTACHMENTS_TABLE}'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS_TABLE} (
      id bigserial UNIQUE,
      created_at timestamptz DEFAULT now(),
      payload bytea
    )`);
  });
}
