import type { Request, Response } from 'express';
import { AppError, can, DEFAULT_SETTINGS } from '../../../../shared/index.js';
import type { Lang } from '../../../../shared/index.js';
import {
  COMMIT_MEDIA_TYPE,
  createFromFileQuery,
  docIdOnly,
  exportQuery,
  interchangeDocumentQuery,
  parseSourceQuery,
  translationCommitBody,
  translationPreviewQuery,
  xliffImportQuery,
} from '../../../../shared/protocol/interchange.js';
import { authorize } from '../../services/authorize.js';
import type { DocumentService } from '../../services/documents/index.js';
import type { InterchangeService } from '../../services/interchange/service.js';
import { currentUser } from '../currentUser.js';
import { checkJsonText } from '../middleware.js';
import { FileReply, route } from '../route.js';
import type { Mount } from '../route.js';
import { readUpload } from '../upload.js';

/**
 * The commit carries the whole translation, so it gets the upload cap, not the
 * 4 MB JSON cap: sent as COMMIT_MEDIA_TYPE, which the app-wide JSON parser
 * leaves alone, it is read here like an upload. Plain `application/json`
 * (already parsed, under 4 MB) is accepted too.
 */
async function commitJson(req: Request, res: Response, limit: number): Promise<unknown> {
  if (req.is('application/json')) return req.body as unknown;
  if (!req.is(COMMIT_MEDIA_TYPE)) throw new AppError('unsupported_format', `send the commit as ${COMMIT_MEDIA_TYPE} or application/json`);
  const bytes = await readUpload(req, res, limit);
  checkJsonText(bytes);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new AppError('bad_request', 'malformed JSON body');
  }
}

/**
 * Import and export routes (docs/protocol.md, "Import and export"). Uploads
 * are raw bodies: the query is validated and the caller authorised first,
 * then the body is streamed in under the cap, then one service function is
 * called. Nothing is written before the whole file has been read and judged.
 */
export function interchangeRoutes(
  mounts: { imports: Mount<'/api/import'>; documents: Mount<'/api/documents'> },
  deps: { documents: DocumentService; interchange: InterchangeService; maxImportBytes: number },
): void {
  const { documents, interchange, maxImportBytes: limit } = deps;
  const { imports, documents: docs } = mounts;
  const selfApprovalAllowed = (docId: string): boolean => (documents.snapshot(docId).settings ?? DEFAULT_SETTINGS).allowSelfApproval;

  route(imports, 'POST /api/import/parse', { query: parseSourceQuery }, async ({ query, req, res }) =>
    interchange.parseSource(await readUpload(req, res, limit), query),
  );
  route(imports, 'POST /api/import/document', { query: interchangeDocumentQuery, status: 201 }, async ({ query, req, res }) => {
    const user = authorize(currentUser(res), 'document.create');
    const bytes = await readUpload(req, res, limit);
    // A new document has the default settings: approving one's own imported revisions is not allowed there.
    const mayApprove = DEFAULT_SETTINGS.allowSelfApproval;
    return interchange.createFromFile(bytes, query, user.id, (lang) => ({ approve: mayApprove && can(user, 'cell.review', { lang }) }));
  });

  route(docs, 'POST /api/documents/from-file', { query: createFromFileQuery, status: 201 }, async ({ query, req, res }) => {
    const user = authorize(currentUser(res), 'document.create');
    return interchange.original.createFromFile(await readUpload(req, res, limit), query, user.id);
  });
  route(docs, 'GET /api/documents/:docId/source-file', { params: docIdOnly }, ({ params: { docId }, res }) => {
    authorize(currentUser(res), 'document.read', { doc: documents.meta(docId) });
    return interchange.original.info(docId);
  });
  route(
    docs,
    'POST /api/documents/:docId/import/translation/preview',
    { params: docIdOnly, query: translationPreviewQuery },
    async ({ params: { docId }, query, req, res }) => {
      authorize(currentUser(res), 'cell.edit', { lang: query.lang, doc: documents.meta(docId) });
      return interchange.previewTranslation(docId, await readUpload(req, res, limit), query);
    },
  );
  route(
    docs,
    'POST /api/documents/:docId/import/translation/commit',
    { params: docIdOnly, body: translationCommitBody, readBody: (req, res) => commitJson(req, res, limit) },
    ({ params: { docId }, body, res }) => {
      const meta = documents.meta(docId);
      const user = authorize(currentUser(res), body.approved ? 'cell.review' : 'cell.edit', { lang: body.lang, doc: meta });
      // Imported as approved, the importer approves revisions they wrote: the document's four-eyes rule applies.
      if (body.approved && !selfApprovalAllowed(docId)) {
        throw new AppError(
          'forbidden',
          'this document does not allow approving your own revisions: import as drafts for someone else to approve',
          { reason: 'self_approval' },
        );
      }
      return interchange.commitTranslation(docId, body, user.id);
    },
  );
  route(
    docs,
    'POST /api/documents/:docId/import/xliff',
    { params: docIdOnly, query: xliffImportQuery },
    async ({ params: { docId }, query, req, res }) => {
      const meta = documents.meta(docId);
      const user = currentUser(res);
      const bytes = await readUpload(req, res, limit);
      const gate = (lang: Lang): { approve: boolean } => {
        authorize(user, 'cell.edit', { lang, doc: meta });
        return { approve: can(user, 'cell.review', { lang, doc: meta }) && selfApprovalAllowed(docId) };
      };
      return interchange.importXliff(docId, bytes, user.id, gate, { name: query.name, lang: query.lang });
    },
  );
  route(docs, 'GET /api/documents/:docId/export', { params: docIdOnly, query: exportQuery }, async ({ params: { docId }, query, res }) => {
    authorize(currentUser(res), 'document.read', { doc: documents.meta(docId) });
    const file = await interchange.exportFile(docId, query);
    return new FileReply(file.contentType, file.fileName, file.body);
  });
}
