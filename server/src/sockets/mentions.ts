import type { Lang, MentionNotification } from '../../../shared/index.js';
import { mentionedNames } from '../services/authorize.js';
import type { UserService } from '../services/users.js';

/** User ids of the existing users named with @ in the text, the writer excluded. */
export async function resolveMentions(users: UserService, text: string, writer: string): Promise<string[]> {
  const ids: string[] = [];
  for (const name of mentionedNames(text)) {
    const u = await users.getByUsername(name);
    if (u && u.id !== writer && !ids.includes(u.id)) ids.push(u.id);
  }
  return ids;
}

/** What a mentioned user is told of a comment (written as such, or as the reason of a request for changes). */
export function mentionNotification(
  comment: { docId: string; paragraphId: string; lang: Lang; text: string },
  docTitle: string,
  commentId: string,
  by: { id: string; displayName: string },
): MentionNotification {
  return {
    docId: comment.docId,
    docTitle,
    commentId,
    paragraphId: comment.paragraphId,
    lang: comment.lang,
    by: by.id,
    byName: by.displayName,
    text: comment.text,
    at: new Date().toISOString(),
  };
}
