import { Router } from 'express';
import { cellParams, createDocumentBody, docIdParams } from '../../../../shared/index.js';
import type { ActivityDto, CellHistoryDto, DocumentSnapshot, DocumentSummary } from '../../../../shared/index.js';
import { authorize } from '../../services/authorize.js';
import type { DocumentService } from '../../services/documents/index.js';
import { currentUser, handle } from '../handle.js';

export function documentRoutes(documents: DocumentService): Router {
  const r = Router();

  r.get(
    '/',
    handle({}, (): { documents: DocumentSummary[] } => ({ documents: documents.reads.list() })),
  );

  r.post(
    '/',
    handle({ body: createDocumentBody, status: 201 }, async ({ body, res }): Promise<{ document: DocumentSummary }> => ({
      document: await documents.engine.create(body, authorize(currentUser(res), 'document.create').id),
    })),
  );

  r.get(
    '/:docId',
    handle({ params: docIdParams }, async ({ params }): Promise<{ document: DocumentSnapshot }> => ({
      document: await documents.reads.snapshot(params.docId),
    })),
  );

  r.delete(
    '/:docId',
    handle({ params: docIdParams }, async ({ params, res }): Promise<null> => {
      // Deleting is final for everyone: administrators only (shared/domain/roles.ts).
      const user = authorize(currentUser(res), 'document.delete', { doc: documents.reads.meta(params.docId) });
      await documents.engine.remove(params.docId, user.id);
      return null;
    }),
  );

  r.get(
    '/:docId/cells/:paragraphId/:lang/history',
    handle({ params: cellParams }, ({ params }): Promise<CellHistoryDto> =>
      documents.reads.history(params.docId, params.paragraphId, params.lang),
    ),
  );

  r.get(
    '/:docId/activity',
    // The last 200 lines from the events in memory; clients add live events to it as they come.
    handle({ params: docIdParams }, async ({ params }): Promise<ActivityDto> => ({
      items: await documents.reads.activity(params.docId, 200),
    })),
  );

  return r;
}
