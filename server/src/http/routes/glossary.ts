import { Router } from 'express';
import { glossaryExportParams, glossaryImportBody, glossaryTermBody, termIdParams } from '../../../../shared/index.js';
import type { GlossaryImportResult, GlossaryTermDto } from '../../../../shared/index.js';
import { badRequest, issuesOf } from '../../errors.js';
import type { GlossaryService } from '../../glossary/service.js';
import type { RequestHandler } from 'express';
import { authorize } from '../../services/authorize.js';
import { currentUser, handle } from '../handle.js';
import { refuseOverLimit } from '../upload.js';

/**
 * The project glossary. Everyone signed in reads it (the editor shows it
 * beside every cell); administrators and reviewers (of any language) change it
 * (`glossary.edit` in shared/domain/roles.ts).
 */
const mayEdit: RequestHandler = (_req, res, next) => {
  try {
    authorize(res.locals.user, 'glossary.edit');
    next();
  } catch (err) {
    next(err);
  }
};

export function glossaryRoutes(glossary: GlossaryService, maxImportBytes: number): Router {
  const r = Router();
  r.get(
    '/',
    handle({}, (): { terms: GlossaryTermDto[] } => ({ terms: glossary.list() })),
  );
  r.post(
    '/',
    mayEdit,
    handle({ body: glossaryTermBody, status: 201 }, async ({ body, res }): Promise<{ term: GlossaryTermDto }> => ({
      term: await glossary.create(body, currentUser(res).id),
    })),
  );
  r.post(
    '/import',
    mayEdit,
    handle({ body: glossaryImportBody }, ({ body, res }): Promise<GlossaryImportResult> => {
      refuseOverLimit(body.content, maxImportBytes);
      return glossary.import(body.format, body.content, body.mode, currentUser(res).id);
    }),
  );
  // A file, not an envelope, so that a plain link downloads it; errors are still coded JSON.
  r.get('/export/:format', (req, res, next) => {
    const p = glossaryExportParams.safeParse(req.params);
    if (!p.success) {
      next(badRequest(issuesOf(p.error, 'params')));
      return;
    }
    const { format } = p.data;
    res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-tbx+xml; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="glossary.${format}"`);
    res.send(glossary.export(format));
  });
  r.put(
    '/:termId',
    mayEdit,
    handle({ body: glossaryTermBody, params: termIdParams }, async ({ body, params, res }): Promise<{ term: GlossaryTermDto }> => ({
      term: await glossary.update(params.termId, body, currentUser(res).id),
    })),
  );
  r.delete(
    '/:termId',
    mayEdit,
    handle({ params: termIdParams }, async ({ params }): Promise<null> => {
      await glossary.remove(params.termId);
      return null;
    }),
  );
  return r;
}
