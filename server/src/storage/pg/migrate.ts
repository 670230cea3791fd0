import type { Pool } from 'pg';
import { inTransaction } from './pool.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/index.js';

export class DatabaseTooNewError extends Error {
  readonly code = 'database_too_new';
  constructor(
    readonly current: number,
    readonly known: number,
  ) {
    super(`the database is at schema version ${current}, but this Anor knows versions up to ${known}; upgrade Anor on this node`);
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrateResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** The schema version after the call. */
  version: number;
}

/**
 * Brings the schema up to date: every migration newer than the highest row
 * of `migrations` is applied, in order, in one transaction with its row, so
 * a failure leaves the schema as it was. Nodes starting together take turns
 * on an advisory lock (per schema), and the loser finds nothing left to do.
 * A database newer than this code is refused rather than used.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(coalesce(current_schema(), '') || '.anor_migrations'))`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const row = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM migrations');
    const current = row.rows[0]?.v ?? 0;
    if (current > known) throw new DatabaseTooNewError(current, known);
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return { applied, version: Math.max(current, ...applied) };
  });
}
