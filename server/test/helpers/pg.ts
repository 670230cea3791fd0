import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { createStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/index.js';

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
  await client.connect().catch((err: unknown) => {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `PostgreSQL at ${TEST_DATABASE_URL} does not answer (${why}): the tests need it; start it or set ANOR_TEST_DATABASE_URL`,
    );
  });
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

/** The two storage backends every store suite runs against: one suite, two stores. */
export const BACKENDS = ['embedded', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface StoragePlace {
  /** What createStorage needs to open (and reopen) the same data. */
  options: { dataDir: string; databaseUrl?: string };
  /** Removes the data directory and drops the schema. */
  remove(): Promise<void>;
}

/** A fresh data directory, plus a fresh schema for `postgres`. */
export async function tempStoragePlace(backend: Backend): Promise<StoragePlace> {
  const dataDir = await mkdtemp(join(tmpdir(), 'anor-store-'));
  const removeDir = (): Promise<void> => rm(dataDir, { recursive: true, force: true });
  if (backend === 'embedded') return { options: { dataDir }, remove: removeDir };
  const schema = await tempSchema();
  return {
    options: { dataDir, databaseUrl: schema.url },
    async remove() {
      await removeDir();
      await schema.drop();
    },
  };
}

/** A fresh place per test on `backend`, and `openStorage()` over it (closed and removed after each test). */
export function storagePerTest(backend: Backend): { openStorage: () => Promise<Storage>; dir: () => string } {
  let place: StoragePlace;
  const open: Storage[] = [];
  beforeEach(async () => {
    place = await tempStoragePlace(backend);
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await place.remove();
  });
  return {
    openStorage: async () => {
      const s = await createStorage({ ...place.options, log: () => {} });
      open.push(s);
      return s;
    },
    dir: () => place.options.dataDir,
  };
}
