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
