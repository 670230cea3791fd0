import { join } from 'node:path';
import type { DocEvent, DocumentState } from '../../../shared/index.js';
import type { DocumentStore, LoadOptions, LoadResult, StorageStats } from './types.js';
import { nodeFs } from './fs.js';
import type { StorageFs } from './fs.js';
import { ensureDir, fsyncPath } from './fsync.js';
import { Journal } from './journal.js';
import { listSegments, segmentName } from './segments.js';
import { forEachLine } from './lines.js';
import { mapLimit } from './pool.js';
import { looksLikeEvent, Replay, Warnings } from './replay.js';
import {
  captureSnapshot,
  readSnapshot,
  readSnapshots,
  removePrevCopy,
  removeSnapshot,
  serializeSnapshot,
  snapshotIds,
  writeSnapshot,
} from './snapshots.js';
import type { SnapshotFile } from './snapshots.js';
import { AppError } from '../../../shared/index.js';

interface SnapshotJob {
  id: string;
  seq: number;
  /** The snapshot's JSON as of `seq`, in pieces to write one after the other (captureSnapshot). */
  render: () => Promise<string[]>;
}

/**
 * Documents on local files: `docs/<id>.json` snapshots plus the journal in
 * `journal/<n>.jsonl` (see journal.ts for group commit, snapshots.ts for the file format).
 *
 * Compaction rule: a closed journal segment is deleted only when, for every
 * document with events in it, the highest seq there is covered by a durable
 * snapshot (or by a durable deletion whose snapshot file is already gone). The
 * rule is checked, not assumed, so it holds whether callers apply events to
 * their in-memory documents before or after appending them, and whatever is
 * appended while a checkpoint runs; a segment that is not yet covered simply
 * waits for a later checkpoint.
 */
export class LowdbDocumentStore implements DocumentStore {
  readonly #fs: StorageFs;
  readonly #docsDir: string;
  readonly #journal: Journal;
  /** Segments that were on disk at open, i.e. what load() replays. */
  readonly #startupSegments: readonly number[];
  readonly #log: (msg: string) => void;
  /** Highest seq per document known to be covered on disk (durable snapshot, or deletion with its snapshot removed). */
  readonly #covered = new Map<string, number>();
  /** Durable deletions whose snapshot file has not been removed yet: id → seq of the deletion. */
  readonly #deleted = new Map<string, number>();
  /** Documents with a `.prev` snapshot copy an older version left behind. */
  readonly #prevCopies = new Set<string>();
  /** Documents the start-up replay moved past their snapshot: id → seq the journal brought them to. */
  readonly #replayedTo = new Map<string, number>();
  #checkpoints: Promise<void> = Promise.resolve();
  #loaded = false;

  private constructor(fs: StorageFs, docsDir: string, journal: Journal, startupSegments: readonly number[], log: (msg: string) => void) {
    this.#fs = fs;
    this.#docsDir = docsDir;
    this.#journal = journal;
    this.#startupSegments = startupSegments;
    this.#log = log;
  }

  /** `fs`: node:fs/promises, or a test's power-loss file system (server/test/powerLoss.test.ts). */
  static async open(dataDir: string, log: (msg: string) => void, fs: StorageFs = nodeFs): Promise<LowdbDocumentStore> {
    const docsDir = join(dataDir, 'docs');
    const journalDir = join(dataDir, 'journal');
    await ensureDir(fs, docsDir);
    await ensureDir(fs, journalDir);
    const segments = await listSegments(fs, journalDir);
    return new LowdbDocumentStore(fs, docsDir, Journal.create(fs, journalDir, segments, log), segments, log);
  }

  /**
   * Start-up recovery. Meant to be called once, before the first append: it
   * reads what earlier runs left, and the events of this run are in memory anyway.
   */
  async load(opts: LoadOptions = {}): Promise<LoadResult> {
    if (this.#loaded) throw new Error('load() runs once, at start-up');
    this.#loaded = true;
    const warnings = new Warnings();
    // With stubs, only the documents the journal touches are read whole (the replay needs them); the rest by their header.
    const touched = opts.stubs ? await this.#journalDocIds() : undefined;
    const read = await readSnapshots(this.#fs, this.#docsDir, touched ? (id) => touched.has(id) : undefined);
    for (const w of read.warnings) warnings.add(w);
    for (const h of read.headers) this.#covered.set(h.stub.meta.id, h.seq);
    // Version 1 files have no header: rewritten once (same seq, before the replay changes them) so the next start reads less.
    if (read.unversioned.length > 0)
      await this.#rewrite(
        read.snapshots.filter((s) => read.unversioned.includes(s.doc.id)),
        warnings,
      );
    for (const id of read.prevCopies) this.#prevCopies.add(id);
    const docs = new Map<string, DocumentState>();
    for (const s of read.snapshots) {
      docs.set(s.doc.id, s.doc);
      this.#covered.set(s.doc.id, s.seq);
    }
    const replay = new Replay(docs, warnings);
    for (const segNo of this.#startupSegments) await this.#replaySegment(segNo, replay, warnings);
    replay.finish();
    for (const [id, seq] of replay.deleted) this.#deleted.set(id, seq);

    // Fold what the journal added into snapshots right away, so the segments a crash
    // left behind are dropped now rather than whenever those documents change again.
    const recovered = [...docs.values()].filter((d) => d.seq > (this.#covered.get(d.id) ?? 0));
    for (const d of recovered) this.#replayedTo.set(d.id, d.seq);
    if (this.#startupSegments.length > 0) {
      await this.checkpoint(recovered).catch((e: unknown) => {
        warnings.add(`recovery checkpoint failed, the journal is kept: ${e instanceof Error ? e.message : String(e)}`);
      });
    }

    const result: LoadResult = { docs: [...docs.values()], warnings: warnings.done(), replayed: replay.replayed };
    if (touched) result.stubs = read.headers.map((h) => h.stub);
    for (const w of result.warnings) this.#log(`storage: ${w}`);
    return result;
  }

  /** The documents the journal left by earlier runs has events of: a first, cheap pass (the journal is short after a checkpoint). */
  async #journalDocIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const segNo of this.#startupSegments) {
      await forEachLine(this.#fs, join(this.#journal.dir, segmentName(segNo)), (line, _lineNo, complete) => {
        if (!complete) return;
        try {
          const ev: unknown = JSON.parse(line);
          if (looksLikeEvent(ev)) ids.add(ev.docId);
        } catch {
          // A corrupt line: the replay reports it.
        }
      });
    }
    return ids;
  }

  async #rewrite(snapshots: readonly SnapshotFile[], warnings: Warnings): Promise<void> {
    try {
      await mapLimit(snapshots, 4, (s) => writeSnapshot(this.#fs, this.#docsDir, s.doc.id, serializeSnapshot(s.doc)));
      await fsyncPath(this.#fs, this.#docsDir);
    } catch (e) {
      warnings.add(
        `rewriting version 1 snapshots with a header failed, they are read whole again next time: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  /**
   * Replays one segment. A segment with a corrupt line (not a torn last line, which
   * is an ordinary crash) is never registered for compaction: it stays on disk for
   * someone to inspect, and its warning repeats at every start until it is removed.
   */
  async #replaySegment(segNo: number, replay: Replay, warnings: Warnings): Promise<void> {
    const name = segmentName(segNo);
    const seqs = new Map<string, number>();
    let damaged = false;
    await forEachLine(this.#fs, join(this.#journal.dir, name), (line, lineNo, complete) => {
      const where = `journal/${name} line ${lineNo}`;
      if (!complete) {
        // A crash in the middle of a write: that group was never acknowledged, so nothing promised is lost.
        warnings.add(`${where}: truncated last line (${line.length} chars, interrupted write) skipped`);
        return;
      }
      let ev: unknown;
      try {
        ev = JSON.parse(line);
      } catch {
        ev = undefined;
      }
      if (!looksLikeEvent(ev)) {
        damaged = true;
        warnings.add(`${where}: corrupt line skipped; the segment is kept for inspection`);
        return;
      }
      if ((seqs.get(ev.docId) ?? 0) < ev.seq) seqs.set(ev.docId, ev.seq);
      replay.apply(ev, where);
    });
    if (!damaged) this.#journal.noteScannedSegment(segNo, seqs);
  }

  async read(docId: string): Promise<DocumentState | undefined> {
    // A checkpoint writing this document right now would leave the older snapshot readable: wait for it.
    await this.#checkpoints;
    const file = await readSnapshot(this.#fs, this.#docsDir, docId);
    return file?.doc;
  }

  append(events: readonly DocEvent[]): Promise<void> {
    const done = this.#journal.append(events);
    for (const ev of events) {
      if (ev.type !== 'document.deleted') continue;
      // Registered before the caller's own continuation, so a checkpoint started after append() resolves sees it.
      done.then(
        () => this.#deleted.set(ev.docId, ev.seq),
        () => {},
      );
    }
    return done;
  }

  checkpoint(docs: Iterable<DocumentState>): Promise<void> {
    const jobs: SnapshotJob[] = [];
    for (const doc of docs) {
      // Unchanged since its last durable snapshot: nothing to write.
      if (doc.seq <= (this.#covered.get(doc.id) ?? 0)) continue;
      // Captured now, with the rotation below; the bulk (history) is serialised in slices when written.
      jobs.push({ id: doc.id, ...captureSnapshot(doc) });
    }
    // Rotation is requested now so that events appended from here on land in a segment this checkpoint leaves alone.
    const rotated = this.#journal.rotate();
    rotated.catch(() => {});
    const run = this.#checkpoints.then(() => this.#runCheckpoint(jobs, rotated));
    this.#checkpoints = run.catch(() => {});
    return run;
  }

  importDocument(doc: DocumentState): Promise<void> {
    if (!this.#loaded) return Promise.reject(new Error('importDocument() runs after load()'));
    // Queued with the checkpoints, so it never races one writing the same directory.
    const run = this.#checkpoints.then(async () => {
      const taken = this.#covered.has(doc.id) || this.#deleted.has(doc.id) || this.#replayedTo.has(doc.id);
      if (taken || (await readSnapshot(this.#fs, this.#docsDir, doc.id).catch(() => true))) {
        throw new AppError('conflict', `document ${doc.id} exists`);
      }
      await writeSnapshot(this.#fs, this.#docsDir, doc.id, serializeSnapshot(doc));
      await fsyncPath(this.#fs, this.#docsDir);
      this.#covered.set(doc.id, doc.seq);
    });
    this.#checkpoints = run.catch(() => {});
    return run;
  }

  /**
   * Reads the snapshots one by one. Every event is in them once load() has
   * folded the journal in; if that recovery checkpoint failed, a document the
   * journal moved is refused rather than exported at an older seq.
   */
  async *exportDocuments(): AsyncIterable<DocumentState> {
    if (!this.#loaded) throw new Error('exportDocuments() runs after load()');
    for (const [id, seq] of this.#replayedTo) {
      if (!this.#deleted.has(id) && (this.#covered.get(id) ?? 0) < seq) {
        throw new Error(
          `document ${id} has journal events no snapshot holds yet (the recovery checkpoint failed); fix the data directory first`,
        );
      }
    }
    for (const id of await snapshotIds(this.#fs, this.#docsDir)) {
      if (this.#deleted.has(id)) continue;
      const doc = await this.read(id);
      if (doc) yield doc;
    }
  }

  stats(): StorageStats {
    return this.#journal.stats();
  }

  async close(): Promise<void> {
    await this.#checkpoints;
    await this.#journal.close();
  }

  async #runCheckpoint(jobs: readonly SnapshotJob[], rotated: Promise<number>): Promise<void> {
    await rotated;
    const toWrite = jobs.filter((job) => {
      const deletedAt = this.#deleted.get(job.id);
      // Never move a snapshot backwards, and never resurrect a document deleted meanwhile.
      return job.seq > (this.#covered.get(job.id) ?? 0) && !(deletedAt !== undefined && deletedAt > job.seq);
    });
    await mapLimit(toWrite, 4, async (job) => writeSnapshot(this.#fs, this.#docsDir, job.id, await job.render()));
    const rewritten = new Map<string, number>();
    for (const job of toWrite) rewritten.set(job.id, job.seq);
    // A snapshot written just now that is newer than the deletion belongs to a later life of the id; keep it.
    const deletions = [...this.#deleted].filter(([id, seq]) => (rewritten.get(id) ?? 0) < seq);
    for (const [id] of deletions) await removeSnapshot(this.#fs, this.#docsDir, id);
    // One directory sync makes every rename and unlink above durable, before any segment goes.
    await fsyncPath(this.#fs, this.#docsDir);
    for (const job of toWrite) {
      if (!this.#prevCopies.delete(job.id)) continue;
      await removePrevCopy(this.#fs, this.#docsDir, job.id);
    }
    for (const [id, seq] of rewritten) if (seq > (this.#covered.get(id) ?? 0)) this.#covered.set(id, seq);
    for (const [id, seq] of deletions) {
      if ((this.#covered.get(id) ?? 0) < seq) this.#covered.set(id, seq);
      if (this.#deleted.get(id) === seq) this.#deleted.delete(id);
    }
    const droppable: number[] = [];
    for (const [no, seqs] of this.#journal.closedSegments()) {
      let covered = true;
      for (const [docId, seq] of seqs) {
        if ((this.#covered.get(docId) ?? 0) < seq) {
          covered = false;
          break;
        }
      }
      if (covered) droppable.push(no);
    }
    await this.#journal.drop(droppable);
  }
}
