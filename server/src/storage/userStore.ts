import { join } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../../shared/index.js';
import type { UserRecord, UserStore } from './types.js';
import { nodeFs } from './fs.js';
import type { StorageFs } from './fs.js';
import { DurableJsonFile } from './fsync.js';

interface UsersFile {
  users: UserRecord[];
}

/** Usernames are unique regardless of case (and of Unicode composition: "Ä" typed two ways is one name). */
export function usernameKey(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

/**
 * Users in `users.json` through lowdb. The list is small and read far more than
 * written, so it lives in memory and every change rewrites the file durably
 * (DurableJsonFile: temp file, fdatasync, rename, directory fsync).
 * Records handed out are copies: a caller cannot change the store without a write.
 */
export class LowdbUserStore implements UserStore {
  readonly #db: Low<UsersFile>;

  private constructor(db: Low<UsersFile>) {
    this.#db = db;
  }

  static async open(dataDir: string, fs: StorageFs = nodeFs): Promise<LowdbUserStore> {
    const path = join(dataDir, 'users.json');
    const db = new Low<UsersFile>(new DurableJsonFile<UsersFile>(path, fs), { users: [] });
    await db.read();
    if (!Array.isArray(db.data.users)) throw new Error(`${path} has no "users" list`);
    return new LowdbUserStore(db);
  }

  async list(): Promise<UserRecord[]> {
    return this.#db.data.users.map((u) => ({ ...u }));
  }

  async count(): Promise<number> {
    return this.#db.data.users.length;
  }

  async getById(id: string): Promise<UserRecord | undefined> {
    const u = this.#db.data.users.find((x) => x.id === id);
    return u && { ...u };
  }

  async getByUsername(username: string): Promise<UserRecord | undefined> {
    const key = usernameKey(username);
    const u = this.#db.data.users.find((x) => usernameKey(x.username) === key);
    return u && { ...u };
  }

  async create(user: UserRecord): Promise<void> {
    // Check and insert happen in one synchronous step, so two concurrent creates cannot both pass.
    const users = this.#db.data.users;
    if (users.some((x) => x.id === user.id)) throw new AppError('conflict', `user id ${user.id} exists`);
    this.#assertFree(user.username, null);
    users.push({ ...user });
    await this.#persist();
  }

  async update(id: string, patch: Partial<Omit<UserRecord, 'id'>>): Promise<UserRecord> {
    const users = this.#db.data.users;
    const i = users.findIndex((x) => x.id === id);
    const current = users[i];
    if (!current) throw new AppError('not_found', `no user ${id}`);
    if (patch.username !== undefined) this.#assertFree(patch.username, id);
    // The id is re-asserted last: a patch smuggled past the type cannot rename a user's key.
    const next: UserRecord = { ...current, ...patch, id };
    users[i] = next;
    await this.#persist();
    return { ...next };
  }

  #assertFree(username: string, exceptId: string | null): void {
    const key = usernameKey(username);
    if (this.#db.data.users.some((x) => x.id !== exceptId && usernameKey(x.username) === key)) {
      throw new AppError('username_taken', `username ${username} is taken`);
    }
  }

  async #persist(): Promise<void> {
    // Durable when it resolves (DurableJsonFile: temp file, fdatasync, rename, directory fsync).
    await this.#db.write();
  }
}
