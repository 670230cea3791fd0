import { Router } from 'express';
import { AppError, cellParams, createDocumentBody, docIdParams } from '../../../../shared/index.js';
import type { CellHistoryDto, DocumentSnapshot, DocumentSummary } from '../../../../shared/index.js';
import type { DocumentService } from '../../services/documents/index.js';
import { currentUser, handle } from '../handle.js';

export function documentRoutes(documents: DocumentService): Router {
  const r = Router();

  r.get('/', handle({}, (): { documents: DocumentSummary[] } => ({ documents: documents.list() })));

  r.post(
    '/',
    handle({ body: createDocumentBody, status: 201 }, async ({ body, res }): Promise<{ document: DocumentSummary }> => ({
      document: await documents.create(body, currentUser(res).id),
    })),
  );

  r.get(
    '/:docId',
    handle({ params: docIdParams }, ({ params }): { document: DocumentSnapshot } => ({ document: documents.snapshot(params.docId) })),
  );

  r.delete(
    '/:docId',
    handle({ params: docIdParams }, async ({ params, res }): Promise<null> => {
      const user = currentUser(res);
      // Deleting is final for everyone: only the creator or an administrator may.
      if (!user.isAdmin && documents.meta(params.docId).createdBy !== user.id) {
        throw new AppError('forbidden', 'only the creator or an administrator may delete a document');
      }
      await documents.remove(params.docId, user.id);
      return null;
    }),
  );

  r.get(
    '/:docId/cells/:paragraphId/:lang/history',
    handle({ params: cellParams }, ({ params }): CellHistoryDto => documents.history(params.docId, params.paragraphId, params.lang)),
  );

  return r;
}
