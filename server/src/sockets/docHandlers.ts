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
} from '../../../shared/index.js';
import type { Commands } from '../commands/index.js';
import type { Log } from '../errors.js';
import { authorize } from '../services/authorize.js';
import type { UserService } from '../services/users.js';
import type { DocumentOps, DocumentService } from '../services/documents/index.js';
import type { PresenceService } from '../services/presence.js';
import { handler, requireJoined } from './handler.js';
import type { AnorSocket } from './types.js';
import { docRoom } from './types.js';

export interface DocHandlerDeps {
  documents: DocumentService;
  ops: DocumentOps;
  commands: Commands;
  presence: PresenceService;
  users: UserService;
  log: Log;
}

/**
 * Document events of one connection. Broadcasting is not done here: the
 * document service publishes each event once durable, in seq order, and the
 * socket layer relays it to the whole room, the sender included (see index.ts).
 */
export function registerDocHandlers(socket: AnorSocket, deps: DocHandlerDeps): void {
  const { documents, ops, commands, presence, users, log } = deps;
  const { reads, registry } = documents;
  const user = socket.data.user;
  // Roles are read afresh for every change, so a role given or taken counts at once.
  const me = () => users.get(user.id);
  const structure = async (docId: string): Promise<void> => {
    requireJoined(socket, docId);
    authorize(await me(), 'paragraph.structure', { doc: reads.meta(docId) });
  };

  socket.on(
    'doc:join',
    handler<'doc:join', typeof joinPayload>(log, joinPayload, async ({ docId, sinceSeq }) => {
      // Loaded first if it was evicted; then, in one tick, read the state and subscribe, so no event falls in between.
      await reads.open(docId);
      const result = reads.joinLive(docId, sinceSeq);
      void socket.join(docRoom(docId));
      registry.hold(docId, socket.id);
      presence.enter(docId, { userId: user.id, displayName: user.displayName, connectionId: socket.id });
      return { ...result, presence: presence.list(docId) };
    }),
  );

  socket.on(
    'doc:leave',
    handler<'doc:leave', typeof leavePayload>(log, leavePayload, ({ docId }) => {
      requireJoined(socket, docId);
      void socket.leave(docRoom(docId));
      registry.release(docId, socket.id);
      presence.leave(docId, socket.id);
      return null;
    }),
  );

  socket.on(
    'cell:edit',
    handler<'cell:edit', typeof cellEditPayload>(log, cellEditPayload, async (input) => {
      requireJoined(socket, input.docId);
      authorize(await me(), 'cell.edit', { lang: input.lang, doc: reads.meta(input.docId) });
      return ops.editCell(input, user.id);
    }),
  );

  socket.on(
    'cell:keepTheirs',
    handler<'cell:keepTheirs', typeof cellKeepTheirsPayload>(log, cellKeepTheirsPayload, async (input) => {
      requireJoined(socket, input.docId);
      authorize(await me(), 'cell.edit', { lang: input.lang, doc: reads.meta(input.docId) });
      return ops.keepTheirs(input, user.id);
    }),
  );

  socket.on(
    'cell:status',
    handler<'cell:status', typeof cellStatusPayload>(log, cellStatusPayload, async (input) => {
      requireJoined(socket, input.docId);
      return commands.setStatus(input, await me());
    }),
  );

  socket.on(
    'paragraph:insert',
    handler<'paragraph:insert', typeof paragraphInsertPayload>(log, paragraphInsertPayload, async (input) => {
      await structure(input.docId);
      return ops.insertParagraph(input, user.id);
    }),
  );

  socket.on(
    'paragraph:delete',
    handler<'paragraph:delete', typeof paragraphDeletePayload>(log, paragraphDeletePayload, async (input) => {
      await structure(input.docId);
      return ops.deleteParagraph(input, user.id);
    }),
  );

  socket.on(
    'paragraph:split',
    handler<'paragraph:split', typeof paragraphSplitPayload>(log, paragraphSplitPayload, async (input) => {
      await structure(input.docId);
      return ops.splitParagraph(input, user.id);
    }),
  );

  socket.on(
    'paragraph:join',
    handler<'paragraph:join', typeof paragraphJoinPayload>(log, paragraphJoinPayload, async (input) => {
      await structure(input.docId);
      return ops.joinParagraph(input, user.id);
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
