import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import express from 'express';
import type { Express, RequestHandler } from 'express';
import type { Log } from './errors.js';
import { createAids } from './aids.js';
import { createCommands, MentionNotifier } from './commands/index.js';
import type { Commands } from './commands/index.js';
import { GlossaryService } from './glossary/service.js';
import { apiNotFound, errorHandler, jsonBody, requireSession } from './http/middleware.js';
import { authRoutes } from './http/routes/auth.js';
import { documentRoutes } from './http/routes/documents.js';
import { interchangeRoutes } from './http/routes/interchange.js';
import { publicShareRoutes, shareRoutes } from './http/routes/shares.js';
import { userRoutes } from './http/routes/users.js';
import { mentionRoutes } from './http/routes/mentions.js';
import { prefsRoutes } from './http/routes/prefs.js';
import { requireAllowedOrigin } from './http/origin.js';
import { mount, route } from './http/route.js';
import type { Mount } from './http/route.js';
import { compileTrust } from './http/proxy.js';
import type { TrustProxySetting } from './http/proxy.js';
import { createSessionMiddleware } from './http/session.js';
import { serveClient } from './http/static.js';
import { DEFAULT_MAX_IMPORT_BYTES } from './limits.js';
import { appVersion, defaultClientDir } from './paths.js';
import type { DocumentOps, DocumentService } from './services/documents/index.js';
import { InterchangeService } from './services/interchange/service.js';
import { workerParser } from './interchange/offThread/index.js';
import { LoginThrottle } from './services/loginThrottle.js';
import { PrefsService } from './services/prefs.js';
import { PresenceService } from './services/presence.js';
import { ShareService } from './services/shares.js';
import { UserService } from './services/users.js';
import type { ScryptCost } from './services/passwords.js';
import { linkAids } from './sockets/cluster.js';
import { attachSockets } from './sockets/index.js';
import { attachPublicReaders } from './sockets/publicReaders.js';
import type { AnorServer } from './sockets/types.js';
import type { Storage } from './storage/index.js';

export interface AppDeps {
  storage: Storage;
  /** A loaded document service over `storage.documents` (see DocumentService.load). */
  documents: DocumentService;
  sessionSecret: string;
  log: Log;
  /** The built client; defaults to dist/client. */
  clientDir?: string;
  /** Largest file any import route accepts (ANOR_MAX_IMPORT_BYTES); 16 MiB by default. */
  maxImportBytes?: number;
  /** Origins besides the server's own allowed to change state and open sockets (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** TRUST_PROXY: which hops' X-Forwarded-For/-Proto/-Host to believe (req.ip, Secure cookies, the origin check); none by default. */
  trustProxy?: TrustProxySetting;
  /** scrypt work factors for new password hashes; SCRYPT_COST unless given (tests pass a cheaper one). */
  passwordCost?: ScryptCost;
}

export interface App {
  app: Express;
  httpServer: HttpServer;
  io: AnorServer;
  users: UserService;
  documents: DocumentService;
  /** The single-step changes, with the glossary (tests drive them directly). */
  ops: DocumentOps;
  commands: Commands;
  /** Closes sockets and the HTTP server. Does not checkpoint or close storage: the owner of those does. */
  close(): Promise<void>;
}

/** Builds the whole HTTP + Socket.IO application without listening (tests listen on port 0). */
export function createApp(deps: AppDeps): App {
  const { storage, documents, log } = deps;
  const users = new UserService(storage.users, deps.passwordCost ? { passwordCost: deps.passwordCost } : {});
  const presence = new PresenceService();
  const sessionMiddleware = createSessionMiddleware(storage.sessions, deps.sessionSecret);
  const allowedOrigins = new Set(deps.allowedOrigins ?? []);
  const trust = compileTrust(deps.trustProxy ?? false);

  const app = express();
  app.disable('x-powered-by');
  // One trust function for Express (req.ip, req.secure → the session cookie's Secure flag), origins and handshakes.
  app.set('trust proxy', trust);
  // Cheap hardening that cannot break the client: no MIME sniffing, no framing (clickjacking).
  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  const httpServer = createServer(app);
  const maxImportBytes = deps.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  // The glossary gates approvals (the checks), so the operations get it when they are made.
  const glossary = new GlossaryService(storage.glossary);
  const ops = documents.ops(() => glossary.glossary());
  // One reader for every uploaded file (documents, translations, TMX): the import worker and its limits.
  const parser = workerParser();
  const aids = createAids({ storage, documents, glossary, log, maxImportBytes, parser });
  const interchangeService = new InterchangeService(documents, storage.sources, parser);
  const notifier = new MentionNotifier();
  const commands = createCommands({ reads: documents.reads, ops, users, notifier, interchange: interchangeService });
  const sockets = attachSockets({
    httpServer,
    sessionMiddleware,
    allowedOrigins,
    trust,
    users,
    documents,
    ops,
    commands,
    notifier,
    presence,
    pubsub: storage.pubsub,
    log,
  });
  // Several nodes: a glossary or memory change made through another node is read here at once.
  const unlinkAids = storage.pubsub ? linkAids(sockets.io, aids, log) : () => {};
  // Share links: one failure budget per address for the REST route and the /public handshake together.
  const shares = new ShareService(storage.shares, documents);
  const shareThrottle = new LoginThrottle(storage.limiters, 'share', {
    maxFailures: 30,
    maxPerAddress: 30,
    maxPerAccount: Number.MAX_SAFE_INTEGER,
  });
  attachPublicReaders({ io: sockets.io, shares, documents, throttle: shareThrottle, trust, log });

  const health = mount('/api/health');
  route(health, 'GET /api/health', { bare: true }, () => ({ ok: true, version: appVersion() }));
  app.use(health.base, health.router);
  // Before any route: a cross-site POST/PUT/PATCH/DELETE never reaches one (GETs change nothing).
  app.use('/api', requireAllowedOrigin(allowedOrigins, trust));
  const publicShares = mount('/api/public');
  publicShareRoutes(publicShares, shares, shareThrottle);
  app.use(publicShares.base, publicShares.router);
  app.use('/api', jsonBody(), sessionMiddleware);
  const auth = mount('/api/auth');
  authRoutes(auth, {
    users,
    throttle: new LoginThrottle(storage.limiters, 'login'),
    sessionEnded: (sid) => sockets.endSession(sid),
    userSessionsEnded: (userId, except) => sockets.endUserSessions(userId, except),
    destroyUserSessions: (userId) => storage.sessions.destroyForUser(userId),
  });
  app.use(auth.base, auth.router);
  // Every other route needs a session; the aids' also wait for the memory to be built.
  const signedIn = (m: Mount<string>, ...more: RequestHandler[]): void => void app.use(m.base, requireSession(users), ...more, m.router);
  const docs = mount('/api/documents');
  documentRoutes(docs, documents);
  shareRoutes(docs, shares);
  const usersMount = mount('/api/users');
  userRoutes(usersMount, users);
  const mentions = mount('/api/mentions');
  mentionRoutes(mentions, documents, users);
  const prefs = mount('/api/prefs');
  prefsRoutes(prefs, new PrefsService(storage.users));
  const imports = mount('/api/import');
  interchangeRoutes({ imports, documents: docs }, { documents, interchange: interchangeService, commands, maxImportBytes });
  for (const m of [docs, usersMount, mentions, prefs, imports]) signedIn(m);
  for (const m of [aids.routes.tm, aids.routes.glossary, aids.routes.documents]) signedIn(m, aids.waitReady);
  app.use('/api', apiNotFound);
  serveClient(app, deps.clientDir ?? defaultClientDir());
  app.use(errorHandler(log));

  return {
    app,
    httpServer,
    io: sockets.io,
    users,
    documents,
    ops,
    commands,
    async close() {
      sockets.close();
      unlinkAids();
      presence.close();
      aids.close();
      // io.close() also closes the HTTP server it is attached to.
      await sockets.io.close();
      httpServer.closeAllConnections();
    },
  };
}
