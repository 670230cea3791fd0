import { Router } from 'express';
import { createUserBody, updateUserBody, userIdParams } from '../../../../shared/index.js';
import type { PublicUser } from '../../../../shared/index.js';
import type { UserService } from '../../services/users.js';
import { currentUser, handle } from '../handle.js';
import { requireAdmin } from '../middleware.js';

/** User administration; every route is for administrators only (`users.manage`). */
export function userRoutes(users: UserService): Router {
  const r = Router();
  r.use(requireAdmin);
  r.get('/', handle({}, async (): Promise<{ users: PublicUser[] }> => ({ users: await users.list() })));
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
