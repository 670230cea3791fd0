import { randomBytes } from 'node:crypto';
import { AppError, fail } from '../../shared/index.js';
import type { Fail } from '../../shared/index.js';
import type { z } from 'zod';
import { isDatabaseUnavailable } from './storage/pg/errors.js';

export type Log = (msg: string) => void;

/**
 * Turns anything thrown into a coded failure. AppErrors carry their code; a
 * database that does not answer is `database_unavailable` (storage decides
 * which errors mean that); anything else is a bug: logged with a reference
 * the client can quote, and never shown (no message, no stack) to the client.
 */
export function toFail(err: unknown, log: Log): Fail {
  if (err instanceof AppError) return fail(err.code, err.message, err.details);
  if (isDatabaseUnavailable(err)) {
    log(`database unavailable: ${err instanceof Error ? err.message : String(err)}`);
    return fail('database_unavailable', 'the database does not answer; nothing was changed, try again');
  }
  const ref = randomBytes(4).toString('hex');
  log(`internal error ${ref}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return fail('internal', `internal error (reference ${ref})`);
}

export interface IssueDto {
  path: (string | number)[];
  code: string;
  message: string;
}

/** zod issues as plain data for `details`: every problem at once, where it is and what is wrong. */
export function issuesOf(error: z.ZodError, prefix?: string): IssueDto[] {
  return error.issues.map((i) => ({
    path: [...(prefix ? [prefix] : []), ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    code: i.code,
    message: i.message,
  }));
}

export function badRequest(issues: IssueDto[]): AppError {
  return new AppError('bad_request', issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '), issues);
}
