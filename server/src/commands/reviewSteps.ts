import { actionFor } from '../../../shared/index.js';
import type {
  BatchAck,
  CellEditAck,
  CellRestorePayload,
  CellStatusAck,
  CellStatusPayload,
  ReviewBatchPayload,
} from '../../../shared/index.js';
import { authorize } from '../services/authorize.js';
import type { DocumentOps } from '../services/documents/index.js';
import type { DocumentReads } from '../services/documents/reads.js';
import type { UserService } from '../services/users.js';
import type { UserRecord } from '../storage/types.js';
import { mentionNotification, resolveMentions } from './mentions.js';
import type { MentionNotifier } from './notifier.js';

export interface ReviewDeps {
  reads: DocumentReads;
  ops: DocumentOps;
}

/**
 * Approve (or submit) every cell of a language the rules let this user take,
 * as one operation: the reviewer role for approving, the translator's for
 * submitting; the quality checks run ahead in slices (DocumentOps.reviewBatch).
 * A retried opId answers the first result and changes nothing more.
 */
export async function approveAll(
  deps: ReviewDeps,
  input: ReviewBatchPayload,
  step: 'approve' | 'submit',
  actor: UserRecord | undefined,
): Promise<BatchAck> {
  const user = authorize(actor, step === 'approve' ? 'cell.review' : 'cell.submit', {
    lang: input.lang,
    doc: deps.reads.meta(input.docId),
  });
  return deps.ops.reviewBatch(input, step, user.id);
}

/**
 * Brings an earlier revision (or the text a clash gave up) back as a new
 * draft, for someone who may edit that language. History itself never changes.
 */
export async function restoreRevision(deps: ReviewDeps, input: CellRestorePayload, actor: UserRecord | undefined): Promise<CellEditAck> {
  const user = authorize(actor, 'cell.edit', { lang: input.lang, doc: deps.reads.meta(input.docId) });
  return deps.ops.restoreRevision(input, user.id);
}

/**
 * One review step on a cell: submit, withdraw, approve, or request changes.
 * Approving and requesting changes need the reviewer role, the others the
 * translator's. The reason of a request for changes becomes a comment, and
 * its @mentions are told once, by the attempt that applied it, as a comment's are.
 */
export async function setStatus(
  deps: ReviewDeps & { users: UserService; notifier: MentionNotifier },
  input: CellStatusPayload,
  actor: UserRecord | undefined,
): Promise<CellStatusAck> {
  const action = actionFor(input.status);
  const permission = action === 'approve' || action === 'request_changes' ? 'cell.review' : 'cell.submit';
  const meta = deps.reads.meta(input.docId);
  const writer = authorize(actor, permission, { lang: input.lang, doc: meta });
  const reason = input.status === 'changes_requested' ? input.comment : undefined;
  const mentions = reason ? await resolveMentions(deps.users, reason, writer.id) : [];
  const { ack, applied } = await deps.ops.reviewCell(input, writer.id, mentions);
  if (applied && reason && ack.commentId) {
    const n = mentionNotification({ ...input, text: reason }, meta.title, ack.commentId, writer);
    for (const id of mentions) deps.notifier.notify(id, n);
  }
  return ack;
}
