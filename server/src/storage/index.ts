import type session from 'express-session';
import type { Pool } from 'pg';
import type { DocumentStore, GlossaryStore, LimiterFactory, ShareStore, SourceFileStore, TmStore, UserStore } from './types.js';
import { FileSourceFileStore } from './sourceFileStore.js';
import { LowdbGlossaryStore, LowdbTmStore } from './aidsStore.js';
import { nodeFs } from './fs.js';
import { ensureDir } from './fsync.js';
import { lockDataDir } from './lock.js';
import { LowdbDocumentStore } from './documentStore.js';
import { LowdbUserStore } from './userStore.js';
import { LowdbShareStore } from './shareStore.js';
import { LowdbSessionStore } from './sessionStore.js';
import type { SessionStoreOptions } from './sessionStore.js';
import { memoryLimiters } from './limiters.js';
import { pgLimiters } from './pg/limiters.js';
import { migrate } from './pg/migrate.js';
import type { MigrateResult } from './pg/migrate.js';
import { openPool } from './pg/pool.js';

export type { DocumentStore, LoadResult, StorageStats, UserRecord, UserStore } from './types.js';
export type { GlossaryStore, GlossaryTermRecord, TmEntryRecord, TmStore } from './types.js';
export type { ShareRecord, ShareStore, SourceFileRecord, SourceFileStore } from './types.js';
export type { FailureCounter, LimiterFactory } from './types.js';
export type { SessionStoreOptions } from './sessionStore.js';
export { DataDirLockedError } from './lock.js';
export { DatabaseTooNewError } from './pg/migrate.js';
export type { MigrateResult } from './pg/migrate.js';

/** `anor migrate`: brings the schema at `url` up to date without opening anything else. */
export async function migrateDatabase(url: string): Promise<MigrateResult> {
  const pool = openPool(url, () => undefined);
  try {
    return await migrate(pool);
  } finally {
    await pool.end();
  }
}

export interface Storage {
  documents: DocumentStore;
  users: UserStore;
  /** TMX-imported memory entries (`tm.json`) and the glossary (`glossary.json`). */
  tm: TmStore;
  glossary: GlossaryStore;
  /** Read-only share links (`shares.json`), token hashes only. */
  shares: ShareStore;
  /** Files documents were imported from, with their skeletons (`sources/<docId>.json`), for the export of the original. */
  sources: SourceFileStore;
  sessions: session.Store & { destroyForUser(userId: string): Promise<void> };
  /** Failure counters for the sign-in and share-link throttles: in memory, or in PostgreSQL shared by every node. */
  limiters: LimiterFactory;
  close(): Promise<void>;
}

export interface StorageOptions {
  dataDir: string;
  /** DATABASE_URL: PostgreSQL for what several nodes share (so far the throttles); the schema is migrated on open. */
  databaseUrl?: string | undefined;
  log?: (msg: string) => void;
  sessions?: SessionStoreOptions;
}

/**
 * Opens the embedded (lowdb + journal) storage in `dataDir`:
 * `docs/<docId>.json`, `journal/<000001>.jsonl`, `users.json`, `sessions.json`, `tm.json`, `glossary.json`, `shares.json`,
 * `sources/<docId>.json`.
 * Missing directories are created, so a fresh empty directory works. The
 * directory is locked (`anor.lock`, lock.ts) until `close()`: a second Anor
 * process gets a DataDirLockedError instead of a second writer. Call
 * `documents.load()` once at start-up before appending.
 */
export async function createStorage(opts: StorageOptions): Promise<Storage> {
  const log = opts.log ?? ((msg: string) => console.warn(msg));
  await ensureDir(nodeFs, opts.dataDir);
  const unlock = await lockDataDir(opts.dataDir);
  let pool: Pool | undefined;
  let opened;
  try {
    if (opts.databaseUrl !== undefined) {
      pool = openPool(opts.databaseUrl, log);
      await migrate(pool);
    }
    opened = {
      documents: await LowdbDocumentStore.open(opts.dataDir, log),
      users: await LowdbUserStore.open(opts.dataDir),
      tm: await LowdbTmStore.open(opts.dataDir),
      glossary: await LowdbGlossaryStore.open(opts.dataDir),
      shares: await LowdbShareStore.open(opts.dataDir),
      sources: await FileSourceFileStore.open(opts.dataDir),
      sessions: await LowdbSessionStore.open(opts.dataDir, opts.sessions, log),
    };
  } catch (err) {
    await pool?.end();
    await unlock();
    throw err;
  }
  const { documents, users, tm, glossary, shares, sources, sessions } = opened;
  let closing: Promise<void> | null = null;
  return {
    documents,
    users,
    tm,
    glossary,
    shares,
    sources,
    sessions,
    limiters: pool ? pgLimiters(pool) : memoryLimiters,
    close() {
      closing ??= (async () => {
        await documents.close();
        await sessions.close();
        await pool?.end();
        await unlock();
      })();
      return closing;
    },
  };
}
