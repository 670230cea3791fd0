import { Router } from 'express';
import { docIdParams, pretranslateBody } from '../../../../shared/index.js';
import type { DocumentChecksDto, PretranslateResult } from '../../../../shared/index.js';
import { checkDocumentState } from '../../../../shared/qa/index.js';
import type { GlossaryService } from '../../glossary/service.js';
import type { DocumentService } from '../../services/documents/index.js';
import type { TmService } from '../../tm/service.js';
import { currentUser, handle } from '../handle.js';

/**
 * Document-level aids, mounted beside documentRoutes under /api/documents.
 * Pre-translation is open to anyone signed in: it only fills empty cells, as
 * drafts, which is no more than any translator may type.
 */
export function aidsDocumentRoutes(deps: { documents: DocumentService; tm: TmService; glossary: GlossaryService }): Router {
  const r = Router();
  r.get(
    '/:docId/checks',
    handle({ params: docIdParams }, ({ params }): DocumentChecksDto => {
      const doc = deps.documents.snapshot(params.docId);
      return { docId: doc.id, seq: doc.seq, cells: checkDocumentState(doc, { glossary: deps.glossary.glossary() }) };
    }),
  );
  r.post(
    '/:docId/pretranslate',
    handle({ params: docIdParams, body: pretranslateBody }, ({ params, body, res }): Promise<PretranslateResult> =>
      deps.tm.pretranslate(params.docId, body.langs, currentUser(res).id),
    ),
  );
  return r;
}
