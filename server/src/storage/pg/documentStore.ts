import type { Pool } from 'pg';
import { AppError } from '../../../../shared/index.js';
import type { DocEvent, DocumentMeta, DocumentState, Paragraph } from '../../../../shared/index.js';
import type {
  ChangeNotice,
  DocumentStore,
  DocumentStub,
  LoadResult,
  LockedDocument,
  SharedDocuments,
  StorageStats,
  StoredEvent,
} from '../types.js';
import { assemble, PartTracker } from './docParts.js';
import type { CapturedSnapshot } from './docParts.js';
import { CHANNEL, Feed, noticePayload } from './feed.js';
import { inTransaction } from './pool.js';
import { eventsAfter, eventsAfterUnpruned, insertEvents, lockDocument } from './commits.js';
import { DEFAULT_PRUNE, pruneEvents } from './prune.js';
import type { PruneOptions, PruneResult } from './prune.js';
import { isUniqueViolation } from './rows.js';
import { writeParts } from './snapshotRows.js';
import { stubOf } from '../stub.js';

export interface PgDocumentStoreOptions {
  /** Pruning of events below a snapshot (prune.ts); `everyMs`: at most once per document and node this often after a checkpoint. */
  prune?: Partial<PruneOptions> & { everyMs?: number };
}

interface StubRow {
  id: string;
  /** JSON (text, see migration 0003). */
  stub: string;
  deleted: boolean;
  stub_version: string;
}

/**
 * Documents in PostgreSQL, shared by every node (migration 0003): `events`
 * orders each document, `doc_parts`/`doc_revisions` hold incremental
 * snapshots, `documents` the stubs lists read. Nothing is loaded at start-up;
 * `read` rebuilds one document from its parts and the events after them.
 * Events below a snapshot are pruned after the checkpoint that wrote it (at
 * most once a minute per document) and when this node lets the document go.
 */
export class PgDocumentStore implements DocumentStore, SharedDocuments {
  /** What this node knows is in each document's stored snapshot (docParts.ts). */
  private readonly trackers = new Map<string, PartTracker>();
  private readonly feed: Feed;
  private checkpoints: Promise<void> = Promise.resolve();
  private readonly counters: StorageStats = { appends: 0, events: 0, syncs: 0, bytes: 0, maxGroup: 0 };
  readonly shared: SharedDocuments = this;
  private readonly pruneOpts: PruneOptions;
  private readonly pruneEveryMs: number;
  /** When this node last pruned each document it checkpointed. */
  private readonly prunedAt = new Map<string, number>();
  /** One document pruned at a time, apart from the checkpoints (a first prune of a long history takes a while). */
  private pruning: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly pool: Pool,
    url: string,
    private readonly log: (msg: string) => void,
    opts: PgDocumentStoreOptions = {},
  ) {
    this.feed = new Feed(url, log);
    const { everyMs, ...prune } = opts.prune ?? {};
    this.pruneOpts = { ...DEFAULT_PRUNE, ...prune };
    this.pruneEveryMs = everyMs ?? 60_000;
  }

  async load(): Promise<LoadResult> {
    const { stubs, version } = await this.stubsSince(0);
    return { docs: [], stubs, stubVersion: version, warnings: [], replayed: 0 };
  }

  async read(docId: string): Promise<DocumentState | undefined> {
    const built = await this.build(docId);
    // What this node applies from here on is noted against the snapshot it read.
    if (built) this.trackers.set(docId, built.tracker);
    return built?.doc;
  }

  /**
   * A document from its snapshot parts and the events after them, in one
   * consistent view of the rows. Without `history`, the stored revisions are
   * not read (the document's history then holds only what the events after
   * the snapshot add): enough for what derives from paragraphs alone.
   */
  private async build(docId: string, history = true): Promise<ReturnType<typeof assemble>> {
    const stored = await inTransaction(this.pool, async (c) => {
      // One view of the rows, whatever a checkpoint or a commit does meanwhile.
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const row = (
        await c.query<{ snapshot_seq: string; deleted: boolean }>('SELECT snapshot_seq, deleted FROM documents WHERE id = $1', [docId])
      ).rows[0];
      if (!row || row.deleted) return undefined;
      const snapshotSeq = Number(row.snapshot_seq);
      const parts =
        snapshotSeq > 0
          ? (await c.query<{ part: string; body: string }>('SELECT part, body FROM doc_parts WHERE doc_id = $1', [docId])).rows.map(
              (r) => ({
                part: r.part,
                body: JSON.parse(r.body) as unknown,
              }),
            )
          : [];
      const revisions =
        snapshotSeq > 0 && history
          ? (
              await c.query<{ cell: string; idx: number; body: string }>(
                'SELECT cell, idx, body FROM doc_revisions WHERE doc_id = $1 ORDER BY cell, idx',
                [docId],
              )
            ).rows.map((r) => ({ cell: r.cell, idx: r.idx, body: JSON.parse(r.body) as unknown }))
          : [];
      const events = (await eventsAfter(c, docId, snapshotSeq)).map((e) => e.event);
      return { snapshotSeq, parts, revisions, events };
    });
    return stored && assemble(docId, stored);
  }

  append(): Promise<void> {
    return Promise.reject(new Error('a shared document store takes commits through shared.begin, not append'));
  }

  checkpoint(docs: Iterable<DocumentState>): Promise<void> {
    const jobs: (CapturedSnapshot & { stub: string })[] = [];
    for (const doc of docs) {
      let tracker = this.trackers.get(doc.id);
      if (!tracker) this.trackers.set(doc.id, (tracker = new PartTracker(0)));
      const job = tracker.capture(doc);
      if (job) jobs.push({ ...job, stub: JSON.stringify(stubOf(doc)) });
    }
    const run = this.checkpoints.then(async () => {
      for (const job of jobs) {
        if (!(await writeParts(this.pool, job))) continue;
        job.done();
        this.prunedSoon(job.docId);
      }
    });
    this.checkpoints = run.catch(() => {});
    return run;
  }

  stats(): StorageStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    await this.checkpoints;
    this.closing = true;
    await this.pruning;
    await this.feed.close();
  }

  /**
   * Prunes a document's events below its snapshot (prune.ts): what a
   * checkpoint and a release do in the background, with the store's options
   * unless given others.
   */
  prune(docId: string, opts: Partial<PruneOptions> = {}): Promise<PruneResult | undefined> {
    return pruneEvents(this.pool, docId, { ...this.pruneOpts, ...opts }, () => this.closing);
  }

  /** After a checkpoint: prunes the document unless this node did so less than `everyMs` ago. */
  private prunedSoon(docId: string): void {
    const now = Date.now();
    const last = this.prunedAt.get(docId);
    if (last !== undefined && now - last < this.pruneEveryMs) return;
    this.prunedAt.set(docId, now);
    this.schedulePrune(docId);
  }

  private schedulePrune(docId: string): void {
    if (this.closing) return;
    // Housekeeping: a failure costs rows, not data, and the next checkpoint or release tries again.
    this.pruning = this.pruning
      .then(() => this.prune(docId))
      .then(
        () => undefined,
        (err: unknown) => this.log(`database: pruning the events of ${docId} failed: ${String(err)}`),
      );
  }

  /**
   * A taken id (a live document or a deleted one's row) is refused as the embedded store
   * refuses it, AppError `conflict`, and the transaction leaves the existing document as it was.
   */
  async importDocument(doc: DocumentState): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('INSERT INTO documents (id, head_seq, snapshot_seq, stub) VALUES ($1, $2, 0, $3)', [
        doc.id,
        doc.seq,
        JSON.stringify(stubOf(doc)),
      ]);
      const job = new PartTracker(0).capture(doc);
      if (job) await writeParts(c, { ...job, stub: JSON.stringify(stubOf(doc)) });
    }).catch((err: unknown) => {
      throw isUniqueViolation(err) && err.constraint === 'documents_pkey' ? new AppError('conflict', `document ${doc.id} exists`) : err;
    });
  }

  async *exportDocuments(): AsyncIterable<DocumentState> {
    const ids = (await this.pool.query<{ id: string }>('SELECT id FROM documents WHERE NOT deleted ORDER BY created_at, id')).rows;
    for (const { id } of ids) {
      const built = await this.build(id);
      if (built) yield built.doc;
    }
  }

  // ---- SharedDocuments ----

  async *scanParagraphs(skip: (docId: string) => boolean): AsyncIterable<{ meta: DocumentMeta; paragraphs: Paragraph[] }> {
    const ids = (await this.pool.query<{ id: string }>('SELECT id FROM documents WHERE NOT deleted ORDER BY created_at, id')).rows;
    for (const { id } of ids) {
      if (skip(id)) continue;
      const built = await this.build(id, false);
      if (built) yield { meta: built.doc, paragraphs: built.doc.paragraphs };
    }
  }

  async create(ev: DocEvent, stub: DocumentStub): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('INSERT INTO documents (id, head_seq, stub) VALUES ($1, 1, $2)', [ev.docId, JSON.stringify(stub)]);
      await insertEvents(c, [ev]);
      await c.query('SELECT pg_notify($1, $2)', [CHANNEL, noticePayload({ docId: ev.docId, seq: ev.seq, stub: true })]);
    });
    this.trackers.set(ev.docId, new PartTracker(0));
    this.counters.appends++;
    this.counters.events++;
  }

  lock(docId: string, ops: readonly { by: string; opId: string }[], afterSeq: number): Promise<LockedDocument | undefined> {
    return lockDocument(this.pool, docId, ops, afterSeq, (events) => this.trackers.get(docId)?.note(events));
  }

  async eventsAfter(docId: string, seq: number): Promise<StoredEvent[] | 'pruned'> {
    const found = await eventsAfterUnpruned(this.pool, docId, seq);
    if (found !== 'pruned') this.trackers.get(docId)?.note(found.map((e) => e.event));
    return found;
  }

  async stub(docId: string): Promise<DocumentStub | undefined> {
    const row = (await this.pool.query<StubRow>('SELECT stub FROM documents WHERE id = $1 AND NOT deleted', [docId])).rows[0];
    return row && (JSON.parse(row.stub) as DocumentStub);
  }

  async stubsSince(version: number): Promise<{ version: number; stubs: DocumentStub[]; deleted: string[] }> {
    const rows = (
      await this.pool.query<StubRow>(
        'SELECT id, stub, deleted, stub_version FROM documents WHERE stub_version > $1 ORDER BY stub_version',
        [version],
      )
    ).rows;
    let max = version;
    for (const r of rows) max = Math.max(max, Number(r.stub_version));
    return {
      version: max,
      stubs: rows.filter((r) => !r.deleted).map((r) => JSON.parse(r.stub) as DocumentStub),
      deleted: rows.filter((r) => r.deleted).map((r) => r.id),
    };
  }

  listen(onNotice: (n: ChangeNotice) => void, onResume: () => void): () => void {
    return this.feed.listen(onNotice, onResume);
  }

  /** Drops the LISTEN connection as a network failure would (tests). */
  interruptFeed(): void {
    this.feed.interrupt();
  }

  /**
   * Forgets what this node knew of a document's snapshot: a later read starts
   * afresh. The document's last events below its snapshot, which its last
   * checkpoints left (too recent, or pruned less than a minute before), are
   * pruned now: it may not be checkpointed again for a long time.
   */
  released(docId: string): void {
    this.trackers.delete(docId);
    this.prunedAt.delete(docId);
    this.schedulePrune(docId);
  }
}
