import { AppError } from '../../../shared/index.js';
import type { ImportResultDto, TranslationCommitBody } from '../../../shared/protocol/interchange.js';
import { authorize } from '../services/authorize.js';
import type { DocumentReads } from '../services/documents/reads.js';
import type { InterchangeService } from '../services/interchange/service.js';
import type { UserRecord } from '../storage/types.js';

export interface ImportTranslationDeps {
  reads: DocumentReads;
  interchange: InterchangeService;
}

/**
 * Imports a translation file's aligned texts into one language. Imported as
 * approved, the importer approves revisions they wrote, so the reviewer role
 * is needed and the document's four-eyes rule (allowSelfApproval) applies:
 * read from the document's settings, not from a copy of the document.
 */
export async function importTranslation(
  deps: ImportTranslationDeps,
  docId: string,
  body: TranslationCommitBody,
  actor: UserRecord | undefined,
): Promise<ImportResultDto> {
  const user = authorize(actor, body.approved ? 'cell.review' : 'cell.edit', { lang: body.lang, doc: deps.reads.meta(docId) });
  if (body.approved && !deps.reads.settings(docId).allowSelfApproval) {
    throw new AppError(
      'forbidden',
      'this document does not allow approving your own revisions: import as drafts for someone else to approve',
      { reason: 'self_approval' },
    );
  }
  return deps.interchange.commitTranslation(docId, body, user.id);
}
