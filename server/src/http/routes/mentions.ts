import { Router } from 'express';
import type { MentionNotification } from '../../../../shared/index.js';
import type { DocumentService } from '../../services/documents/index.js';
import type { UserService } from '../../services/users.js';
import { currentUser, handle } from '../handle.js';

const INBOX_LIMIT = 100;

/**
 * The signed-in user's mentions: open comments naming them, in any document
 * (every signed-in user may read every document). The live
 * `notification:mention` reaches connected users only; this is what the
 * client reads when someone signs in, so a mention made while they were
 * away is not lost.
 */
export function mentionRoutes(documents: DocumentService, users: UserService): Router {
  const r = Router();
  r.get(
    '/',
    handle({}, async ({ res }): Promise<{ mentions: MentionNotification[] }> => {
      const me = currentUser(res);
      const names = new Map((await users.list()).map((u) => [u.id, u.displayName]));
      return { mentions: documents.reads.mentionsOf(me.id, INBOX_LIMIT).map((m) => ({ ...m, byName: names.get(m.by) ?? m.by })) };
    }),
  );
  return r;
}
