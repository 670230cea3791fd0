import type { RequestHandler } from 'express';
import type { Log } from './errors.js';
import type { GlossaryService } from './glossary/service.js';
import { aidsDocumentRoutes } from './http/routes/aidsDocuments.js';
import { glossaryRoutes } from './http/routes/glossary.js';
import { tmRoutes } from './http/routes/tm.js';
import { mount } from './http/route.js';
import type { Mount } from './http/route.js';
import type { DocumentService } from './services/documents/index.js';
import type { Storage } from './storage/index.js';
import { TmService } from './tm/service.js';
import type { FileParser } from './interchange/offThread/index.js';

export interface Aids {
  tm: TmService;
  glossary: GlossaryService;
  /** Resolves once the memory is built and the glossary loaded. */
  ready: Promise<void>;
  /** Middleware holding requests until `ready`. */
  waitReady: RequestHandler;
  routes: { tm: Mount<'/api/tm'>; glossary: Mount<'/api/glossary'>; documents: Mount<'/api/documents'> };
  close(): void;
}

/**
 * The translation aids (memory, glossary, document checks) as one unit for
 * createApp, which makes the glossary first: the approval checks need it too. createApp stays synchronous: the memory builds in the background
 * from the already-loaded documents, and the aids' routes wait for it, so a
 * request can never see a half-built memory.
 */
export function createAids(deps: {
  storage: Storage;
  documents: DocumentService;
  glossary: GlossaryService;
  log: Log;
  maxImportBytes: number;
  /** How uploaded files are read (the import worker on the server). */
  parser: FileParser;
}): Aids {
  const tm = new TmService(deps.documents, deps.storage.tm, deps.log);
  const { glossary } = deps;
  const ready = Promise.all([tm.start(), glossary.load()]).then(() => undefined);
  ready.catch((err: unknown) => deps.log(`translation aids failed to start: ${String(err)}`));
  const waitReady: RequestHandler = (_req, _res, next) => {
    ready.then(() => next(), next);
  };
  const routes = { tm: mount('/api/tm'), glossary: mount('/api/glossary'), documents: mount('/api/documents') };
  tmRoutes(routes.tm, tm, { maxImportBytes: deps.maxImportBytes, parser: deps.parser });
  glossaryRoutes(routes.glossary, glossary, deps.maxImportBytes);
  aidsDocumentRoutes(routes.documents, { documents: deps.documents, tm, glossary });
  return {
    tm,
    glossary,
    ready,
    waitReady,
    routes,
    close: () => tm.close(),
  };
}
