import type { DocumentService } from '../../services/documents/index.js';
import type { UserService } from '../../services/users.js';
import { currentUser } from '../currentUser.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';

const INBOX_LIMIT = 100;

/**
 * The signed-in user's mentions: open comments naming them, in any document
 * (every signed-in user may read every document). The live
 * `notification:mention` reaches connected users only; this is what the
 * client reads when someone signs in, so a mention made while they were
 * away is not lost.
 */
export function mentionRoutes(m: Mount<'/api/mentions'>, documents: DocumentService, users: UserService): void {
  route(m, 'GET /api/mentions', {}, async ({ res }) => {
    const me = currentUser(res);
    const names = new Map((await users.list()).map((u) => [u.id, u.displayName]));
    return { mentions: documents.mentionsOf(me.id, INBOX_LIMIT).map((x) => ({ ...x, byName: names.get(x.by) ?? x.by })) };
  });
}
