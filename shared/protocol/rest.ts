import type { CellHistoryDto, DocumentSnapshot, DocumentSummary, HealthDto, PublicUser } from './dto.js';
import type { CreateDocumentBody, CreateUserBody, LoginBody } from './schemas.js';
import type { AidsRoutes } from './aids.js';
import type { ShareRoutes } from './share.js';
import type { InterchangeRoutes } from './interchange.js';
import type { PrefsRoutes } from './prefs.js';
import type { ActivityDto, ChangePasswordBody, DirectoryEntry, MentionNotification, UpdateUserBody } from './review.js';

/**
 * Every REST route, one map: the client's `request()` and the server's
 * `route()` (server/src/http/route.ts) are both typed by it, and
 * shared/protocol/responses.ts holds a response schema per key. Each entry has
 * the JSON `body` (`never`: none; `WireFile`: the file's raw bytes), the `query`
 * when the route reads one, and `res`, the `data` of the answer. Every
 * response body is a `Result<T>` envelope (`{ ok: true, data }` or
 * `{ ok: false, error: { code, message } }`) except /api/health and the two
 * downloads (`res` WireFile or string). The session is an httpOnly cookie
 * (`anor.sid`) set by login.
 */
export interface RestRoutes extends AidsRoutes, ShareRoutes, InterchangeRoutes, PrefsRoutes {
  'GET /api/health': { body: never; res: HealthDto };
  'POST /api/auth/login': { body: LoginBody; res: { user: PublicUser } };
  'POST /api/auth/logout': { body: never; res: null };
  'GET /api/auth/me': { body: never; res: { user: PublicUser } };
  'GET /api/documents': { body: never; res: { documents: DocumentSummary[] } };
  'POST /api/documents': { body: CreateDocumentBody; res: { document: DocumentSummary } };
  'GET /api/documents/:docId': { body: never; res: { document: DocumentSnapshot } };
  'DELETE /api/documents/:docId': { body: never; res: null };
  'GET /api/documents/:docId/cells/:paragraphId/:lang/history': { body: never; res: CellHistoryDto };
  'GET /api/users': { body: never; res: { users: PublicUser[] } };
  'POST /api/users': { body: CreateUserBody; res: { user: PublicUser } };
  /** Names only, for everyone signed in (the full list with roles is for admins). */
  'GET /api/users/directory': { body: never; res: { users: DirectoryEntry[] } };
  /** Open (unresolved) comments that mention the signed-in user, in every document, newest first (at most 100). */
  'GET /api/mentions': { body: never; res: { mentions: MentionNotification[] } };
  'PATCH /api/users/:userId': { body: UpdateUserBody; res: { user: PublicUser } };
  /** Ends every other session of the user; this one continues. */
  'POST /api/auth/password': { body: ChangePasswordBody; res: { user: PublicUser } };
  /** Recent events of the document as activity lines, oldest first. */
  'GET /api/documents/:docId/activity': { body: never; res: ActivityDto };
}

export const SESSION_COOKIE = 'anor.sid';
