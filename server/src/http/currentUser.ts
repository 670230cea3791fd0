import type { Response } from 'express';
import type { UserRecord } from '../storage/types.js';

declare global {
  namespace Express {
    interface Locals {
      /** Set by requireSession. */
      user?: UserRecord;
    }
  }
}

/** The signed-in user of a request, as requireSession (http/middleware.ts) left it in `res.locals`. */
export function currentUser(res: Response): UserRecord {
  const user = res.locals.user;
  // requireSession runs before every handler that calls this; reaching here without it is a wiring bug.
  if (!user) throw new Error('currentUser used on a route without requireSession');
  return user;
}
