import { Router } from 'express';
import type { Request } from 'express';
import { loginBody } from '../../../../shared/index.js';
import type { PublicUser } from '../../../../shared/index.js';
import type { LoginThrottle } from '../../services/loginThrottle.js';
import { toPublicUser } from '../../services/users.js';
import type { UserService } from '../../services/users.js';
import { currentUser, handle } from '../handle.js';
import { requireSession } from '../middleware.js';

export interface AuthDeps {
  users: UserService;
  throttle: LoginThrottle;
  /** Tells live connections of a session that it ended (the socket layer disconnects them). */
  sessionEnded: (sessionId: string) => void;
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err: unknown) => (err ? reject(err) : resolve())));
}
function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err: unknown) => (err ? reject(err) : resolve())));
}
function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(err) : resolve())));
}

export function authRoutes(deps: AuthDeps): Router {
  const r = Router();

  r.post(
    '/login',
    handle({ body: loginBody }, async ({ body, req }): Promise<{ user: PublicUser }> => {
      const address = req.ip ?? 'unknown';
      deps.throttle.check(address, body.username);
      const user = await deps.users.login(body.username, body.password).catch((err: unknown) => {
        deps.throttle.failed(address, body.username);
        throw err;
      });
      deps.throttle.succeeded(address, body.username);
      const previous = req.session.userId ? req.sessionID : undefined;
      // A fresh session id on login: a cookie planted before sign-in is worth nothing after.
      await regenerate(req);
      // Signing in again (maybe as someone else) ends the old session's live connections too.
      if (previous) deps.sessionEnded(previous);
      req.session.userId = user.id;
      req.session.startedAt = new Date().toISOString();
      await save(req);
      return { user: toPublicUser(user) };
    }),
  );

  r.post(
    '/logout',
    requireSession(deps.users),
    handle({}, async ({ req }): Promise<null> => {
      const sid = req.sessionID;
      await destroy(req);
      deps.sessionEnded(sid);
      return null;
    }),
  );

  r.get(
    '/me',
    requireSession(deps.users),
    handle({}, ({ res }): { user: PublicUser } => ({ user: toPublicUser(currentUser(res)) })),
  );

  return r;
}
