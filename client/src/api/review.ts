import type { ClientToServerEvents, MentionNotification, RestRoutes } from '../../../shared/index.js';
import type { CallResult } from '../modules/sync/transport.js';
import { request } from './http.js';

/** Socket events of the review flow and of paragraph structure (the sync engine owns cell:edit, join and presence). */
export type ReviewEvent =
  | 'cell:status'
  | 'cell:restore'
  | 'comment:add'
  | 'comment:resolve'
  | 'review:approveAll'
  | 'review:submitAll'
  | 'doc:settings'
  | 'paragraph:insert'
  | 'paragraph:delete'
  | 'paragraph:split'
  | 'paragraph:join';
export type ReviewPayload<E extends ReviewEvent> = Parameters<ClientToServerEvents[E]>[0];
export type ReviewAckData<E extends ReviewEvent> = Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>['data'];

/** What the review module needs of the socket; SocketTransport implements it. */
export interface ReviewTransport {
  send<E extends ReviewEvent>(event: E, payload: ReviewPayload<E>): Promise<CallResult<ReviewAckData<E>>>;
  onMention(cb: (n: MentionNotification) => void): () => void;
}

/** The review half of a transport, when it has one (component tests may pass a sync-only transport). */
export function reviewTransportOf(t: unknown): ReviewTransport | null {
  return typeof t === 'object' && t !== null && 'send' in t && 'onMention' in t ? (t as ReviewTransport) : null;
}

/** A fresh operation id: the server remembers it, so a retried click is answered once. */
export function newOpId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export const reviewApi = {
  directory: () => request('GET /api/users/directory'),
  users: () => request('GET /api/users'),
  createUser: (body: RestRoutes['POST /api/users']['body']) => request('POST /api/users', { body }),
  updateUser: (userId: string, body: RestRoutes['PATCH /api/users/:userId']['body']) =>
    request('PATCH /api/users/:userId', { params: { userId }, body }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request('POST /api/auth/password', { body: { currentPassword, newPassword } }),
  activity: (docId: string) => request('GET /api/documents/:docId/activity', { params: { docId } }),
  mentions: () => request('GET /api/mentions'),
};
