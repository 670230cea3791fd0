import { join } from 'node:path';
import session from 'express-session';
import type { SessionData } from 'express-session';
import { Low } from 'lowdb';
import { DurableJsonFile } from './fsync.js';
import type { SessionEntry } from './types.js';

interface Entry {
  /** The session as express-session serialises it (cookie included). */
  data: SessionData;
  /** Epoch milliseconds after which the session is gone. */
  expires: number;
}

interface SessionsFile {
  sessions: Record<string, Entry>;
}

export interface SessionStoreOptions {
  /** Lifetime of a session whose cookie has neither `expires` nor `maxAge` (a browser-session cookie). */
  defaultTtlMs?: number;
  /** How often touched expiries are written and expired sessions pruned. */
  flushIntervalMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function userIdOf(data: SessionData): string | undefined {
  const v: unknown = Reflect.get(data, 'userId');
  return typeof v === 'string' ? v : undefined;
}

/** Session ids index a plain object; without a prototype, an id like `__proto__` is just a key. */
function sessionMap(from: Record<string, Entry>): Record<string, Entry> {
  return Object.assign(Object.create(null) as Record<string, Entry>, from);
}

/** Adapts a promise to express-session's callback style. */
function settle(p: Promise<void>, cb: ((err?: unknown) => void) | undefined): void {
  p.then(
    () => cb?.(),
    (e: unknown) => cb?.(e),
  );
}

/**
 * express-session store in `sessions.json` through lowdb.
 *
 * Writes are rare (login, logout), but express-session calls `touch` on every
 * request with `rolling`/`resave: false`; rewriting the file each time would put
 * a whole-file write on the hot path. So touches only move the expiry in memory
 * and the file catches up lazily: at the next set/destroy, on the flush timer, or
 * at close. A crash loses at most the touches since then, which only makes some
 * sessions end earlier than they would have.
 */
export class LowdbSessionStore extends session.Store {
  readonly #db: Low<SessionsFile>;
  readonly #defaultTtlMs: number;
  readonly #timer: NodeJS.Timeout;
  #dirty = false;

  private constructor(db: Low<SessionsFile>, opts: SessionStoreOptions) {
    super();
    this.#db = db;
    this.#defaultTtlMs = opts.defaultTtlMs ?? DAY_MS;
    this.#timer = setInterval(() => void this.flush().catch(() => {}), opts.flushIntervalMs ?? 60_000);
    // The timer must never keep the process alive on its own.
    this.#timer.unref();
  }

  static async open(dataDir: string, opts: SessionStoreOptions = {}, log: (msg: string) => void = () => {}): Promise<LowdbSessionStore> {
    const path = join(dataDir, 'sessions.json');
    const db = new Low<SessionsFile>(new DurableJsonFile<SessionsFile>(path), { sessions: {} });
    try {
      await db.read();
      if (typeof db.data.sessions !== 'object' || db.data.sessions === null) throw new Error('no "sessions" map');
    } catch (e) {
      // Sessions are disposable: an unreadable file costs everyone one sign-in, not a refusal to start.
      log(`storage: ${path} is unreadable (${e instanceof Error ? e.message : String(e)}); starting with no sessions`);
      db.data = { sessions: {} };
    }
    db.data.sessions = sessionMap(db.data.sessions);
    const store = new LowdbSessionStore(db, opts);
    if (store.#prune()) await store.#persist();
    return store;
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    const entry = this.#db.data.sessions[sid];
    if (!entry) return callback(null, null);
    if (entry.expires <= Date.now()) {
      delete this.#db.data.sessions[sid];
      this.#dirty = true;
      return callback(null, null);
    }
    callback(null, structuredClone(entry.data));
  }

  override set(sid: string, sess: SessionData, callback?: (err?: unknown) => void): void {
    // JSON round trip, as express-session's MemoryStore does: Cookie has a toJSON, and
    // nothing live (Date, methods, the request) leaks into the store.
    const data = JSON.parse(JSON.stringify(sess)) as SessionData;
    this.#db.data.sessions[sid] = { data, expires: this.#expiryOf(sess) };
    this.#prune();
    settle(this.#persist(), callback);
  }

  override touch(sid: string, sess: SessionData, callback?: () => void): void {
    const entry = this.#db.data.sessions[sid];
    if (entry) {
      entry.expires = this.#expiryOf(sess);
      entry.data.cookie = JSON.parse(JSON.stringify(sess.cookie)) as SessionData['cookie'];
      this.#dirty = true;
    }
    callback?.();
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    delete this.#db.data.sessions[sid];
    settle(this.#persist(), callback);
  }

  override length(callback: (err: unknown, length?: number) => void): void {
    this.#prune();
    callback(null, Object.keys(this.#db.data.sessions).length);
  }

  override all(callback: (err: unknown, obj?: { [sid: string]: SessionData } | null) => void): void {
    this.#prune();
    const out: { [sid: string]: SessionData } = {};
    for (const [sid, e] of Object.entries(this.#db.data.sessions)) out[sid] = structuredClone(e.data);
    callback(null, out);
  }

  override clear(callback?: (err?: unknown) => void): void {
    this.#db.data.sessions = sessionMap({});
    settle(this.#persist(), callback);
  }

  /** Ends every session of one user (logout everywhere, password change, account disabled). */
  async destroyForUser(userId: string): Promise<void> {
    const sessions = this.#db.data.sessions;
    let removed = false;
    for (const [sid, e] of Object.entries(sessions)) {
      if (userIdOf(e.data) === userId) {
        delete sessions[sid];
        removed = true;
      }
    }
    if (removed) await this.#persist();
  }

  async exportSessions(): Promise<SessionEntry[]> {
    this.#prune();
    // In id order, as the PostgreSQL store gives them: a map has no order worth keeping.
    return Object.entries(this.#db.data.sessions)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([sid, e]) => ({ sid, data: structuredClone(e.data), expires: e.expires }));
  }

  async importSessions(entries: readonly SessionEntry[]): Promise<void> {
    for (const e of entries) this.#db.data.sessions[e.sid] = { data: structuredClone(e.data), expires: e.expires };
    await this.#persist();
  }

  /** Writes touched expiries and drops expired sessions, if anything changed. */
  async flush(): Promise<void> {
    const pruned = this.#prune();
    if (pruned || this.#dirty) await this.#persist();
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  #expiryOf(sess: SessionData): number {
    const c = sess.cookie as Partial<SessionData['cookie']> | undefined;
    const expires: unknown = c?.expires;
    if (expires instanceof Date) return expires.getTime();
    if (typeof expires === 'string') {
      const t = Date.parse(expires);
      if (!Number.isNaN(t)) return t;
    }
    if (typeof c?.maxAge === 'number') return Date.now() + c.maxAge;
    return Date.now() + this.#defaultTtlMs;
  }

  /** Removes expired sessions; true when any went. */
  #prune(): boolean {
    const now = Date.now();
    const sessions = this.#db.data.sessions;
    let removed = false;
    for (const [sid, e] of Object.entries(sessions)) {
      if (e.expires <= now) {
        delete sessions[sid];
        removed = true;
      }
    }
    if (removed) this.#dirty = true;
    return removed;
  }

  async #persist(): Promise<void> {
    // lowdb serialises the data synchronously inside write(), so everything changed
    // up to here is in this write even if another one is already in flight.
    this.#dirty = false;
    await this.#db.write();
  }
}
