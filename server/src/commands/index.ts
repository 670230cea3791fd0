import type {
  BatchAck,
  CellEditAck,
  CellRestorePayload,
  CellStatusAck,
  CellStatusPayload,
  CommentAck,
  CommentAddPayload,
  ReviewBatchPayload,
} from '../../../shared/index.js';
import type { ImportResultDto, TranslationCommitBody } from '../../../shared/protocol/interchange.js';
import type { UserRecord } from '../storage/types.js';
import { addComment } from './addComment.js';
import type { AddCommentDeps } from './addComment.js';
import { importTranslation } from './importTranslation.js';
import type { ImportTranslationDeps } from './importTranslation.js';
import { approveAll, restoreRevision, setStatus } from './reviewSteps.js';

export { MentionNotifier } from './notifier.js';

export type CommandDeps = AddCommentDeps & ImportTranslationDeps;

/**
 * The named use cases that take more than one step (docs/documents.md).
 * Socket handlers and routes call one of these in one line, with the user
 * record as it is now; each authorises, then does the work.
 */
export interface Commands {
  addComment(input: CommentAddPayload, actor: UserRecord | undefined): Promise<CommentAck>;
  setStatus(input: CellStatusPayload, actor: UserRecord | undefined): Promise<CellStatusAck>;
  importTranslation(docId: string, body: TranslationCommitBody, actor: UserRecord | undefined): Promise<ImportResultDto>;
  approveAll(input: ReviewBatchPayload, step: 'approve' | 'submit', actor: UserRecord | undefined): Promise<BatchAck>;
  restoreRevision(input: CellRestorePayload, actor: UserRecord | undefined): Promise<CellEditAck>;
}

export function createCommands(deps: CommandDeps): Commands {
  return {
    addComment: (input, actor) => addComment(deps, input, actor),
    setStatus: (input, actor) => setStatus(deps, input, actor),
    importTranslation: (docId, body, actor) => importTranslation(deps, docId, body, actor),
    approveAll: (input, step, actor) => approveAll(deps, input, step, actor),
    restoreRevision: (input, actor) => restoreRevision(deps, input, actor),
  };
}
