import { Router } from 'express';
import { ok, tmImportBody, tmImportQuery, tmLookupBody, tmSearchBody } from '../../../../shared/index.js';
import type { ConcordanceHit, TmImportResult, TmMatch, TmStatsDto } from '../../../../shared/index.js';
import type { TmService } from '../../tm/service.js';
import { badRequest, issuesOf } from '../../errors.js';
import { requireAdmin } from '../middleware.js';
import { currentUser, handle } from '../handle.js';
import { decodeText } from '../../interchange/sources/decode.js';
import { parsePart, readUpload, refuseOverLimit } from '../upload.js';

/**
 * Translation memory. Lookup and search are POST with a JSON body: they are
 * queries, but their input (a paragraph reference, a phrase in any script) is
 * validated by the same zod-body step as every other route. Importing TMX
 * changes what every translator is offered, so it is for administrators.
 */
export function tmRoutes(tm: TmService, maxImportBytes: number): Router {
  const r = Router();
  r.post(
    '/lookup',
    handle({ body: tmLookupBody }, async ({ body }): Promise<{ matches: TmMatch[] }> => ({
      matches: await tm.lookupForCell(body.docId, body.paragraphId, body.lang, body.limit),
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
  // The file as an upload (raw bytes, `?name=`), like every other import, or as JSON `{ content, name }`; both under the import limit.
  r.post('/import', requireAdmin, async (req, res, next) => {
    try {
      let result: TmImportResult;
      if (req.is('application/json')) {
        const body = tmImportBody.safeParse(req.body ?? {});
        if (!body.success) throw badRequest(issuesOf(body.error, 'body'));
        refuseOverLimit(body.data.content, maxImportBytes);
        result = await tm.importTmx(body.data.content, body.data.name, currentUser(res).id);
      } else {
        const q = parsePart(tmImportQuery, req, 'query');
        const text = decodeText(await readUpload(req, res, maxImportBytes));
        result = await tm.importTmx(text, q.name, currentUser(res).id);
      }
      res.json(ok(result));
    } catch (err) {
      if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
      next(err);
    }
  });
  return r;
}
