import type { BatchAck, CellEditAck, CellRestorePayload, ReviewBatchPayload } from '../../../shared/index.js';
import { authorize } from '../services/authorize.js';
import type { DocumentOps } from '../services/documents/index.js';
import type { DocumentReads } from '../services/documents/reads.js';
import type { UserRecord } from '../storage/types.js';

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
