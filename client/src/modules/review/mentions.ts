import type { DirectoryEntry } from '../../../../shared/protocol/review.js';
import type { Lang } from '../../../../shared/languages.js';

/**
 * The name being typed after an `@` that ends at the caret, or null when the
 * caret is not in a mention (an e-mail address is not one: `@` must start the
 * text or follow a space or punctuation).
 */
export function mentionQuery(text: string, caret: number): string | null {
  const m = /(^|[\s(["'«“])@([\p{L}\p{N}_.-]*)$/u.exec(text.slice(0, caret));
  return m ? (m[2] ?? '') : null;
}

/** Replaces the mention being typed with `@username ` and returns the new caret. */
export function completeMention(text: string, caret: number, username: string): { text: string; caret: number } {
  const query = mentionQuery(text, caret);
  if (query === null) return { text, caret };
  const start = caret - query.length;
  const inserted = `${username} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** A document's team: its administrators and everyone with a role in one of its languages. */
export function teamOf(users: readonly DirectoryEntry[], doc: { sourceLang: Lang; targetLangs: readonly Lang[] }): DirectoryEntry[] {
  const langs = new Set<Lang>([doc.sourceLang, ...doc.targetLangs]);
  return users.filter((u) => u.isAdmin || u.langs.some((l) => langs.has(l)));
}

/** People whose user name or display name starts with the query (any word of the display name), case-insensitively. */
export function mentionCandidates(team: readonly DirectoryEntry[], query: string, limit = 6): DirectoryEntry[] {
  const q = query.toLocaleLowerCase();
  return team
    .filter(
      (u) =>
        u.username.toLocaleLowerCase().startsWith(q) ||
        u.displayName
          .toLocaleLowerCase()
          .split(/\s+/u)
          .some((w) => w.startsWith(q)),
    )
    .slice(0, limit);
}
