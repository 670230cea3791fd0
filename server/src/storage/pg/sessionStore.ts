import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { SessionData } from 'express-session';
import type { Pool } from 'pg';
import type { SessionEntry } from '../types.js';

const PGStore = connectPgSimple(session);

/**
 * Sessions in the `session` table through connect-pg-simple, so a cookie
 * signed in on one node is good on every node (with one SESSION_SECRET), and
 * signing out or a password change ends the session everywhere. The table is
 * created by migration 0002, never by the library.
 */
export class PgSessionStore extends PGStore {
  readonly #pool: Pool;

  constructor(pool: Pool, log: (msg: string) => void) {
    super({
      pool,
      tableName: 'session',
      createTableIfMissing: false,
      errorLog: (...args: unknown[]) => log(`sessions: ${args.map(String).join(' ')}`),
    });
    this.#pool = pool;
  }

  /** A missing session is `null`, as express-session's own stores say it. */
  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    super.get(sid, (err, data) => callback(err, err ? undefined : (data ?? null)));
  }

  /** A cookie with a maxAge but no absolute expiry lives maxAge from now (connect-pg-simple would give it a day). */
  override set(sid: string, sess: SessionData, callback?: (err?: unknown) => void): void {
    super.set(sid, withExpiry(sess), callback);
  }

  override touch(sid: string, sess: SessionData, callback?: () => void): void {
    super.touch(sid, withExpiry(sess), callback);
  }

  /**
   * `expire` is a timestamp without time zone that connect-pg-simple writes
   * with to_timestamp() (so in the connection's TimeZone); reading it back as
   * timestamptz undoes exactly that, whatever the TimeZone is.
   */
  async exportSessions(): Promise<SessionEntry[]> {
    const rows = await this.#pool.query<{ sid: string; sess: SessionData; ms: string }>(
      `SELECT sid, sess, round(extract(epoch FROM expire::timestamptz) * 1000) AS ms FROM session
       WHERE expire::timestamptz > now() ORDER BY sid COLLATE "C"`,
    );
    return rows.rows.map((r) => ({ sid: r.sid, data: r.sess, expires: Number(r.ms) }));
  }

  async importSessions(entries: readonly SessionEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#pool.query(
      `INSERT INTO session (sid, sess, expire)
       SELECT t.sid, t.sess, to_timestamp(t.ms / 1000.0) FROM unnest($1::text[], $2::json[], $3::float8[]) AS t(sid, sess, ms)
       ON CONFLICT (sid) DO UPDATE SET sess = EXCLUDED.sess, expire = EXCLUDED.expire`,
      [entries.map((e) => e.sid), entries.map((e) => JSON.stringify(e.data)), entries.map((e) => e.expires)],
    );
  }

  /** Ends every session of one user (logout everywhere, password change, account disabled). */
  async destroyForUser(userId: string): Promise<void> {
    await this.#pool.query(`DELETE FROM session WHERE sess->>'userId' = $1`, [userId]);
  }
}

function withExpiry(sess: SessionData): SessionData {
  const cookie = sess.cookie as Partial<SessionData['cookie']> | undefined;
  if (cookie === undefined || cookie.expires || typeof cookie.maxAge !== 'number') return sess;
  return { ...sess, cookie: { ...sess.cookie, expires: new Date(Date.now() + cookie.maxAge) } };
}
