import { AppError } from '../../../shared/index.js';
import type { CreateUserBody, PublicUser, UpdateUserBody } from '../../../shared/index.js';
import type { UserRecord, UserStore } from '../storage/types.js';
import { newId } from './ids.js';
import { generatePassword, hashPassword, needsRehash, SCRYPT_COST, verifyPassword } from './passwords.js';
import type { ScryptCost } from './passwords.js';

/** What leaves the server about a user: never the password hash. Old records without roles read as none. */
export function toPublicUser(u: UserRecord): PublicUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    isAdmin: u.isAdmin,
    isViewer: u.isViewer ?? false,
    roles: { ...(u.roles ?? {}) },
  };
}

export class UserService {
  private readonly cost: ScryptCost;
  // Verified against when the user name is unknown, so that a wrong name and a
  // wrong password take the same time and cannot be told apart.
  private dummyHash: Promise<string> | undefined;

  /** `passwordCost`: scrypt's work factors for new hashes (SCRYPT_COST unless a test asks for less). */
  constructor(
    private readonly users: UserStore,
    opts: { passwordCost?: ScryptCost } = {},
  ) {
    this.cost = opts.passwordCost ?? SCRYPT_COST;
  }

  /**
   * Checks the password; a hash made with older work factors is replaced by
   * one made with the current ones, now that the password is known.
   */
  async login(username: string, password: string): Promise<UserRecord> {
    const user = await this.users.getByUsername(username);
    const hash = user?.passwordHash ?? (await (this.dummyHash ??= hashPassword(generatePassword(), this.cost)));
    const good = await verifyPassword(password, hash);
    if (!user || !good) throw new AppError('invalid_credentials', 'wrong user name or password');
    if (!needsRehash(user.passwordHash, this.cost)) return user;
    return this.users.update(user.id, { passwordHash: await hashPassword(password, this.cost) });
  }

  /**
   * The user behind a session, or undefined when the session no longer counts:
   * the user was removed, or their sessions were revoked after it started.
   */
  async sessionUser(userId: string, sessionStartedAt: string): Promise<UserRecord | undefined> {
    const user = await this.users.getById(userId);
    if (!user) return undefined;
    if (user.sessionsValidAfter && user.sessionsValidAfter > sessionStartedAt) return undefined;
    return user;
  }

  /** The record as it is now: permissions are checked against this, so a changed role counts at once. */
  get(userId: string): Promise<UserRecord | undefined> {
    return this.users.getById(userId);
  }

  getByUsername(username: string): Promise<UserRecord | undefined> {
    return this.users.getByUsername(username);
  }

  async list(): Promise<PublicUser[]> {
    return (await this.users.list()).map(toPublicUser);
  }

  async create(body: CreateUserBody, opts: { isAdmin?: boolean } = {}): Promise<PublicUser> {
    if (await this.users.getByUsername(body.username)) {
      throw new AppError('username_taken', `user name ${body.username} is taken`);
    }
    const record: UserRecord = {
      id: newId('u_'),
      username: body.username,
      displayName: body.displayName ?? body.username,
      passwordHash: await hashPassword(body.password, this.cost),
      isAdmin: opts.isAdmin ?? body.isAdmin ?? false,
      isViewer: body.isViewer ?? false,
      roles: { ...(body.roles ?? {}) },
      createdAt: new Date().toISOString(),
      sessionsValidAfter: null,
    };
    // The store also refuses a taken name (two concurrent creates): its AppError passes through.
    await this.users.create(record);
    return toPublicUser(record);
  }

  /** Admin edit of name, flags and roles. An admin cannot take away their own admin flag (nobody could give it back). */
  async update(actorId: string, userId: string, body: UpdateUserBody): Promise<PublicUser> {
    const current = await this.users.getById(userId);
    if (!current) throw new AppError('not_found', `no user ${userId}`);
    if (actorId === userId && body.isAdmin === false)
      throw new AppError('forbidden', 'an administrator cannot remove their own admin role');
    const patch: Partial<UserRecord> = {};
    if (body.displayName !== undefined) patch.displayName = body.displayName;
    if (body.isAdmin !== undefined) patch.isAdmin = body.isAdmin;
    if (body.isViewer !== undefined) patch.isViewer = body.isViewer;
    if (body.roles !== undefined) patch.roles = { ...body.roles };
    return toPublicUser(await this.users.update(userId, patch));
  }

  /**
   * Checks the current password, stores the new one and revokes every session
   * that started before `at`; the caller restarts its own session at `at`.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, at: string): Promise<UserRecord> {
    const user = await this.users.getById(userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new AppError('invalid_credentials', 'the current password is wrong');
    }
    return this.users.update(userId, { passwordHash: await hashPassword(newPassword, this.cost), sessionsValidAfter: at });
  }

  /**
   * First start: creates `admin` when there are no users at all. Returns the
   * password when it was generated (the caller prints it once), null when it
   * came from configuration, undefined when users already existed.
   */
  async ensureAdmin(configured: string | undefined): Promise<{ generatedPassword: string | null } | undefined> {
    if ((await this.users.count()) > 0) return undefined;
    const password = configured ?? generatePassword();
    await this.create({ username: 'admin', password, displayName: 'Administrator' }, { isAdmin: true });
    return { generatedPassword: configured === undefined ? password : null };
  }
}
