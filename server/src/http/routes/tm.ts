import { Router } from 'express';
import { tmImportBody, tmLookupBody, tmSearchBody } from '../../../../shared/index.js';
import type { ConcordanceHit, TmImportResult, TmMatch, TmStatsDto } from '../../../../shared/index.js';
import type { TmService } from '../../tm/service.js';
import { requireAdmin } from '../middleware.js';
import { currentUser, handle } from '../handle.js';

/**
 * Translation memory. Lookup and search are POST with a JSON body: they are
 * queries, but their input (a paragraph reference, a phrase in any script) is
 * validated by the same zod-body step as every other route. Importing TMX
 * changes what every translator is offered, so it is for administrators.
 */
export function tmRoutes(tm: TmService): Router {
  const r = Router();
  r.post(
    '/lookup',
    handle({ body: tmLookupBody }, ({ body }): { matches: TmMatch[] } => ({
      matches: tm.lookupForCell(body.docId, body.paragraphId, body.lang, body.limit),
    })),
  );
  r.post(
    '/search',
    handle({ body: tmSearchBody }, ({ body }): { hits: ConcordanceHit[] } => ({ hits: tm.search(body.q, body.lang, body.limit) })),
  );
  r.get(
    '/stats',
    handle({}, (): TmStatsDto => tm.stats()),
  );
  r.post(
    '/import',
    requireAdmin,
    handle({ body: tmImportBody }, ({ body, res }): Promise<TmImportResult> => tm.importTmx(body.content, body.name, currentUser(res).id)),
  );
  return r;
}
