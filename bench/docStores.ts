import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { DocumentState } from '../shared/index.js';
import { DocumentService } from '../server/src/services/documents/index.js';
import { createStorage } from '../server/src/storage/index.js';
import type { Storage } from '../server/src/storage/index.js';
import { DocEventFactory, editBurst, reduceAll, tempDataDir } from '../server/test/helpers/storageFactories.js';
import { round } from './stats.js';

export interface DocStoreFigures {
  backend: 'embedded' | 'postgres';
  revisions: number;
  /** Start-up (load) until the document is in memory and joinable. */
  loadMs: number;
  /** Of which: the first open of the document (PostgreSQL: parts + events; embedded: already in memory after load). */
  firstOpenMs: number;
  /** Longest main-thread stall while a checkpoint after a few edits runs. */
  checkpointStallMs: number;
  /** Wall time of that checkpoint. */
  checkpointMs: number;
}

const PARAGRAPHS = 100;
const EDITS_BEFORE_CHECKPOINT = 20;

/** Longest gap between 1 ms timer ticks while `fn` runs: how long the main thread was blocked at a stretch. */
async function stallDuring(fn: () => Promise<void>): Promise<{ stallMs: number; ms: number }> {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  max = Math.max(max, performance.now() - last);
  return { stallMs: round(max, 1), ms: round(ms, 1) };
}

function bigDocument(revisions: number): { doc: DocumentState; events: ReturnType<typeof editBurst> } {
  const f = new DocEventFactory('big');
  const events = [f.created(PARAGRAPHS), ...editBurst(f, revisions, PARAGRAPHS)];
  const doc = reduceAll(events).get('big');
  if (!doc) throw new Error('no document');
  return { doc, events };
}

export async function withSchema<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const base = process.env.ANOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `anor_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE SCHEMA ${name}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${name}`);
  try {
    return await fn(url.toString());
  } finally {
    await admin(`DROP SCHEMA ${name} CASCADE`);
  }
}

async function measure(backend: DocStoreFigures['backend'], revisions: number, databaseUrl?: string): Promise<DocStoreFigures> {
  const { dir, remove } = await tempDataDir();
  const open = (): Promise<Storage> => createStorage({ dataDir: dir, databaseUrl, log: () => {} });
  try {
    const { doc, events } = bigDocument(revisions);
    // Seeding: the document as a snapshot at its last seq, the way a long-lived document rests.
    let storage = await open();
    if (backend === 'postgres') {
      if (!storage.documents.importDocument) throw new Error('no importDocument');
      await storage.documents.importDocument(doc);
    } else {
      await storage.documents.load();
      await storage.documents.append(events);
      await storage.documents.checkpoint([doc]);
    }
    await storage.close();

    storage = await open();
    const service = new DocumentService(storage.documents);
    const t0 = performance.now();
    await service.load();
    const t1 = performance.now();
    await service.reads.open('big');
    const t2 = performance.now();
    const ops = service.ops();
    for (let i = 0; i < EDITS_BEFORE_CHECKPOINT; i++) {
      const paragraphId = `p${(i % 2) + 1}`;
      const snap = await service.reads.snapshot('big');
      const rev = snap.paragraphs.find((p) => p.id === paragraphId)?.cells.zh?.rev ?? 0;
      await ops.editCell({ docId: 'big', paragraphId, lang: 'zh', opId: `bench-${i}`, baseRev: rev, text: `after ${i}` }, 'u1');
    }
    const cp = await stallDuring(() => service.checkpoint());
    await service.close();
    await storage.close();
    return {
      backend,
      revisions,
      loadMs: round(t2 - t0, 1),
      firstOpenMs: round(t2 - t1, 1),
      checkpointStallMs: cp.stallMs,
      checkpointMs: cp.ms,
    };
  } finally {
    await remove();
  }
}

/** Opening the storage and loading the document service over `docs` documents of `edits` edits each, at rest. */
async function measureStartup(backend: DocStoreFigures['backend'], docs: number, edits: number, databaseUrl?: string): Promise<number> {
  const { dir, remove } = await tempDataDir();
  const open = (): Promise<Storage> => createStorage({ dataDir: dir, databaseUrl, log: () => {} });
  try {
    let storage = await open();
    if (backend === 'embedded') await storage.documents.load();
    const all: DocumentState[] = [];
    for (let d = 0; d < docs; d++) {
      const f = new DocEventFactory(`doc${d}`);
      const events = [f.created(20), ...editBurst(f, edits, 20)];
      const doc = reduceAll(events).get(f.docId);
      if (!doc) throw new Error('no document');
      if (backend === 'postgres') await storage.documents.importDocument?.(doc);
      else await storage.documents.append(events);
      all.push(doc);
    }
    if (backend === 'embedded') await storage.documents.checkpoint(all);
    await storage.close();
    const t0 = performance.now();
    storage = await open();
    const service = new DocumentService(storage.documents);
    await service.load();
    const ms = performance.now() - t0;
    if (service.reads.count() !== docs) throw new Error(`expected ${docs} documents, found ${service.reads.count()}`);
    await service.close();
    await storage.close();
    return round(ms, 1);
  } finally {
    await remove();
  }
}

/** Start-up with `docs` documents at rest, embedded and PostgreSQL (ms). */
export async function benchStartup(docs: number, edits: number): Promise<{ embeddedMs: number; postgresMs: number }> {
  const embeddedMs = await measureStartup('embedded', docs, edits);
  const postgresMs = await withSchema((url) => measureStartup('postgres', docs, edits, url));
  return { embeddedMs, postgresMs };
}

/**
 * A document with `revisions` revisions of history, resting as a snapshot:
 * start-up and first open, then the checkpoint after a few edits, on the
 * embedded store (whole-document snapshot) and on PostgreSQL (parts touched
 * since the last snapshot only).
 */
export async function benchDocStores(revisions: number): Promise<DocStoreFigures[]> {
  const embedded = await measure('embedded', revisions);
  const postgres = await withSchema((url) => measure('postgres', revisions, url));
  return [embedded, postgres];
}

export interface CommitRate {
  setup: string;
  editsPerSecond: number;
  conflicts: number;
}

/**
 * Durable edits per second into one document: `writers` writers, each typing
 * `each` edits into its own cell and awaiting every ack, spread over `nodes`
 * document services (in one process, each with its own pool and LISTEN
 * connection). No sockets: the cost of the commit path alone.
 */
async function commitRate(setup: string, nodes: number, writers: number, each: number, databaseUrl?: string): Promise<CommitRate> {
  const dirs = await Promise.all(Array.from({ length: nodes }, () => tempDataDir()));
  const storages = await Promise.all(dirs.map((d) => createStorage({ dataDir: d.dir, databaseUrl, log: () => {} })));
  const services = storages.map((s) => new DocumentService(s.documents));
  try {
    for (const s of services) await s.load();
    const first = services[0]!;
    const paragraphs = Array.from({ length: writers }, (_, i) => `Paragraph ${i}.`);
    const { id } = await first.engine.create({ title: 'Rate', sourceLang: 'en', targetLangs: ['zh'], paragraphs }, 'u1');
    const pids = (await first.reads.snapshot(id)).paragraphs.map((p) => p.id);
    for (const s of services) await s.reads.open(id);
    const t0 = performance.now();
    await Promise.all(
      pids.map(async (paragraphId, w) => {
        const s = services[w % nodes]!;
        const ops = s.ops();
        let rev = 0;
        for (let i = 0; i < each; i++) {
          const ack = await ops.editCell(
            { docId: id, paragraphId, lang: 'zh', opId: `w${w}-${i}`, baseRev: rev, text: `edit ${i} of ${w}` },
            `u${w}`,
          );
          rev = ack.rev;
        }
      }),
    );
    const ms = performance.now() - t0;
    const conflicts = services.reduce((n, s) => n + (s.engine.shared?.conflicts ?? 0), 0);
    return { setup, editsPerSecond: Math.round((writers * each * 1000) / ms), conflicts };
  } finally {
    for (const s of services) await s.close();
    for (const s of storages) await s.close();
    for (const d of dirs) await d.remove();
  }
}

/** Edits/s into one document: embedded, PostgreSQL on one node, PostgreSQL on two nodes. */
export async function benchCommitRates(writers: number, each: number): Promise<CommitRate[]> {
  const out = [await commitRate('embedded', 1, writers, each)];
  out.push(await withSchema((url) => commitRate('PostgreSQL, one node', 1, writers, each, url)));
  out.push(await withSchema((url) => commitRate('PostgreSQL, two nodes', 2, writers, each, url)));
  return out;
}
