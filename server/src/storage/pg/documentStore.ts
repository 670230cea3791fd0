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
import { eventsAfter, insertEvents, lockDocument } from './commits.js';
import { isUniqueViolation } from './rows.js';
import { writeParts } from './snapshotRows.js';
import { stubOf } from '../stub.js';

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
 */
export class PgDocumentStore implements DocumentStore, SharedDocuments {
  /** What this node knows is in each document's stored snapshot (docParts.ts). */
  private readonly trackers = new Map<string, PartTracker>();
  private readonly feed: Feed;
  private checkpoints: Promise<void> = Promise.resolve();
  private readonly counters: StorageStats = { appends: 0, events: 0, syncs: 0, bytes: 0, maxGroup: 0 };
  readonly shared: SharedDocuments = this;

  constructor(
    private readonly pool: Pool,
    url: string,
    log: (msg: string) => void,
  ) {
    this.feed = new Feed(url, log);
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
      for (const job of jobs) if (await writeParts(this.pool, job)) job.done();
    });
    this.checkpoints = run.catch(() => {});
    return run;
  }

  stats(): StorageStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    await this.checkpoints;
    await this.feed.close();
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

  async eventsAfter(docId: string, seq: number): Promise<StoredEvent[]> {
    const found = await eventsAfter(this.pool, docId, seq);
    this.trackers.get(docId)?.note(found.map((e) => e.event));
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

  /** Forgets what this node knew of a document's snapshot: a later read starts afresh. */
  released(docId: string): void {
    this.trackers.delete(docId);
  }
}
