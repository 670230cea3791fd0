import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempSchema } from './pg.js';
import type { TempSchema } from './pg.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const CLI = join(ROOT, 'dist/server/src/cli.js');
export const NODE_ADMIN_PASSWORD = 'cluster-admin-password';
const SESSION_SECRET = 'cluster-test-secret-'.padEnd(48, 'x');

/** One real `anor serve` process of a cluster. */
export interface AnorNode {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait (or `SIGKILL`: `kill -9`, nothing flushed). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface Cluster {
  schema: TempSchema;
  /** The DATABASE_URL every node uses. */
  databaseUrl: string;
  nodes: AnorNode[];
  /** Starts one more node on the same database (own data dir, same secret). */
  add(env?: Record<string, string>): Promise<AnorNode>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

async function startNode(env: Record<string, string>): Promise<AnorNode> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'anor-node-'));
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ANOR_ADMIN_PASSWORD: NODE_ADMIN_PASSWORD,
      SESSION_SECRET,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`node did not listen in 30 s:\n${out}`)), 30_000);
    child.stdout.on('data', () => {
      if (!out.includes('Anor listening on')) return;
      clearTimeout(timer);
      ready();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`node exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      // A shutdown cut short by the server's own deadline (cli/shutdown.ts) is shown, not hidden.
      if (/anor serve: (shutdown did not finish|stopped, but)/u.test(out)) console.error(`node on port ${port}:\n${out.slice(-4000)}`);
    },
  };
}

/**
 * `count` real `anor serve` processes (the built CLI: `npm run build:server`)
 * on one fresh schema, each with its own data directory and the same
 * SESSION_SECRET, as behind a load balancer. Started one after the other: the
 * first creates the admin, the others find it. `env` reaches every node
 * (DATABASE_URL may be replaced, e.g. by a relay in front of the database).
 */
export async function startCluster(count: number, env: (schemaUrl: string) => Record<string, string> = () => ({})): Promise<Cluster> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: the multi-node tests run the built server (npm run build:server)`);
  const schema = await tempSchema();
  const nodes: AnorNode[] = [];
  const add = async (extra: Record<string, string> = {}): Promise<AnorNode> => {
    const node = await startNode({ DATABASE_URL: schema.url, ...env(schema.url), ...extra });
    nodes.push(node);
    return node;
  };
  try {
    for (let i = 0; i < count; i++) await add();
  } catch (err) {
    for (const n of nodes) await n.stop('SIGKILL');
    await schema.drop();
    throw err;
  }
  return {
    schema,
    databaseUrl: schema.url,
    nodes,
    add,
    async close() {
      await Promise.all(nodes.map((n) => n.stop()));
      for (const n of nodes) await rm(n.dataDir, { recursive: true, force: true });
      await schema.drop();
    },
  };
}

/**
 * expect.poll's options for real processes on two busy cores: a change that
 * crosses nodes (through PostgreSQL) may take seconds there, not the default
 * 1 s. A hang guard, not a speed check.
 */
export const ACROSS_NODES = { timeout: 15_000, interval: 50 } as const;
