import type { Pool } from 'pg';
import { AppError } from '../../../../shared/index.js';
import type { UserRecord, UserStore } from '../types.js';
import { usernameKey } from '../userStore.js';
import { FreshReads } from './freshReads.js';
import { inTransaction } from './pool.js';
import { isoOf, isoOrNull, isUniqueViolation } from './rows.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: boolean;
  is_viewer: boolean | null;
  roles: UserRecord['roles'] | null;
  prefs: UserRecord['prefs'] | null;
  created_at: Date;
  sessions_valid_after: Date | null;
}

const COLUMNS = 'id, username, display_name, password_hash, is_admin, is_viewer, roles, prefs, created_at, sessions_valid_after';

function toRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    isAdmin: r.is_admin,
    createdAt: isoOf(r.created_at),
    sessionsValidAfter: isoOrNull(r.sessions_valid_after),
    // Absent stays absent, as in users.json written before roles existed.
    ...(r.is_viewer === null ? {} : { isViewer: r.is_viewer }),
    ...(r.roles === null ? {} : { roles: r.roles }),
    ...(r.prefs === null ? {} : { prefs: r.prefs }),
  };
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

function toParams(u: UserRecord): unknown[] {
  const { id, username, displayName, passwordHash, isAdmin, isViewer, roles, prefs, createdAt, sessionsValidAfter, ...rest } = u;
  // A field added to UserRecord must get a column here, or it would be dropped silently: this stops the build.
  const unmapped: Record<string, never> = rest;
  void unmapped;
  return [
    id,
    username,
    usernameKey(username),
    displayName,
    passwordHash,
    isAdmin,
    isViewer ?? null,
    json(roles),
    json(prefs),
    createdAt,
    sessionsValidAfter,
  ];
}

/** A unique violation as LowdbUserStore reports it: the id (`conflict`) or the name (`username_taken`); anything else unchanged. */
function takenError(err: unknown, user: UserRecord): unknown {
  if (!isUniqueViolation(err)) return err;
  return err.constraint === 'users_pkey'
    ? new AppError('conflict', `user id ${user.id} exists`)
    : new AppError('username_taken', `username ${user.username} is taken`);
}

/** Users in the `users` table; the same contract as LowdbUserStore (a taken name in any case is `username_taken`). */
export class PgUserStore implements UserStore {
  /** Every socket operation reads its author's row (permissions as they are now): concurrent reads share one query. */
  private readonly byId = new FreshReads<string, UserRecord | undefined>(async (id) => {
    const row = (await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id])).rows[0];
    return row && toRecord(row);
  });

  constructor(private readonly pool: Pool) {}

  async list(): Promise<UserRecord[]> {
    return (await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY ord`)).rows.map(toRecord);
  }

  async count(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]?.n ?? 0);
  }

  async getById(id: string): Promise<UserRecord | undefined> {
    const user = await this.byId.get(id);
    // Each caller its own copy: callers that shared the query must not see each other's changes to it.
    return user && structuredClone(user);
  }

  async getByUsername(username: string): Promise<UserRecord | undefined> {
    const row = (await this.pool.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username_key = $1`, [usernameKey(username)])).rows[0];
    return row && toRecord(row);
  }

  async create(user: UserRecord): Promise<void> {
    await this.pool
      .query(
        `INSERT INTO users (id, username, username_key, display_name, password_hash, is_admin, is_viewer, roles, prefs, created_at, sessions_valid_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        toParams(user),
      )
      .catch((err: unknown) => {
        throw takenError(err, user);
      });
  }

  async update(id: string, patch: Partial<Omit<UserRecord, 'id'>>): Promise<UserRecord> {
    return inTransaction(this.pool, async (client) => {
      const row = (await client.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (!row) throw new AppError('not_found', `no user ${id}`);
      // The id is re-asserted last: a patch smuggled past the type cannot rename a user's key.
      const next: UserRecord = { ...toRecord(row), ...patch, id };
      await client
        .query(
          `UPDATE users SET username = $2, username_key = $3, display_name = $4, password_hash = $5, is_admin = $6,
             is_viewer = $7, roles = $8, prefs = $9, created_at = $10, sessions_valid_after = $11 WHERE id = $1`,
          toParams(next),
        )
        .catch((err: unknown) => {
          throw takenError(err, next);
        });
      return next;
    });
  }
}
