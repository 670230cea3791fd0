import type { Lang, PresenceEntry } from '../../../../shared/index.js';

/** Who is in a cell right now: one entry per person (a user in two tabs shows once, typing wins). */
export function presenceIn(entries: readonly PresenceEntry[], paragraphId: string, lang: Lang): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const e of entries) {
    if (e.paragraphId !== paragraphId || e.lang !== lang) continue;
    const prev = byUser.get(e.userId);
    if (!prev || (e.typing && !prev.typing)) byUser.set(e.userId, e);
  }
  return [...byUser.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Presence grouped by paragraph, so a row can tell cheaply whether anyone is in it. */
export function presenceByParagraph(entries: readonly PresenceEntry[]): Map<string, PresenceEntry[]> {
  const out = new Map<string, PresenceEntry[]>();
  for (const e of entries) {
    if (!e.paragraphId) continue;
    const list = out.get(e.paragraphId) ?? [];
    list.push(e);
    out.set(e.paragraphId, list);
  }
  return out;
}
