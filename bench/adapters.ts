import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdapter as postgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as redisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import pg from 'pg';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import type { ServerOptions } from 'socket.io';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { percentile, round, sleep } from './stats.js';

/**
 * Which Socket.IO adapter carries broadcasts between Anor nodes: the two
 * official ones Anor could use, measured side by side in one run on the
 * project's services (PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379). Two
 * Socket.IO servers in this process, a client on node B in a room, node A
 * broadcasting to the room: the time from A's emit to B's client (latency, one
 * message at a time) and how many broadcasts a second get across (throughput,
 * a burst). docs/deploy.md records the decision these figures support.
 */
export interface AdapterFigures {
  adapter: string;
  p50: number;
  p99: number;
  perSecond: number;
}

type Factory = { name: string; open(): Promise<{ adapter: ServerOptions['adapter']; close(): Promise<void> }> };

const PG_URL = process.env.ANOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const factories: Factory[] = [
  {
    name: 'postgres (LISTEN/NOTIFY)',
    async open() {
      const pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
      await pool.query(
        `CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`,
      );
      return { adapter: postgresAdapter(pool, { channelPrefix: `anor-bench-${process.pid}` }), close: () => pool.end() };
    },
  },
  {
    name: 'redis streams',
    async open() {
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      // One stream for the nodes of this run (the channel prefix plays that part for PostgreSQL).
      const streamName = `anor-bench-${process.pid}`;
      return {
        adapter: redisStreamsAdapter(client, { streamName }),
        async close() {
          await client.del(streamName);
          await client.quit();
        },
      };
    },
  },
];

async function node(factory: Factory) {
  const opened = await factory.open();
  const http = createServer();
  const io = new Server(http, { adapter: opened.adapter });
  io.on('connection', (s) => void s.join('room'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    io,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await io.close();
      await opened.close();
    },
  };
}

export async function measureAdapter(factory: Factory, samples = 300, burst = 3000): Promise<AdapterFigures> {
  const a = await node(factory);
  const b = await node(factory);
  const client: Socket = connect(b.url, { transports: ['websocket'], forceNew: true });
  try {
    await new Promise<void>((resolve) => client.once('connect', resolve));
    // The adapters learn of each other by heartbeat; until then a broadcast may miss node B.
    for (let seen = false; !seen;) {
      const got = new Promise<boolean>((resolve) => {
        client.once('m', () => resolve(true));
        setTimeout(() => resolve(false), 200);
      });
      a.io.to('room').emit('m', 0);
      seen = await got;
    }
    await sleep(300);
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const got = new Promise<number>((resolve) => client.once('m', () => resolve(performance.now())));
      const sent = performance.now();
      a.io.to('room').emit('m', i);
      latencies.push((await got) - sent);
    }
    let received = 0;
    const all = new Promise<void>((resolve) => {
      const on = (): void => {
        if (++received === burst) {
          client.off('m', on);
          resolve();
        }
      };
      client.on('m', on);
    });
    const start = performance.now();
    for (let i = 0; i < burst; i++) a.io.to('room').emit('m', i);
    await all;
    const seconds = (performance.now() - start) / 1000;
    return {
      adapter: factory.name,
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      perSecond: Math.round(burst / seconds),
    };
  } finally {
    client.close();
    await a.close();
    await b.close();
  }
}

/** Both adapters, taking turns twice so that a neighbour's burst does not land on one only. */
export async function compareAdapters(rounds = 2): Promise<AdapterFigures[]> {
  const runs: AdapterFigures[][] = factories.map(() => []);
  for (let r = 0; r < rounds; r++) for (const [i, f] of factories.entries()) runs[i]!.push(await measureAdapter(f));
  // Per adapter, the run with the median p99.
  return runs.map((rs) => [...rs].sort((x, y) => x.p99 - y.p99)[Math.floor((rs.length - 1) / 2)]!);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await compareAdapters()) console.log(`${f.adapter}: p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.perSecond} broadcasts/s`);
  process.exit(0);
}
