import {
  cellRestorePayload,
  commentAddPayload,
  commentResolvePayload,
  docSettingsPayload,
  reviewBatchPayload,
} from '../../../shared/index.js';
import type { MentionNotification } from '../../../shared/index.js';
import type { Log } from '../errors.js';
import { authorize } from '../services/authorize.js';
import type { DocumentService } from '../services/documents/index.js';
import type { UserService } from '../services/users.js';
import { handler, requireJoined } from './handler.js';
import { mentionNotification, resolveMentions } from './mentions.js';
import type { AnorSocket } from './types.js';

export interface ReviewHandlerDeps {
  documents: DocumentService;
  users: UserService;
  log: Log;
  /** Tells a mentioned user's connections, wherever they are. */
  notify: (userId: string, n: MentionNotification) => void;
}

/**
 * Review events of one connection: restore, comments, batch steps, settings.
 * Each reads validate → joined? → authorise (the user record as it is now) →
 * one service call. Events reach the room through the commit listener.
 */
export function registerReviewHandlers(socket: AnorSocket, deps: ReviewHandlerDeps): void {
  const { documents, users, log } = deps;
  const me = () => users.get(socket.data.user.id);

  socket.on(
    'cell:restore',
    handler<'cell:restore', typeof cellRestorePayload>(log, cellRestorePayload, async (input) => {
      requireJoined(socket, input.docId);
      authorize(await me(), 'cell.edit', { lang: input.lang, doc: documents.meta(input.docId) });
      return documents.restoreRevision(input, socket.data.user.id);
    }),
  );

  socket.on(
    'comment:add',
    handler<'comment:add', typeof commentAddPayload>(log, commentAddPayload, async (input) => {
      requireJoined(socket, input.docId);
      const meta = documents.meta(input.docId);
      const user = authorize(await me(), 'comment.write', { lang: input.lang, doc: meta });
      const mentions = await resolveMentions(users, input.text, user.id);
      const ack = await documents.addComment(input, mentions, user.id);
      for (const userId of mentions) deps.notify(userId, mentionNotification(input, meta.title, ack.commentId, user));
      return ack;
    }),
  );

  socket.on(
    'comment:resolve',
    handler<'comment:resolve', typeof commentResolvePayload>(log, commentResolvePayload, async (input) => {
      requireJoined(socket, input.docId);
      const lang = documents.comment(input.docId, input.commentId)?.lang;
      // An unknown comment is reported by the service (not_found) once the writer may comment at all.
      authorize(await me(), 'comment.write', { ...(lang ? { lang } : {}), doc: documents.meta(input.docId) });
      return documents.resolveComment(input, socket.data.user.id);
    }),
  );

  // The two batch steps differ only in the role they need and the step they take.
  for (const [event, action, step] of [
    ['review:approveAll', 'cell.review', 'approve'],
    ['review:submitAll', 'cell.submit', 'submit'],
  ] as const) {
    socket.on(
      event,
      handler<typeof event, typeof reviewBatchPayload>(log, reviewBatchPayload, async (input) => {
        requireJoined(socket, input.docId);
        authorize(await me(), action, { lang: input.lang, doc: documents.meta(input.docId) });
        return documents.reviewBatch(input, step, socket.data.user.id);
      }),
    );
  }

  socket.on(
    'doc:settings',
    handler<'doc:settings', typeof docSettingsPayload>(log, docSettingsPayload, async (input) => {
      requireJoined(socket, input.docId);
      authorize(await me(), 'document.settings', { doc: documents.meta(input.docId) });
      return documents.updateSettings(input, socket.data.user.id);
    }),
  );
}
