import {
  cellRestorePayload,
  commentAddPayload,
  commentResolvePayload,
  docSettingsPayload,
  reviewBatchPayload,
} from '../../../shared/index.js';
import type { Commands } from '../commands/index.js';
import type { Log } from '../errors.js';
import { authorize } from '../services/authorize.js';
import type { DocumentOps } from '../services/documents/index.js';
import type { DocumentReads } from '../services/documents/reads.js';
import type { UserService } from '../services/users.js';
import { handler, requireJoined } from './handler.js';
import type { AnorSocket } from './types.js';

export interface ReviewHandlerDeps {
  reads: DocumentReads;
  ops: DocumentOps;
  commands: Commands;
  users: UserService;
  log: Log;
}

/**
 * Review events of one connection: restore, comments, batch steps, settings.
 * Each reads validate → joined? → one command or operation with the user
 * record as it is now (roles given or taken count at once). Events reach the
 * room through the commit listener; mentions through the notifier.
 */
export function registerReviewHandlers(socket: AnorSocket, deps: ReviewHandlerDeps): void {
  const { reads, ops, commands, users, log } = deps;
  const me = () => users.get(socket.data.user.id);

  socket.on(
    'cell:restore',
    handler<'cell:restore', typeof cellRestorePayload>(log, cellRestorePayload, async (input) => {
      requireJoined(socket, input.docId);
      return commands.restoreRevision(input, await me());
    }),
  );

  socket.on(
    'comment:add',
    handler<'comment:add', typeof commentAddPayload>(log, commentAddPayload, async (input) => {
      requireJoined(socket, input.docId);
      return commands.addComment(input, await me());
    }),
  );

  socket.on(
    'comment:resolve',
    handler<'comment:resolve', typeof commentResolvePayload>(log, commentResolvePayload, async (input) => {
      requireJoined(socket, input.docId);
      const lang = (await reads.comment(input.docId, input.commentId))?.lang;
      // An unknown comment is reported by the decision (not_found) once the writer may comment at all.
      authorize(await me(), 'comment.write', { ...(lang ? { lang } : {}), doc: reads.meta(input.docId) });
      return ops.resolveComment(input, socket.data.user.id);
    }),
  );

  // The two batch steps differ only in the role they need and the step they take.
  for (const [event, step] of [
    ['review:approveAll', 'approve'],
    ['review:submitAll', 'submit'],
  ] as const) {
    socket.on(
      event,
      handler<typeof event, typeof reviewBatchPayload>(log, reviewBatchPayload, async (input) => {
        requireJoined(socket, input.docId);
        return commands.approveAll(input, step, await me());
      }),
    );
  }

  socket.on(
    'doc:settings',
    handler<'doc:settings', typeof docSettingsPayload>(log, docSettingsPayload, async (input) => {
      requireJoined(socket, input.docId);
      authorize(await me(), 'document.settings', { doc: reads.meta(input.docId) });
      return ops.updateSettings(input, socket.data.user.id);
    }),
  );
}
