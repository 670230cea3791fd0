import { createUserBody, updateUserBody, userIdParams } from '../../../../shared/index.js';
import { LANGS } from '../../../../shared/languages.js';
import type { UserService } from '../../services/users.js';
import { currentUser } from '../currentUser.js';
import { requireAdmin } from '../middleware.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';

/** User administration: administrators only (`users.manage`), except the name directory. */
export function userRoutes(m: Mount<'/api/users'>, users: UserService): void {
  route(m, 'GET /api/users/directory', {}, async () => ({
    users: (await users.list()).map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      isAdmin: u.isAdmin,
      // The languages of the person's roles (none for a viewer): who is on a document's team for @mentions.
      langs: u.isViewer ? [] : LANGS.filter((l) => u.roles[l] !== undefined),
    })),
  }));
  const admin = [requireAdmin];
  route(m, 'GET /api/users', { before: admin }, async () => ({ users: await users.list() }));
  route(m, 'POST /api/users', { body: createUserBody, status: 201, before: admin }, async ({ body }) => ({
    user: await users.create(body),
  }));
  route(m, 'PATCH /api/users/:userId', { body: updateUserBody, params: userIdParams, before: admin }, async ({ body, params, res }) => ({
    user: await users.update(currentUser(res).id, params.userId, body),
  }));
}
