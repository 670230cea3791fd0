import { tmImportBody, tmImportQuery, tmLookupBody, tmSearchBody } from '../../../../shared/index.js';
import type { TmService } from '../../tm/service.js';
import { requireAdmin } from '../middleware.js';
import { currentUser } from '../currentUser.js';
import type { FileParser } from '../../interchange/offThread/index.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';
import { parseBody, readUpload, refuseOverLimit } from '../upload.js';

/**
 * Translation memory. Lookup and search are POST with a JSON body: they are
 * queries, but their input (a paragraph reference, a phrase in any script) is
 * validated by the same zod-body step as every other route. Importing TMX
 * changes what every translator is offered, so it is for administrators.
 */
export function tmRoutes(m: Mount<'/api/tm'>, tm: TmService, deps: { maxImportBytes: number; parser: FileParser }): void {
  const { maxImportBytes, parser } = deps;
  route(m, 'POST /api/tm/lookup', { body: tmLookupBody }, async ({ body }) => ({
    matches: await tm.lookupForCell(body.docId, body.paragraphId, body.lang, body.limit),
  }));
  route(m, 'POST /api/tm/search', { body: tmSearchBody }, async ({ body }) => ({ hits: await tm.search(body.q, body.lang, body.limit) }));
  route(m, 'GET /api/tm/stats', {}, () => tm.stats());
  // The file as an upload (raw bytes, `?name=`), like every other import, or as JSON `{ content, name }`; both under the
  // import limit, and read like every other import file (in the import worker on the server).
  route(m, 'POST /api/tm/import', { query: tmImportQuery, before: [requireAdmin] }, async ({ query, req, res }) => {
    if (req.is('application/json')) {
      const body = parseBody(tmImportBody, req.body);
      refuseOverLimit(body.content, maxImportBytes);
      return tm.importFile(Buffer.from(body.content, 'utf8'), body.name, currentUser(res).id, parser);
    }
    return tm.importFile(await readUpload(req, res, maxImportBytes), query.name, currentUser(res).id, parser);
  });
}
