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
import { openPgShared } from './pg/index.js';
import { migrate } from './pg/migrate.js';
import type { MigrateResult } from './pg/migrate.js';
import { openPool } from './pg/pool.js';
import { openPubSub } from './pg/pubsub.js';
import type { PubSub } from './pg/pubsub.js';
import { PgDocumentStore } from './pg/documentStore.js';

export type { DocumentStore, DocumentStub, LoadResult, SharedDocuments, StorageStats, UserRecord, UserStore } from './types.js';
export type { GlossaryStore, GlossaryTermRecord, TmEntryRecord, TmStore } from './types.js';
export type { ShareRecord, ShareStore, SourceFileRecord, SourceFileStore } from './types.js';
export type { FailureCounter, LimiterFactory } from './types.js';
export type { SessionStoreOptions } from './sessionStore.js';
export { DataDirLockedError } from './lock.js';
export { DatabaseTooNewError } from './pg/migrate.js';
export type { MigrateResult } from './pg/migrate.js';
export type { PubSub } from './pg/pubsub.js';

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
  /** With a database: how nodes reach each other (the Socket.IO adapter). Undefined embedded: one node. */
  pubsub?: PubSub;
  close(): Promise<void>;
}

export interface StorageOptions {
  dataDir: string;
  /**
   * DATABASE_URL: PostgreSQL for what several nodes share — documents, users,
   * sessions, share links, the glossary, imported memory and the throttles.
   * Source files stay in `dataDir`. The schema is migrated on open.
   */
  databaseUrl?: string | undefined;
  log?: (msg: string) => void;
  sessions?: SessionStoreOptions;
}

/** The stores that PostgreSQL holds when there is a database, and `dataDir` otherwise. */
type SharedStores = Pick<Storage, 'users' | 'tm' | 'glossary' | 'shares' | 'limiters'> & {
  sessions: Storage['sessions'] & { close(): void | Promise<void> };
};

async function openEmbeddedShared(opts: StorageOptions, log: (msg: string) => void): Promise<SharedStores> {
  return {
    users: await LowdbUserStore.open(opts.dataDir),
    tm: await LowdbTmStore.open(opts.dataDir),
    glossary: await LowdbGlossaryStore.open(opts.dataDir),
    shares: await LowdbShareStore.open(opts.dataDir),
    sessions: await LowdbSessionStore.open(opts.dataDir, opts.sessions, log),
    limiters: memoryLimiters,
  };
}

/**
 * Opens the storage. Embedded (no `databaseUrl`), everything is lowdb and the
 * journal in `dataDir`: `docs/<docId>.json`, `journal/<000001>.jsonl`,
 * `users.json`, `sessions.json`, `tm.json`, `glossary.json`, `shares.json`,
 * `sources/<docId>.json`. With a database, users, sessions, share links, the
 * glossary, imported memory, the throttles' counts and documents (events,
 * incremental snapshots: pg/documentStore.ts) are PostgreSQL tables (pg/,
 * schema migrated first) and `dataDir` keeps source files.
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
  let pubsub: PubSub | undefined;
  let opened;
  try {
    let shared: SharedStores;
    if (opts.databaseUrl === undefined) {
      shared = await openEmbeddedShared(opts, log);
    } else {
      pool = openPool(opts.databaseUrl, log);
      await migrate(pool);
      shared = openPgShared(pool, log);
      pubsub = await openPubSub(opts.databaseUrl, log);
    }
    opened = {
      ...shared,
      documents:
        pool && opts.databaseUrl !== undefined
          ? new PgDocumentStore(pool, opts.databaseUrl, log)
          : await LowdbDocumentStore.open(opts.dataDir, log),
      sources: await FileSourceFileStore.open(opts.dataDir),
    };
  } catch (err) {
    await opened?.sessions.close();
    await pubsub?.pool.end();
    await pool?.end();
    await unlock();
    throw err;
  }
  const { documents, sessions } = opened;
  let closing: Promise<void> | null = null;
  return {
    ...opened,
    ...(pubsub ? { pubsub } : {}),
    close() {
      closing ??= (async () => {
        await documents.close();
        await sessions.close();
        await pubsub?.pool.end();
        await pool?.end();
        await unlock();
      })();
      return closing;
    },
  };
}
