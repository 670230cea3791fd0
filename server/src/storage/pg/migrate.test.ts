import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { schemaExists, tempSchema } from '../../../test/helpers/pg.js';
import type { TempSchema } from '../../../test/helpers/pg.js';
import { DatabaseTooNewError, migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openPool } from './pool.js';

const tables = async (pool: Pool): Promise<string[]> =>
  (
    await pool.query<{ t: string }>(
      'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
    )
  ).rows.map((r) => r.t);

describe('PostgreSQL migrations', () => {
  let schema: TempSchema;
  let pool: Pool;
  beforeEach(async () => {
    schema = await tempSchema();
    pool = openPool(schema.url, () => undefined);
  });
  afterEach(async () => {
    await pool.end();
    await schema.drop();
    expect(await schemaExists(schema.name)).toBe(false);
  });

  it('applies every migration once, in order, and records each', async () => {
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1)); // 1, 2, 3… no gap, no repeat
    expect(await migrate(pool)).toEqual({ applied: MIGRATIONS.map((m) => m.version), version: latest });
    expect(await tables(pool)).toContain('migrations');
    expect(await tables(pool)).toContain('rate_limits');
    expect(await migrate(pool)).toEqual({ applied: [], version: latest });
    const rows = await pool.query<{ version: number }>('SELECT version FROM migrations ORDER BY version');
    expect(rows.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('lets nodes starting together take turns: each migration runs exactly once', async () => {
    const others = [openPool(schema.url, () => undefined), openPool(schema.url, () => undefined)];
    try {
      const results = await Promise.all([pool, ...others].map((p) => migrate(p)));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      for (const p of others) await p.end();
    }
  });

  it('adds only the new migration to a database at an older version', async () => {
    await migrate(pool);
    const next = { version: MIGRATIONS.length + 1, name: 'a later step', sql: 'CREATE TABLE later_step (id integer PRIMARY KEY)' };
    expect(await migrate(pool, [...MIGRATIONS, next])).toEqual({ applied: [next.version], version: next.version });
    expect(await tables(pool)).toContain('later_step');
  });

  it('rolls a failing migration back whole, so the schema stays as it was', async () => {
    const broken = [
      { version: 1, name: 'fine', sql: 'CREATE TABLE fine (id integer)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE broken (id integer); SELECT no_such_function()' },
    ];
    await expect(migrate(pool, broken)).rejects.toThrow(/no_such_function/u);
    expect(await tables(pool)).toEqual([]);
  });

  it('refuses a database newer than this code (database_too_new) and changes nothing', async () => {
    await migrate(pool);
    const err = await migrate(pool, MIGRATIONS.slice(0, -1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseTooNewError);
    expect((err as DatabaseTooNewError).code).toBe('database_too_new');
    expect(await migrate(pool)).toMatchObject({ applied: [] });
  });
});
