import { cellParams, createDocumentBody, docIdParams } from '../../../../shared/index.js';
import { authorize } from '../../services/authorize.js';
import type { DocumentService } from '../../services/documents/index.js';
import { currentUser } from '../currentUser.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';

export function documentRoutes(m: Mount<'/api/documents'>, documents: DocumentService): void {
  route(m, 'GET /api/documents', {}, () => ({ documents: documents.list() }));

  route(m, 'POST /api/documents', { body: createDocumentBody, status: 201 }, async ({ body, res }) => ({
    document: await documents.create(body, authorize(currentUser(res), 'document.create').id),
  }));

  route(m, 'GET /api/documents/:docId', { params: docIdParams }, ({ params }) => ({ document: documents.snapshot(params.docId) }));

  route(m, 'DELETE /api/documents/:docId', { params: docIdParams }, async ({ params, res }) => {
    // Deleting is final for everyone: administrators only (shared/domain/roles.ts).
    const user = authorize(currentUser(res), 'document.delete', { doc: documents.meta(params.docId) });
    await documents.remove(params.docId, user.id);
    return null;
  });

  route(m, 'GET /api/documents/:docId/cells/:paragraphId/:lang/history', { params: cellParams }, ({ params }) =>
    documents.history(params.docId, params.paragraphId, params.lang),
  );

  // The last 200 lines from the events in memory; clients add live events to it as they come.
  route(m, 'GET /api/documents/:docId/activity', { params: docIdParams }, ({ params }) => ({
    items: documents.activity(params.docId, 200),
  }));
}
