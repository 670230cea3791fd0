import session from 'express-session';
import type { RequestHandler } from 'express';
import { SESSION_COOKIE } from '../../../shared/index.js';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    /** ISO time of login; compared with the user's `sessionsValidAfter`. */
    startedAt: string;
  }
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * One middleware for REST and for the Socket.IO handshake, so both see the
 * same session. `secure: 'auto'` sets the Secure flag only on HTTPS requests:
 * off for http://localhost, on behind TLS (with `trust proxy` set by whoever
 * deploys it that way).
 */
export function createSessionMiddleware(store: session.Store, secret: string): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: THIRTY_DAYS_MS, path: '/' },
  });
}
