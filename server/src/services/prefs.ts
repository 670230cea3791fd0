import { AppError } from '../../../shared/index.js';
import type { UpdatePrefsBody, UserPrefsDto } from '../../../shared/index.js';
import type { UserRecord, UserStore } from '../storage/types.js';

function present(u: UserRecord): UserPrefsDto {
  return { columnWidths: { ...(u.prefs?.columnWidths ?? {}) } };
}

/** A user's own screen preferences, stored on their user record. */
export class PrefsService {
  constructor(private readonly users: UserStore) {}

  async get(userId: string): Promise<UserPrefsDto> {
    const u = await this.users.getById(userId);
    if (!u) throw new AppError('not_found', `no user ${userId}`);
    return present(u);
  }

  /** Each field given replaces the stored one; the others stay. */
  async update(userId: string, body: UpdatePrefsBody): Promise<UserPrefsDto> {
    const u = await this.users.getById(userId);
    if (!u) throw new AppError('not_found', `no user ${userId}`);
    const prefs = { ...(u.prefs ?? {}) };
    if (body.columnWidths !== undefined) prefs.columnWidths = { ...body.columnWidths };
    return present(await this.users.update(userId, { prefs }));
  }
}
