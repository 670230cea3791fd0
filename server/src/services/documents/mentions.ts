import type { CellComment, MentionNotification } from '../../../../shared/index.js';

/** What the inbox reads of a document (a live one, or what is kept of an evicted one). */
export interface MentionSource {
  id: string;
  title: string;
  comments?: readonly CellComment[] | undefined;
}

/**
 * Open comments that mention `userId`, in the given documents, newest first:
 * the inbox a user reads after being away (the live notification reaches only
 * connected users). Names are the caller's to fill in (`byName`).
 */
export function openMentions(docs: Iterable<MentionSource>, userId: string, limit: number): Omit<MentionNotification, 'byName'>[] {
  const found: Omit<MentionNotification, 'byName'>[] = [];
  for (const doc of docs) {
    for (const c of doc.comments ?? []) {
      if (c.resolved || !c.mentions.includes(userId)) continue;
      found.push({
        docId: doc.id,
        docTitle: doc.title,
        commentId: c.id,
        paragraphId: c.paragraphId,
        lang: c.lang,
        by: c.author,
        text: c.text,
        at: c.at,
      });
    }
  }
  // Reversed first, so comments from one millisecond stay newest first through the stable sort.
  return found
    .reverse()
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit);
}
