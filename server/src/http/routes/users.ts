import { Router } from 'express';
import { createUserBody, updateUserBody, userIdParams } from '../../../../shared/index.js';
import type { DirectoryEntry, PublicUser } from '../../../../shared/index.js';
import { LANGS } from '../../../../shared/languages.js';
import type { UserService } from '../../services/users.js';
import { currentUser, handle } from '../handle.js';
import { requireAdmin } from '../middleware.js';

/** User administration: administrators only (`users.manage`), except the name directory. */
export function userRoutes(users: UserService): Router {
  const r = Router();
  r.get(
    '/directory',
    handle({}, async (): Promise<{ users: DirectoryEntry[] }> => ({
      users: (await users.list()).map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        isAdmin: u.isAdmin,
        langs: u.isViewer ? [] : LANGS.filter((l) => u.roles?.[l] !== undefined),
      })),
    })),
  );
  r.use(requireAdmin);
  r.get(
    '/',
    handle({}, async (): Promise<{ users: PublicUser[] }> => ({ users: await users.list() })),
  );
  r.post(
    '/',
    handle({ body: createUserBody, status: 201 }, async ({ body }): Promise<{ user: PublicUser }> => ({ user: await users.create(body) })),
  );
  r.patch(
    '/:userId',
    handle({ body: updateUserBody, params: userIdParams }, async ({ body, params, res }): Promise<{ user: PublicUser }> => ({
      user: await users.update(currentUser(res).id, params.userId, body),
    })),
  );
  return r;
}
