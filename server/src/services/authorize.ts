import { AppError, can } from '../../../shared/index.js';
import type { Action, PermissionContext } from '../../../shared/index.js';
import type { UserRecord } from '../storage/types.js';

/**
 * The server's side of shared/domain/roles.ts: refuses with `forbidden` what
 * `can()` does not allow. Called with the user record as it is now, on every
 * REST route and socket event that changes something.
 */
export function authorize(user: UserRecord | undefined, action: Action, ctx: PermissionContext = {}): UserRecord {
  if (!user) throw new AppError('unauthenticated', 'the user no longer exists');
  if (!can(user, action, ctx)) {
    throw new AppError('forbidden', `not allowed: ${action}${ctx.lang ? ` in ${ctx.lang}` : ''}`, {
      action,
      ...(ctx.lang ? { lang: ctx.lang } : {}),
    });
  }
  return user;
}

const MENTION = /@([\p{L}\p{N}_.-]+)/gu;

/** The distinct `@name`s of a comment text, in order, without the trailing dot of a sentence. */
export function mentionedNames(text: string): string[] {
  const names = [...text.matchAll(MENTION)].map((m) => (m[1] ?? '').replace(/\.+$/u, '')).filter((n) => n !== '');
  return [...new Set(names)];
}
