import { performance } from 'node:perf_hooks';
import { createStorage } from '../server/src/storage/index.js';
import { DocEventFactory, editBurst, tempDataDir } from '../server/test/helpers/storageFactories.js';

export interface StorageBenchResult {
  edits: number;
  writers: number;
  editsPerSecond: number;
  syncs: number;
  eventsPerSync: number;
  avgEventBytes: number;
  replayEvents: number;
  replayMs: number;
}

/**
 * Durable-edit throughput and start-up replay, on real files in a temp dir.
 * `writers` concurrent writers each edit their own document and await every
 * append before the next, the way a socket handler awaits durability before it
 * acks and broadcasts; the journal turns their overlap into group commits.
 * Exported for bench/run.mjs (built into dist/); fan-out to peers is measured there.
 */
export async function benchStorage(opts: { edits?: number; writers?: number } = {}): Promise<StorageBenchResult> {
  const edits = opts.edits ?? 100_000;
  const writers = opts.writers ?? 64;
  const { dir, remove } = await tempDataDir();
  try {
    const storage = await createStorage({ dataDir: dir, log: () => {} });
    await storage.documents.load();
    const factories = Array.from({ length: writers }, (_, i) => new DocEventFactory(`bench${i}`));
    await storage.documents.append(factories.map((f) => f.created(20)));
    const perWriter = Math.ceil(edits / writers);
    // Events are built up front so that the timing covers storage only.
    const streams = factories.map((f) => editBurst(f, perWriter, 20));
    const before = storage.documents.stats();
    const t0 = performance.now();
    await Promise.all(
      streams.map(async (events) => {
        for (const ev of events) await storage.documents.append([ev]);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const after = storage.documents.stats();
    await storage.close();

    const reopened = await createStorage({ dataDir: dir, log: () => {} });
    const t1 = performance.now();
    const loaded = await reopened.documents.load();
    const replayMs = performance.now() - t1;
    await reopened.close();

    const done = after.events - before.events;
    const syncs = after.syncs - before.syncs;
    return {
      edits: done,
      writers,
      editsPerSecond: Math.round(done / seconds),
      syncs,
      eventsPerSync: Math.round((done / syncs) * 10) / 10,
      avgEventBytes: Math.round((after.bytes - before.bytes) / done),
      replayEvents: loaded.replayed,
      replayMs: Math.round(replayMs),
    };
  } finally {
    await remove();
  }
}
