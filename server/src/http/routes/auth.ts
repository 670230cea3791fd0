import type { Request } from 'express';
import { changePasswordBody, loginBody } from '../../../../shared/index.js';
import type { FailureThrottle } from '../../services/loginThrottle.js';
import { toPublicUser } from '../../services/users.js';
import type { UserService } from '../../services/users.js';
import { currentUser } from '../currentUser.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';
import { requireSession } from '../middleware.js';

export interface AuthDeps {
  users: UserService;
  throttle: FailureThrottle;
  /** Tells live connections of a session that it ended (the socket layer disconnects them). */
  sessionEnded: (sessionId: string) => void;
  /** Ends the live connections of every session of a user but one. */
  userSessionsEnded: (userId: string, exceptSessionId: string) => void;
  /** Removes the stored sessions of a user (express-session store). */
  destroyUserSessions: (userId: string) => Promise<void>;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err: unknown) => (err ? reject(asError(err)) : resolve())));
}
function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err: unknown) => (err ? reject(asError(err)) : resolve())));
}
function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(asError(err)) : resolve())));
}

export function authRoutes(m: Mount<'/api/auth'>, deps: AuthDeps): void {
  const signedIn = [requireSession(deps.users)];

  route(m, 'POST /api/auth/login', { body: loginBody }, async ({ body, req }) => {
    const address = req.ip ?? 'unknown';
    await deps.throttle.check(address, body.username);
    const user = await deps.users.login(body.username, body.password).catch(async (err: unknown) => {
      await deps.throttle.failed(address, body.username);
      throw err;
    });
    await deps.throttle.succeeded(address, body.username);
    const previous = req.session.userId ? req.sessionID : undefined;
    // A fresh session id on login: a cookie planted before sign-in is worth nothing after.
    await regenerate(req);
    // Signing in again (maybe as someone else) ends the old session's live connections too.
    if (previous) deps.sessionEnded(previous);
    req.session.userId = user.id;
    req.session.startedAt = new Date().toISOString();
    await save(req);
    return { user: toPublicUser(user) };
  });

  route(m, 'POST /api/auth/logout', { before: signedIn }, async ({ req }) => {
    const sid = req.sessionID;
    await destroy(req);
    deps.sessionEnded(sid);
    return null;
  });

  route(m, 'POST /api/auth/password', { body: changePasswordBody, before: signedIn }, async ({ body, req, res }) => {
    const user = currentUser(res);
    const address = req.ip ?? 'unknown';
    // Guessing the current password through this route is throttled like signing in.
    await deps.throttle.check(address, user.username);
    const at = new Date().toISOString();
    const updated = await deps.users.changePassword(user.id, body.currentPassword, body.newPassword, at).catch(async (err: unknown) => {
      await deps.throttle.failed(address, user.username);
      throw err;
    });
    // Every session ends (sessionsValidAfter makes that stick even for a store
    // that missed the destroy); this one continues under a fresh id.
    const previous = req.sessionID;
    await deps.destroyUserSessions(user.id);
    await regenerate(req);
    req.session.userId = user.id;
    req.session.startedAt = at;
    await save(req);
    // This browser's live connections stay (their next handshake carries the new cookie); all others end.
    deps.userSessionsEnded(user.id, previous);
    return { user: toPublicUser(updated) };
  });

  route(m, 'GET /api/auth/me', { before: signedIn }, ({ res }) => ({ user: toPublicUser(currentUser(res)) }));
}
