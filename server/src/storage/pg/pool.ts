import pg from 'pg';
import type { Pool, PoolClient } from 'pg';

/**
 * The connection pool for DATABASE_URL. Everything Anor keeps in PostgreSQL
 * goes through one pool per process; tables are unqualified, so the URL's
 * `options=-c search_path=…` picks the schema (tests use one schema each).
 */
export function openPool(url: string, log: (msg: string) => void): Pool {
  // A database that stops answering fails a request after 5 s (database_unavailable) instead of holding it forever.
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'anor', connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by a database restart must not crash the process; the next query reconnects.
  pool.on('error', (err) => log(`database: idle connection lost: ${err.message}`));
  return pool;
}

/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
