import type session from 'express-session';
import type { DocumentStore, GlossaryStore, ShareStore, SourceFileStore, TmStore, UserStore } from './types.js';
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

export type { DocumentStore, LoadResult, StorageStats, UserRecord, UserStore } from './types.js';
export type { GlossaryStore, GlossaryTermRecord, TmEntryRecord, TmStore } from './types.js';
export type { ShareRecord, ShareStore, SourceFileRecord, SourceFileStore } from './types.js';
export type { SessionStoreOptions } from './sessionStore.js';
export { DataDirLockedError } from './lock.js';

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
  close(): Promise<void>;
}

export interface StorageOptions {
  dataDir: string;
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
  let opened;
  try {
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
    close() {
      closing ??= (async () => {
        await documents.close();
        await sessions.close();
        await unlock();
      })();
      return closing;
    },
  };
}
