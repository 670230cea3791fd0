import type { Lang } from '../languages.js';
import { LANGS } from '../languages.js';

/**
 * Roles and the one permission rule, shared so that the UI hides exactly what
 * the server refuses. The server is still the one that decides: it calls
 * `can()` on every REST route and socket event with the user record as it is
 * now (a role taken away counts at once, without signing out).
 */
export const LANG_ROLES = ['translator', 'reviewer'] as const;
export type LangRole = (typeof LANG_ROLES)[number];

/** What `can()` needs of a user; PublicUser and the server's UserRecord both fit. */
export interface RoleHolder {
  id: string;
  isAdmin: boolean;
  /** Reads only, whatever else it holds. Missing in records written before roles existed. */
  isViewer?: boolean;
  /** Per-language role. Missing in old records: a non-admin without roles reads only. */
  roles?: Partial<Record<Lang, LangRole>>;
}

export const ACTIONS = [
  'document.read',
  'document.create',
  'document.delete',
  'document.settings',
  'users.manage',
  /** Type in a cell of `lang` (the source language included) or restore one of its revisions. */
  'cell.edit',
  /** draft/changes requested → in review, and withdrawing back to draft. */
  'cell.submit',
  /** Approve or request changes in `lang`. */
  'cell.review',
  /** Insert, delete, split or join paragraphs: they change the source text. */
  'paragraph.structure',
  /** Write, resolve and reopen comments on a cell of `lang`. */
  'comment.write',
  /** Add, change, import and delete project glossary terms: terminology is a reviewer's call. */
  'glossary.edit',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface PermissionContext {
  lang?: Lang;
  doc?: { sourceLang: Lang; targetLangs: readonly Lang[] };
}

export function roleIn(user: RoleHolder, lang: Lang): LangRole | undefined {
  return user.roles?.[lang];
}

/** Whether the user holds any role in one of the languages (all languages when none given). */
function anyRole(user: RoleHolder, langs: readonly Lang[]): boolean {
  return langs.some((l) => user.roles?.[l] !== undefined);
}

/**
 * The permission rule. Admins may do everything; viewers only read; everyone
 * else acts in the languages they hold a role in: translators write, reviewers
 * also approve and request changes. Structural paragraph operations change the
 * source text, so they need a role in the source language.
 */
export function can(user: RoleHolder, action: Action, ctx: PermissionContext = {}): boolean {
  if (user.isAdmin) return true;
  if (action === 'document.read') return true;
  if (user.isViewer) return false;
  switch (action) {
    case 'document.create':
    case 'document.delete':
    case 'document.settings':
    case 'users.manage':
      return false;
    case 'cell.edit':
    case 'cell.submit':
      return ctx.lang !== undefined && roleIn(user, ctx.lang) !== undefined;
    case 'cell.review':
      return ctx.lang !== undefined && roleIn(user, ctx.lang) === 'reviewer';
    case 'paragraph.structure':
      return ctx.doc !== undefined && roleIn(user, ctx.doc.sourceLang) !== undefined;
    case 'glossary.edit':
      return LANGS.some((l) => roleIn(user, l) === 'reviewer');
    case 'comment.write':
      // A comment on the source row is seen in every language: anyone working on the document may write one.
      if (ctx.lang !== undefined && ctx.doc && ctx.lang === ctx.doc.sourceLang) {
        return anyRole(user, [ctx.doc.sourceLang, ...ctx.doc.targetLangs]);
      }
      return ctx.lang !== undefined ? roleIn(user, ctx.lang) !== undefined : anyRole(user, LANGS);
  }
}
