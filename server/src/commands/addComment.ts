import type { CommentAck, CommentAddPayload } from '../../../shared/index.js';
import { authorize } from '../services/authorize.js';
import type { DocumentOps } from '../services/documents/index.js';
import type { DocumentReads } from '../services/documents/reads.js';
import type { UserService } from '../services/users.js';
import type { UserRecord } from '../storage/types.js';
import { mentionNotification, resolveMentions } from './mentions.js';
import type { MentionNotifier } from './notifier.js';

export interface AddCommentDeps {
  reads: DocumentReads;
  ops: DocumentOps;
  users: UserService;
  notifier: MentionNotifier;
}

/**
 * Adds a comment: who may write here, whom the `@names` name, the comment
 * itself, and one notification per mentioned user. Exactly once per opId: a
 * retry (lost ack, reconnect, even after a restart) answers the same ack and
 * notifies nobody again, since only the call that applied the comment notifies.
 */
export async function addComment(deps: AddCommentDeps, input: CommentAddPayload, actor: UserRecord | undefined): Promise<CommentAck> {
  const meta = deps.reads.meta(input.docId);
  const user = authorize(actor, 'comment.write', { lang: input.lang, doc: meta });
  const mentions = await resolveMentions(deps.users, input.text, user.id);
  const { ack, applied } = await deps.ops.addComment(input, mentions, user.id);
  if (applied) {
    const n = mentionNotification(input, meta.title, ack.commentId, user);
    for (const userId of mentions) deps.notifier.notify(userId, n);
  }
  return ack;
}
