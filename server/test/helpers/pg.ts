import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The project machines' PostgreSQL (trust auth); ANOR_TEST_DATABASE_URL points elsewhere. */
export const TEST_DATABASE_URL = process.env.ANOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TempSchema {
  name: string;
  /** TEST_DATABASE_URL with this schema first on the search path: what DATABASE_URL would be. */
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty schema for one test (or one suite), dropped with everything in it by `drop()`. */
export async function tempSchema(): Promise<TempSchema> {
  const name = `anor_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => undefined),
  };
}

/** Whether a schema is still there (tests prove they cleaned up). */
export function schemaExists(name: string): Promise<boolean> {
  return admin(async (c) => (await c.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [name])).rowCount === 1);
}
