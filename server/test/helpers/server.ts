import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import type { App } from '../../src/app.js';
import { bootstrap } from '../../src/services/bootstrap.js';
import { DocumentService } from '../../src/services/documents/index.js';
import type { TrustProxySetting } from '../../src/http/proxy.js';
import type { ScryptCost } from '../../src/services/passwords.js';
import { loadOrCreateSessionSecret } from '../../src/services/secret.js';
import { createStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/index.js';
import { tempSchema } from './pg.js';
import type { TempSchema } from './pg.js';

export const ADMIN_PASSWORD = 'test-admin-password';
/**
 * Test servers hash new passwords at N = 2^14 (Anor's cost until issue 13),
 * not the production 2^17: a hash then takes ~0.1 s instead of ~0.4–0.8 s on
 * a busy 2-core machine, and the suites sign in hundreds of times. The
 * production cost and the re-hash are tested in server/test/passwordCost.test.ts
 * and by every e2e test (the built server).
 */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };

/** Where startServer keeps users, sessions, shares, glossary and imported memory in this run. */
export const TEST_BACKEND: 'embedded' | 'postgres' = process.env.ANOR_TEST_BACKEND === 'postgres' ? 'postgres' : 'embedded';

/** The schema each data dir's shared stores live in under ANOR_TEST_BACKEND=postgres, so a restart finds its users again. */
const schemas = new Map<string, TempSchema>();

async function schemaFor(dataDir: string): Promise<TempSchema> {
  const known = schemas.get(dataDir);
  if (known) return known;
  const fresh = await tempSchema();
  schemas.set(dataDir, fresh);
  return fresh;
}

export interface TestServer {
  url: string;
  dataDir: string;
  app: App;
  storage: Storage;
  documents: DocumentService;
  demoDocId: string;
  /** Lines the server logged (internal errors land here). */
  logs: string[];
  /** Closes everything; keeps the data dir unless `remove`. */
  stop(opts?: { remove?: boolean }): Promise<void>;
}

/**
 * The real app on an ephemeral port over real storage in a fresh temp dir
 * (or `dataDir` to restart on an existing one), bootstrapped like `anor serve`.
 * With ANOR_TEST_BACKEND=postgres (the `node-postgres` test project) and no
 * `databaseUrl`, the shared stores go to a fresh schema dropped on stop: the
 * same suites run against both backends.
 */
export async function startServer(
  opts: {
    dataDir?: string;
    ringSize?: number;
    allowedOrigins?: string[];
    passwordCost?: ScryptCost;
    maxImportBytes?: number;
    /** TRUST_PROXY for this server. */
    trustProxy?: TrustProxySetting;
    /** DATABASE_URL (a test schema's, see helpers/pg.ts). */
    databaseUrl?: string;
    /** SESSION_SECRET; the data dir's generated one when not given. */
    sessionSecret?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'anor-server-')));
  const logs: string[] = [];
  const log = (msg: string): void => void logs.push(msg);
  const ownSchema = opts.databaseUrl === undefined && TEST_BACKEND === 'postgres' ? await schemaFor(dataDir) : undefined;
  const storage = await createStorage({ dataDir, log, databaseUrl: opts.databaseUrl ?? ownSchema?.url });
  const documents = new DocumentService(storage.documents, { log, ...(opts.ringSize ? { ringSize: opts.ringSize } : {}) });
  await documents.load();
  const app = createApp({
    storage,
    documents,
    sessionSecret: opts.sessionSecret ?? (await loadOrCreateSessionSecret(dataDir)),
    ...(opts.trustProxy === undefined ? {} : { trustProxy: opts.trustProxy }),
    log,
    clientDir: join(dataDir, 'no-client'),
    ...(opts.maxImportBytes ? { maxImportBytes: opts.maxImportBytes } : {}),
    ...(opts.allowedOrigins ? { allowedOrigins: opts.allowedOrigins } : {}),
    passwordCost: opts.passwordCost ?? TEST_PASSWORD_COST,
  });
  const first = await bootstrap({ users: app.users, documents, adminPassword: ADMIN_PASSWORD });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const demoDocId = first.demoDocId ?? documents.list()[0]?.id ?? '';
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    app,
    storage,
    documents,
    demoDocId,
    logs,
    async stop({ remove = true } = {}) {
      if (stopped) return;
      stopped = true;
      await app.close();
      await documents.close();
      await storage.close();
      if (remove) await rm(dataDir, { recursive: true, force: true });
      // Kept with the data dir for a restart on it; dropped with it.
      if (remove && ownSchema) {
        schemas.delete(dataDir);
        await ownSchema.drop();
      }
    },
  };
}
