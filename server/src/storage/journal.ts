import { join } from 'node:path';
import type { DocEvent } from '../../../shared/index.js';
import { writeText } from './fs.js';
import type { StorageFile, StorageFs } from './fs.js';
import { fsyncPath, isErrno } from './fsync.js';
import { SegmentIndex, segmentName } from './segments.js';
import type { StorageStats } from './types.js';

interface Group {
  lines: string[];
  events: DocEvent[];
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface Rotation {
  resolve: (closedUpTo: number) => void;
  reject: (e: unknown) => void;
}

/**
 * The append-only event journal, with group commit.
 *
 * append() only queues the serialised lines; a single writer loop takes
 * everything queued while the previous write+fdatasync was in flight and sends
 * it as one write followed by one fdatasync, so N concurrent appends cost one
 * sync, not N. Order is the order of the append() calls.
 *
 * Each process writes to a fresh segment (max existing + 1), opened lazily at
 * the first write: a segment torn by a crash is never appended to, so a
 * half-written last line can never be glued to the next event.
 *
 * A crash can tear only the last group of a segment, and replay keeps its complete
 * lines: an append of several events may then come back in part. Every operation
 * of the app is a single event today; one that needs several atomically should
 * carry them in one event.
 *
 * A failed write or fdatasync is fatal for the journal (fail-stop, like
 * PostgreSQL after fsyncgate): the kernel may have dropped the dirty pages, so a
 * retried sync could report success for data that is gone. Every later append
 * rejects; the operator restarts, and recovery replays what is really on disk.
 */
export class Journal {
  readonly #dir: string;
  readonly #fs: StorageFs;
  readonly #log: (msg: string) => void;
  #segNo: number;
  #fh: StorageFile | null = null;
  #pending: Group | null = null;
  #rotation: Rotation | null = null;
  #running: Promise<void> | null = null;
  #failed: Error | null = null;
  #closed = false;
  /** What the segments written here, and those scanned at start-up, hold. */
  readonly #index = new SegmentIndex();
  readonly #stats: StorageStats = { appends: 0, events: 0, syncs: 0, bytes: 0, maxGroup: 0 };

  private constructor(fs: StorageFs, dir: string, nextSegment: number, log: (msg: string) => void) {
    this.#fs = fs;
    this.#dir = dir;
    this.#segNo = nextSegment;
    this.#log = log;
  }

  /** Opens the journal in `dir`; `existing` are the segments earlier runs left (see listSegments). */
  static create(fs: StorageFs, dir: string, existing: readonly number[], log: (msg: string) => void): Journal {
    const last = existing.length > 0 ? existing[existing.length - 1]! : 0;
    return new Journal(fs, dir, last + 1, log);
  }

  get dir(): string {
    return this.#dir;
  }

  stats(): StorageStats {
    return { ...this.#stats };
  }

  append(events: readonly DocEvent[]): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#closed) return Promise.reject(new Error('journal is closed'));
    if (events.length === 0) return Promise.resolve();
    let g = this.#pending;
    if (!g) {
      g = newGroup();
      this.#pending = g;
    }
    const mark = g.lines.length;
    try {
      for (const ev of events) {
        g.lines.push(JSON.stringify(ev));
        g.events.push(ev);
      }
    } catch (e) {
      // All of this call's events or none: drop the ones already queued.
      g.lines.length = mark;
      g.events.length = mark;
      return Promise.reject(e);
    }
    this.#stats.appends++;
    this.#kick();
    return g.promise;
  }

  /**
   * Closes the current segment (if anything was written to it) so that new
   * events go to a new one. Resolves with the highest segment number that is
   * now closed; the one in flight, if any, finishes first.
   */
  rotate(): Promise<number> {
    if (this.#failed) return Promise.reject(this.#failed);
    if (this.#closed) return Promise.reject(new Error('journal is closed'));
    return new Promise<number>((resolve, reject) => {
      const prev = this.#rotation;
      // Two rotations requested before the loop gets to them are one rotation.
      this.#rotation = prev
        ? { resolve: (n) => (prev.resolve(n), resolve(n)), reject: (e) => (prev.reject(e), reject(e)) }
        : { resolve, reject };
      this.#kick();
    });
  }

  /**
   * Records what a segment read at start-up holds (highest seq per document),
   * which makes it eligible for compaction. Segments never recorded are kept.
   */
  noteScannedSegment(segNo: number, seqs: Map<string, number>): void {
    if (segNo >= this.#segNo) throw new Error(`segment ${segNo} is not closed`);
    this.#index.set(segNo, seqs);
  }

  /** Closed segments whose content is known, with the highest seq per document in each. */
  closedSegments(): Array<[number, ReadonlyMap<string, number>]> {
    return this.#index.below(this.#segNo);
  }

  /** Deletes closed segments and makes the deletion durable. */
  async drop(segNos: readonly number[]): Promise<void> {
    if (segNos.length === 0) return;
    for (const no of segNos) {
      if (no >= this.#segNo) throw new Error(`segment ${no} is not closed`);
      await this.#fs.unlink(join(this.#dir, segmentName(no))).catch((e: unknown) => {
        if (!isErrno(e, 'ENOENT')) throw e;
      });
      this.#index.forget(no);
    }
    await fsyncPath(this.#fs, this.#dir);
  }

  /** Waits for queued events to be durable, then closes the file. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#running) await this.#running;
    if (this.#fh) {
      await this.#fh.close();
      this.#fh = null;
    }
  }

  #kick(): void {
    // The loop starts on a microtask so that every append made in the same tick joins the first group.
    if (!this.#running) this.#running = Promise.resolve().then(() => this.#loop());
  }

  async #loop(): Promise<void> {
    for (;;) {
      const rot = this.#rotation;
      if (rot) {
        this.#rotation = null;
        try {
          rot.resolve(await this.#rotateNow());
        } catch (e) {
          this.#fail(e);
          rot.reject(e);
        }
        continue;
      }
      const g = this.#pending;
      if (!g) {
        // Cleared in the same synchronous step as the emptiness check, so an append
        // arriving after this point always starts a new loop.
        this.#running = null;
        return;
      }
      this.#pending = null;
      await this.#commit(g);
    }
  }

  async #commit(g: Group): Promise<void> {
    if (this.#failed) {
      g.reject(this.#failed);
      return;
    }
    if (g.lines.length === 0) {
      // Only possible when every event of the group's only append failed to serialise.
      g.resolve();
      return;
    }
    try {
      const fh = this.#fh ?? (await this.#openSegment());
      const seqs = this.#index.ensure(this.#segNo);
      // Noted before the write: if it fails half-way the segment may hold these events.
      for (const ev of g.events) if ((seqs.get(ev.docId) ?? 0) < ev.seq) seqs.set(ev.docId, ev.seq);
      // Encoded a megabyte at a time: the creation event of a document made from a 16 MB file is tens of MB.
      const bytes = await writeText(fh, g.lines.length === 1 ? `${g.lines[0]!}\n` : `${g.lines.join('\n')}\n`);
      await fh.datasync();
      this.#stats.syncs++;
      this.#stats.events += g.events.length;
      this.#stats.bytes += bytes;
      if (g.events.length > this.#stats.maxGroup) this.#stats.maxGroup = g.events.length;
      g.resolve();
    } catch (e) {
      this.#fail(e);
      g.reject(e);
    }
  }

  async #openSegment(): Promise<StorageFile> {
    // 'ax': a segment that already exists means another writer on this directory; refuse rather than interleave.
    const fh = await this.#fs.open(join(this.#dir, segmentName(this.#segNo)), 'ax');
    // The new file's directory entry must be durable too, or a crash could lose the whole segment.
    await fsyncPath(this.#fs, this.#dir);
    this.#fh = fh;
    return fh;
  }

  async #rotateNow(): Promise<number> {
    if (this.#fh) {
      await this.#fh.close();
      this.#fh = null;
      this.#segNo++;
    }
    return this.#segNo - 1;
  }

  #fail(e: unknown): void {
    if (this.#failed) return;
    this.#failed = e instanceof Error ? e : new Error(String(e));
    this.#log(`storage: journal write failed, refusing further appends: ${this.#failed.message}`);
    const g = this.#pending;
    this.#pending = null;
    g?.reject(this.#failed);
  }
}

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Callers may drop the promise of a failed group; the rejection is reported through the log.
  promise.catch(() => {});
  return { lines: [], events: [], promise, resolve, reject };
}
