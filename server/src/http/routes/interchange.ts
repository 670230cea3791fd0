import { Router } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError, can, DEFAULT_SETTINGS, ok } from '../../../../shared/index.js';
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
import type {
  CreatedFromFileDto,
  ImportResultDto,
  InterchangeDocumentDto,
  ParsedSourceDto,
  SourceFileDto,
  TranslationPreviewDto,
} from '../../../../shared/protocol/interchange.js';
import { authorize } from '../../services/authorize.js';
import type { Commands } from '../../commands/index.js';
import type { DocumentService } from '../../services/documents/index.js';
import type { InterchangeService } from '../../services/interchange/service.js';
import { currentUser } from '../handle.js';
import { checkJsonText } from '../middleware.js';
import { parseBody, parsePart, readUpload } from '../upload.js';

/**
 * An async step whose errors go to the one error handler; for routes whose
 * input is not a JSON body. A refusal before the upload was read (bad query,
 * no permission) closes the connection: otherwise Node would drain the
 * unread body, however large, to keep the connection alive.
 */
function step(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch((err: unknown) => {
      if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
      next(err);
    });
  };
}

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
 * are raw bodies: validate the query and authorise first, then stream the
 * body in under the cap, then call one service function. Nothing is written
 * before the whole file has been read and judged.
 */
export function interchangeRoutes(deps: {
  documents: DocumentService;
  interchange: InterchangeService;
  commands: Commands;
  maxImportBytes: number;
}): {
  imports: Router;
  documents: Router;
} {
  const { documents, interchange, maxImportBytes: limit } = deps;
  const selfApprovalAllowed = (docId: string): boolean => documents.reads.settings(docId).allowSelfApproval;
  const imports = Router();
  imports.post(
    '/parse',
    step(async (req, res) => {
      const q = parsePart(parseSourceQuery, req, 'query');
      const bytes = await readUpload(req, res, limit);
      const data: ParsedSourceDto = await interchange.parseSource(bytes, q);
      res.json(ok(data));
    }),
  );
  imports.post(
    '/document',
    step(async (req, res) => {
      const q = parsePart(interchangeDocumentQuery, req, 'query');
      const user = authorize(currentUser(res), 'document.create');
      const bytes = await readUpload(req, res, limit);
      // A new document has the default settings: approving one's own imported revisions is not allowed there.
      const mayApprove = DEFAULT_SETTINGS.allowSelfApproval;
      const data: InterchangeDocumentDto = await interchange.createFromFile(bytes, q, user.id, (lang) => ({
        approve: mayApprove && can(user, 'cell.review', { lang }),
      }));
      res.status(201).json(ok(data));
    }),
  );

  const docs = Router();
  docs.post(
    '/from-file',
    step(async (req, res) => {
      const q = parsePart(createFromFileQuery, req, 'query');
      const user = authorize(currentUser(res), 'document.create');
      const bytes = await readUpload(req, res, limit);
      const data: CreatedFromFileDto = await interchange.original.createFromFile(bytes, q, user.id);
      res.status(201).json(ok(data));
    }),
  );
  docs.get(
    '/:docId/source-file',
    step(async (req, res) => {
      const { docId } = parsePart(docIdOnly, req, 'params');
      authorize(currentUser(res), 'document.read', { doc: documents.reads.meta(docId) });
      const data: SourceFileDto = await interchange.original.info(docId);
      res.json(ok(data));
    }),
  );
  docs.post(
    '/:docId/import/translation/preview',
    step(async (req, res) => {
      const { docId } = parsePart(docIdOnly, req, 'params');
      const q = parsePart(translationPreviewQuery, req, 'query');
      authorize(currentUser(res), 'cell.edit', { lang: q.lang, doc: documents.reads.meta(docId) });
      const bytes = await readUpload(req, res, limit);
      const data: TranslationPreviewDto = await interchange.previewTranslation(docId, bytes, q);
      res.json(ok(data));
    }),
  );
  docs.post(
    '/:docId/import/translation/commit',
    step(async (req, res) => {
      const { docId } = parsePart(docIdOnly, req, 'params');
      const body = parseBody(translationCommitBody, await commitJson(req, res, limit));
      const data: ImportResultDto = await deps.commands.importTranslation(docId, body, currentUser(res));
      res.json(ok(data));
    }),
  );
  docs.post(
    '/:docId/import/xliff',
    step(async (req, res) => {
      const { docId } = parsePart(docIdOnly, req, 'params');
      const q = parsePart(xliffImportQuery, req, 'query');
      const meta = documents.reads.meta(docId);
      const user = currentUser(res);
      const bytes = await readUpload(req, res, limit);
      const data = await interchange.importXliff(
        docId,
        bytes,
        user.id,
        (lang) => {
          authorize(user, 'cell.edit', { lang, doc: meta });
          return { approve: can(user, 'cell.review', { lang, doc: meta }) && selfApprovalAllowed(docId) };
        },
        { name: q.name, lang: q.lang },
      );
      res.json(ok(data));
    }),
  );
  docs.get(
    '/:docId/export',
    step(async (req, res) => {
      const { docId } = parsePart(docIdOnly, req, 'params');
      const q = parsePart(exportQuery, req, 'query');
      authorize(currentUser(res), 'document.read', { doc: documents.reads.meta(docId) });
      const file = await interchange.exportFile(docId, q);
      res.setHeader('content-type', file.contentType);
      // RFC 6266/5987: an ASCII fallback plus the UTF-8 name (titles are often Cyrillic or Chinese).
      const ascii = file.fileName.replace(/[^\x20-\x7E]/gu, '_').replace(/["\\]/gu, '_');
      res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader('cache-control', 'no-store');
      res.send(file.body);
    }),
  );
  return { imports, documents: docs };
}
