import type { Pool } from 'pg';
import { pgLimiters } from './limiters.js';
import { PgGlossaryStore, PgShareStore, PgTmStore } from './listStores.js';
import { PgSessionStore } from './sessionStore.js';
import { PgSourceFileStore } from './sourceFileStore.js';
import { PgUserStore } from './userStore.js';

/** Everything several nodes share, over one pool whose schema `migrate()` has brought up to date. */
export function openPgShared(pool: Pool, log: (msg: string) => void) {
  return {
    users: new PgUserStore(pool),
    tm: new PgTmStore(pool),
    glossary: new PgGlossaryStore(pool),
    shares: new PgShareStore(pool),
    sessions: new PgSessionStore(pool, log),
    sources: new PgSourceFileStore(pool),
    limiters: pgLimiters(pool),
  };
}
