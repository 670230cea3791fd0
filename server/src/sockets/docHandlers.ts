import {
  cellEditPayload,
  cellKeepTheirsPayload,
  cellStatusPayload,
  joinPayload,
  leavePayload,
  paragraphDeletePayload,
  paragraphInsertPayload,
  paragraphJoinPayload,
  paragraphSplitPayload,
  presencePayload,
  actionFor,
} from '../../../shared/index.js';
import type { MentionNotification } from '../../../shared/index.js';
import type { Log } from '../errors.js';
import { authorize } from '../services/authorize.js';
import type { UserService } from '../services/users.js';
import type { DocumentService } from '../services/documents/index.js';
import type { PresenceService } from '../services/presence.js';
import { handler, requireJoined } from './handler.js';
import { mentionNotification, resolveMentions } from './mentions.js';
import type { AnorSocket } from './types.js';
import { docRoom } from './types.js';

export interface DocHandlerDeps {
  documents: DocumentService;
  presence: PresenceService;
  users: UserService;
  log: Log;
  /** Tells a user named with @ in a request-changes reason, as a comment's mention would. */
  notify: (userId: string, n: MentionNotification) => void;
}

/**
 * Document events of one connection. Broadcasting is not done here: the
 * document service publishes each event once durable, in seq order, and the
 * socket layer relays it to the whole room, the sender included (see index.ts).
 */
export function registerDocHandlers(socket: AnorSocket, deps: DocHandlerDeps): void {
  const { documents, presence, users, log } = deps;
  const user = socket.data.user;
  // Roles are read afresh for every change, so a role given or taken counts at once.
  const me = () => users.get(user.id);
  const structure = async (docId: string): Promise<void> => {
    requireJoined(socket, docId);
    authorize(await me(), 'paragraph.structure', { doc: documents.meta(docId) });
  };

  socket.on(
    'doc:join',
    handler<'doc:join', typeof joinPayload>(log, joinPayload, ({ docId, sinceSeq }) => {
      // Same tick: read the state and subscribe, so no event falls in between.
      const result = documents.join(docId, sinceSeq);
      void socket.join(docRoom(docId));
      presence.enter(docId, { userId: user.id, displayName: user.displayName, connectionId: socket.id });
      return { ...result, presence: presence.list(docId) };
    }),
  );

  socket.on(
    'doc:leave',
    handler<'doc:leave', typeof leavePayload>(log, leavePayload, ({ docId }) => {
      requireJoined(socket, docId);
      void socket.leave(docRoom(docId));
      presence.leave(docId, socket.id);
      return null;
    }),
  );

  socket.on(
    'cell:edit',
    handler<'cell:edit', typeof cellEditPayload>(log, cellEditPayload, async (input) => {
      requireJoined(socket, input.docId);
      authorize(await me(), 'cell.edit', { lang: input.lang, doc: documents.meta(input.docId) });
      return documents.editCell(input, user.id);
    }),
  );

  socket.on(
    'cell:keepTheirs',
    handler<'cell:keepTheirs', typeof cellKeepTheirsPayload>(log, cellKeepTheirsPayload, async (input) => {
      requireJoined(socket, input.docId);
      authorize(await me(), 'cell.edit', { lang: input.lang, doc: documents.meta(input.docId) });
      return documents.keepTheirs(input, user.id);
    }),
  );

  socket.on(
    'cell:status',
    handler<'cell:status', typeof cellStatusPayload>(log, cellStatusPayload, async (input) => {
      requireJoined(socket, input.docId);
      const action = actionFor(input.status);
      const permission = action === 'approve' || action === 'request_changes' ? 'cell.review' : 'cell.submit';
      const meta = documents.meta(input.docId);
      const writer = authorize(await me(), permission, { lang: input.lang, doc: meta });
      // The reason of a request for changes becomes a comment: its @mentions notify like any comment's.
      const reason = input.status === 'changes_requested' ? input.comment : undefined;
      const mentions = reason ? await resolveMentions(users, reason, writer.id) : [];
      const ack = await documents.setStatus(input, writer.id, mentions);
      if (reason && ack.commentId) {
        for (const id of mentions) deps.notify(id, mentionNotification({ ...input, text: reason }, meta.title, ack.commentId, writer));
      }
      return ack;
    }),
  );

  socket.on(
    'paragraph:insert',
    handler<'paragraph:insert', typeof paragraphInsertPayload>(log, paragraphInsertPayload, async (input) => {
      await structure(input.docId);
      return documents.insertParagraph(input, user.id);
    }),
  );

  socket.on(
    'paragraph:delete',
    handler<'paragraph:delete', typeof paragraphDeletePayload>(log, paragraphDeletePayload, async (input) => {
      await structure(input.docId);
      return documents.deleteParagraph(input, user.id);
    }),
  );

  socket.on(
    'paragraph:split',
    handler<'paragraph:split', typeof paragraphSplitPayload>(log, paragraphSplitPayload, async (input) => {
      await structure(input.docId);
      return documents.splitParagraph(input, user.id);
    }),
  );

  socket.on(
    'paragraph:join',
    handler<'paragraph:join', typeof paragraphJoinPayload>(log, paragraphJoinPayload, async (input) => {
      await structure(input.docId);
      return documents.joinParagraph(input, user.id);
    }),
  );

  socket.on(
    'presence:update',
    handler<'presence:update', typeof presencePayload>(log, presencePayload, ({ docId, ...where }) => {
      requireJoined(socket, docId);
      presence.update(docId, socket.id, where);
      return null;
    }),
  );
}
