import { docIdParams, pretranslateBody } from '../../../../shared/index.js';
import { checkDocumentState } from '../../../../shared/qa/index.js';
import type { GlossaryService } from '../../glossary/service.js';
import type { DocumentService } from '../../services/documents/index.js';
import type { TmService } from '../../tm/service.js';
import { authorize } from '../../services/authorize.js';
import { currentUser } from '../currentUser.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';

/**
 * Document-level aids, mounted beside documentRoutes under /api/documents.
 * Pre-translation only fills empty cells, as drafts, which is no more than a
 * translator may type: so it needs `cell.edit` in every language it fills.
 */
export function aidsDocumentRoutes(
  m: Mount<'/api/documents'>,
  deps: { documents: DocumentService; tm: TmService; glossary: GlossaryService },
): void {
  route(m, 'GET /api/documents/:docId/checks', { params: docIdParams }, ({ params }) => {
    const doc = deps.documents.snapshot(params.docId);
    return { docId: doc.id, seq: doc.seq, cells: checkDocumentState(doc, { glossary: deps.glossary.glossary() }) };
  });
  route(m, 'POST /api/documents/:docId/pretranslate', { params: docIdParams, body: pretranslateBody }, ({ params, body, res }) => {
    const doc = deps.documents.meta(params.docId);
    const user = currentUser(res);
    for (const lang of body.langs ?? doc.targetLangs) authorize(user, 'cell.edit', { lang, doc });
    return deps.tm.pretranslate(params.docId, body.langs, user.id);
  });
}
