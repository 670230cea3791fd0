import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { removeDir, startBuiltServer, tempDataDir } from '../e2e/helpers/server.js';
import type { RunningServer } from '../e2e/helpers/server.js';
import { compareAdapters } from './adapters.js';
import type { Target } from './collab.js';
import type { Row } from './extras.js';
import { round } from './stats.js';

const PG_URL = process.env.ANOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = randomBytes(32).toString('hex');

/** A fresh schema on the project's PostgreSQL and nodes of `anor serve` on it, all dropped by `close()`. */
export async function pgCluster(count: number): Promise<{ nodes: RunningServer[]; close(): Promise<void> }> {
  const schema = `anor_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const nodes: RunningServer[] = [];
  // One after the other: the first creates the admin, the others find it.
  for (let i = 0; i < count; i++) {
    nodes.push(await startBuiltServer({ dataDir: await tempDataDir(), env: { DATABASE_URL: url.toString(), SESSION_SECRET: SECRET } }));
  }
  return {
    nodes,
    async close() {
      for (const n of nodes) {
        await n.stop('SIGTERM');
        await removeDir(n.dataDir);
      }
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** The adapter comparison (bench/adapters.ts) as rows. */
export async function adapterRows(): Promise<Row[]> {
  const [pgFigures, redis] = await compareAdapters();
  if (!pgFigures || !redis) return [];
  return [
    {
      metric: 'Socket.IO adapter broadcast p50 / p99 across two nodes (PostgreSQL)',
      value: `${pgFigures.p50} / ${pgFigures.p99}`,
      unit: 'ms',
      target: '—',
      baseline: `Redis streams ${redis.p50} / ${redis.p99} ms`,
    },
    {
      metric: 'Socket.IO adapter broadcasts/s across two nodes (PostgreSQL)',
      value: pgFigures.perSecond,
      unit: '/s',
      target: '—',
      baseline: `Redis streams ${redis.perSecond}/s`,
    },
  ];
}

/** Ratio row helper: Anor's figure as a share of the relay's. */
export function shareOf(value: number, relay: number): number {
  return round((value / relay) * 100, 0);
}

export type { Target };
