import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { bootstrap } from '../services/bootstrap.js';
import { DocumentService } from '../services/documents/index.js';
import { loadOrCreateSessionSecret } from '../services/secret.js';
import { createStorage, DatabaseTooNewError, DataDirLockedError } from '../storage/index.js';
import { SHUTDOWN_MS, shutdownWatchdog } from './shutdown.js';

const CHECKPOINT_EVERY_MS = 5_000;

function log(msg: string): void {
  console.log(`[anor] ${msg}`);
}

/**
 * `anor serve`: opens storage, replays documents, creates the admin and the
 * demo on first start, listens, and on SIGINT/SIGTERM stops taking
 * connections, checkpoints and closes storage before exiting.
 */
export async function run(argv: string[]): Promise<number> {
  let config;
  try {
    // `--database URL` stands for DATABASE_URL.
    const { values } = parseArgs({ args: argv, options: { database: { type: 'string' } }, strict: true });
    config = loadConfig(values.database === undefined ? process.env : { ...process.env, DATABASE_URL: values.database });
  } catch (err) {
    if (err instanceof ConfigError || (err instanceof TypeError && 'code' in err)) {
      console.error(`anor serve: ${err.message}\n\nUsage: anor serve [--database postgres://…]`);
      return 2;
    }
    throw err;
  }

  let storage;
  try {
    storage = await createStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, log });
  } catch (err) {
    if (err instanceof DataDirLockedError || err instanceof DatabaseTooNewError) {
      console.error(`anor serve: ${err.code}: ${err.message}`);
      return 1;
    }
    // Opening the database failed: it does not answer, refuses us, or the URL names nothing.
    if (config.databaseUrl !== undefined && err instanceof Error) {
      console.error(`anor serve: database_error: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const documents = new DocumentService(storage.documents, { log, idleMs: config.docIdleMs });
  const loaded = await documents.load();
  for (const w of loaded.warnings) log(`recovery: ${w}`);
  if (loaded.replayed > 0) log(`replayed ${loaded.replayed} journal events`);

  if (config.databaseUrl !== undefined && config.sessionSecret === undefined) {
    log('SESSION_SECRET is not set: this node signs sessions with its own secret, so another node will not accept them');
  }
  const sessionSecret = config.sessionSecret ?? (await loadOrCreateSessionSecret(config.dataDir));
  const app = createApp({
    storage,
    documents,
    sessionSecret,
    trustProxy: config.trustProxy,
    log,
    allowedOrigins: config.allowedOrigins,
    maxImportBytes: config.maxImportBytes,
  });
  const first = await bootstrap({ users: app.users, documents, adminPassword: config.adminPassword });
  if (first.firstStart) log(`first start: created user admin${first.demoDocId ? ' and the demo document' : ''}`);
  // Printed once, on the only start that generates it; the crash test and people both read this line.
  if (first.generatedAdminPassword) console.log(`Admin password: ${first.generatedAdminPassword}`);
  documents.startCheckpoints(CHECKPOINT_EVERY_MS);

  try {
    await new Promise<void>((resolve, reject) => {
      app.httpServer.once('error', reject);
      app.httpServer.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    // Port taken or not allowed: say so plainly and leave the data as it was.
    console.error(`anor serve: cannot listen on port ${config.port}: ${err instanceof Error ? err.message : String(err)}`);
    await app.close();
    await documents.close();
    await storage.close();
    return 1;
  }
  const { port } = app.httpServer.address() as AddressInfo;
  console.log(`Anor listening on http://localhost:${port}`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log(`${signal}: shutting down`);
  // A second signal while shutting down means "now".
  const force = (): void => process.exit(130);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  const watchdog = shutdownWatchdog(
    SHUTDOWN_MS,
    (code) => process.exit(code),
    (msg) => console.error(`anor serve: ${msg}`),
  );
  await app.close();
  await documents.close();
  await storage.close();
  log('stopped');
  watchdog.finished();
  return 0;
}
