import { glossaryExportParams, glossaryImportBody, glossaryTermBody, termIdParams } from '../../../../shared/index.js';
import type { GlossaryService } from '../../glossary/service.js';
import type { RequestHandler } from 'express';
import { authorize } from '../../services/authorize.js';
import { currentUser } from '../currentUser.js';
import { FileReply, route } from '../route.js';
import type { Mount } from '../route.js';
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

export function glossaryRoutes(m: Mount<'/api/glossary'>, glossary: GlossaryService, maxImportBytes: number): void {
  const editors = [mayEdit];
  route(m, 'GET /api/glossary', {}, () => ({ terms: glossary.list() }));
  route(m, 'POST /api/glossary', { body: glossaryTermBody, status: 201, before: editors }, async ({ body, res }) => ({
    term: await glossary.create(body, currentUser(res).id),
  }));
  route(m, 'POST /api/glossary/import', { body: glossaryImportBody, before: editors }, ({ body, res }) => {
    refuseOverLimit(body.content, maxImportBytes);
    return glossary.import(body.format, body.content, body.mode, currentUser(res).id);
  });
  // A file, not an envelope, so that a plain link downloads it; errors are still coded JSON.
  route(m, 'GET /api/glossary/export/:format', { params: glossaryExportParams }, ({ params: { format } }) => {
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-tbx+xml; charset=utf-8';
    return new FileReply(type, `glossary.${format}`, glossary.export(format));
  });
  route(
    m,
    'PUT /api/glossary/:termId',
    { body: glossaryTermBody, params: termIdParams, before: editors },
    async ({ body, params, res }) => ({
      term: await glossary.update(params.termId, body, currentUser(res).id),
    }),
  );
  route(m, 'DELETE /api/glossary/:termId', { params: termIdParams, before: editors }, async ({ params }) => {
    await glossary.remove(params.termId);
    return null;
  });
}
