import type { Pool } from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocEvent } from '../../../shared/index.js';
import { DocumentService } from '../../src/services/documents/index.js';
import type { DocumentOps } from '../../src/services/documents/ops.js';
import { createStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/index.js';
import { migrate } from '../../src/storage/pg/migrate.js';
import { openPool } from '../../src/storage/pg/pool.js';
import { tempSchema } from './pg.js';
import type { TempSchema } from './pg.js';

/** One Anor node's document service over a shared database (its own data dir, as two hosts would have). */
export interface DocNode {
  storage: Storage;
  service: DocumentService;
  ops: DocumentOps;
  /** Every event this node published, per document, in publication order. */
  published: Map<string, DocEvent[]>;
  close(): Promise<void>;
}

export async function openDocNode(databaseUrl: string): Promise<DocNode> {
  const dataDir = await mkdtemp(join(tmpdir(), 'anor-node-'));
  const storage = await createStorage({ dataDir, databaseUrl, log: () => {} });
  const service = new DocumentService(storage.documents, { stubsEveryMs: 200 });
  await service.load();
  const published = new Map<string, DocEvent[]>();
  service.engine.onCommitted((docId, events) => {
    let list = published.get(docId);
    if (!list) published.set(docId, (list = []));
    list.push(...events);
  });
  let closed = false;
  return {
    storage,
    service,
    ops: service.ops(),
    published,
    async close() {
      if (closed) return;
      closed = true;
      await service.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A database schema per test (migrated, with a pool on it) and the nodes opened on it. */
export interface PgNodes {
  readonly pool: Pool;
  readonly url: string;
  /** A node on this test's schema, closed after the test. */
  node(): Promise<DocNode>;
  /** Something else to close after the test (after the nodes, before the pool). */
  closeLater(c: { close(): Promise<void> }): void;
}

/** Registers beforeEach/afterEach in the calling describe: a fresh schema for every test, dropped after it. */
export function pgNodesPerTest(): PgNodes {
  let schema: TempSchema | undefined;
  let pool: Pool | undefined;
  const nodes: DocNode[] = [];
  const others: { close(): Promise<void> }[] = [];
  beforeEach(async () => {
    schema = await tempSchema();
    pool = openPool(schema.url, () => undefined);
    await migrate(pool);
  });
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.close();
    for (const c of others.splice(0)) await c.close();
    await pool?.end();
    await schema?.drop();
  });
  return {
    get pool() {
      if (!pool) throw new Error('no pool outside a test');
      return pool;
    },
    get url() {
      if (!schema) throw new Error('no schema outside a test');
      return schema.url;
    },
    async node() {
      if (!schema) throw new Error('no schema outside a test');
      const n = await openDocNode(schema.url);
      nodes.push(n);
      return n;
    },
    closeLater(c) {
      others.push(c);
    },
  };
}
