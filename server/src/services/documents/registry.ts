import { AppError, DEFAULT_SETTINGS } from '../../../../shared/index.js';
import type { DocumentMeta, DocumentSettings, DocumentState } from '../../../../shared/index.js';
import type { DocumentStore, DocumentStub, SharedDocuments } from '../../storage/types.js';
import { OP_IDS_KEPT } from '../../storage/retention.js';
import { stubOf } from '../../storage/stub.js';
import { Checkpoints } from './checkpoints.js';
import { DocRuntime } from './runtime.js';
import type { RuntimeLimits } from './runtime.js';

export interface RegistryOptions extends Partial<RuntimeLimits> {
  /** A document nobody holds and nobody asked for in this long is evicted from memory (ms). */
  idleMs?: number;
  log?: (msg: string) => void;
  /** The clock idleness is measured with (tests move their own). */
  now?: () => number;
}

/** What stays in memory of an evicted document: enough for lists, authorisation and the mentions inbox. */
export type Resting = DocumentStub;

export const DEFAULT_IDLE_MS = 10 * 60_000;

export function metaOf(doc: DocumentState | DocumentMeta): DocumentMeta {
  const { id, title, sourceLang, targetLangs, createdAt, createdBy } = doc;
  return { id, title, sourceLang, targetLangs, createdAt, createdBy };
}

/**
 * Which documents exist and which are in memory. A document is loaded on the
 * first join or request that needs its state (`open`), kept while a socket
 * holds it or requests keep coming, and evicted once it has been idle for
 * `idleMs`, written to a snapshot and settled: a later `open` reads that
 * snapshot back. Checkpoints run over the documents in memory, as before.
 */
export class DocumentRegistry {
  private readonly live = new Map<string, DocRuntime>();
  private readonly resting = new Map<string, Resting>();
  private readonly loading = new Map<string, Promise<DocRuntime>>();
  /** Who holds a document open (socket ids): held documents are never evicted. */
  private readonly holders = new Map<string, Set<string>>();
  private readonly lastUsed = new Map<string, number>();
  readonly limits: RuntimeLimits;
  readonly idleMs: number;
  readonly checkpoints: Checkpoints;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  /** False once the journal failed (set by the engine): nothing is written or evicted after that. */
  healthy = true;
  /** Called for each document loaded into memory (the shared engine catches it up with the table). */
  onAdmit: ((rt: DocRuntime) => void) | undefined;

  constructor(
    private readonly store: DocumentStore,
    opts: RegistryOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    // 10,000 events ≈ a few MB per busy document; enough to bridge a laptop lid
    // closed for a coffee. opIds: the same count the PostgreSQL store keeps acks for (storage/retention.ts).
    this.limits = { ringSize: opts.ringSize ?? 10_000, opIdLimit: opts.opIdLimit ?? OP_IDS_KEPT };
    this.idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
    const log = opts.log ?? (() => {});
    this.checkpoints = new Checkpoints(
      store,
      () => this.live.values(),
      log,
      () => this.healthy,
    );
  }

  /** Start-up recovery (the embedded store replays its journal over every snapshot). */
  async load(): Promise<{ warnings: string[]; replayed: number; stubVersion: number }> {
    // Stubs: documents the journal does not touch stay on disk until first used, so start-up does not grow with them.
    const result = await this.store.load({ stubs: true });
    for (const stub of result.stubs ?? []) this.resting.set(stub.meta.id, stub);
    for (const doc of result.docs) {
      const rt = this.admit(doc);
      // Replayed journal events are not in any snapshot yet: the first checkpoint
      // writes them (storage skips documents its snapshots already cover).
      rt.dirty = result.replayed > 0;
    }
    return { warnings: result.warnings, replayed: result.replayed, stubVersion: result.stubVersion ?? 0 };
  }

  /** The store's shared part, when several nodes share it. */
  get sharedStore(): SharedDocuments | undefined {
    return this.store.shared;
  }

  count(): number {
    return this.live.size + this.resting.size;
  }

  has(docId: string): boolean {
    return this.live.has(docId) || this.resting.has(docId);
  }

  isLive(docId: string): boolean {
    return this.live.has(docId);
  }

  /** A document in memory, or undefined (not touched: for listeners reading what was just committed). */
  peek(docId: string): DocRuntime | undefined {
    return this.live.get(docId);
  }

  /**
   * The document in memory, or its snapshot read without admitting it;
   * undefined when there is no such document. If it is loaded meanwhile, the
   * live state wins: the caller gets that, never an older snapshot.
   */
  async peekOrRead(docId: string): Promise<DocumentState | undefined> {
    const rt = this.live.get(docId);
    if (rt) return rt.doc;
    if (!this.resting.has(docId)) return undefined;
    const doc = await this.store.read(docId);
    const now = this.live.get(docId);
    if (now) return now.doc;
    return this.resting.has(docId) ? doc : undefined;
  }

  /** The document in memory, loading it from its snapshot if it was evicted. */
  open(docId: string): Promise<DocRuntime> {
    const rt = this.live.get(docId);
    if (rt) {
      this.lastUsed.set(docId, this.now());
      return Promise.resolve(rt);
    }
    // A shared store may hold a document another node created a moment ago: ask it.
    if (!this.resting.has(docId) && !this.store.shared) return Promise.reject(new AppError('document_not_found', `no document ${docId}`));
    let pending = this.loading.get(docId);
    if (!pending) {
      pending = this.reload(docId).finally(() => this.loading.delete(docId));
      this.loading.set(docId, pending);
    }
    return pending;
  }

  /** Meta, settings, summary of a document in memory or resting; throws document_not_found. */
  stub(docId: string): Resting | DocRuntime {
    const found = this.live.get(docId) ?? this.resting.get(docId);
    if (!found) throw new AppError('document_not_found', `no document ${docId}`);
    return found;
  }

  settings(docId: string): DocumentSettings {
    const found = this.stub(docId);
    return found instanceof DocRuntime ? (found.doc.settings ?? DEFAULT_SETTINGS) : found.settings;
  }

  /** Every document in memory, read-only (indexes derived from documents; see DocumentReads). */
  liveDocs(): IterableIterator<DocRuntime> {
    return this.live.values();
  }

  restingDocs(): IterableIterator<Resting> {
    return this.resting.values();
  }

  /** A new document (or one loaded at start-up), in memory. */
  admit(doc: DocumentState): DocRuntime {
    const rt = new DocRuntime(doc, this.limits);
    // A shared store keeps every operation's first ack in its events table, which a retry asks instead.
    if (!this.store.shared) rt.rebuildOps();
    this.live.set(doc.id, rt);
    this.resting.delete(doc.id);
    this.lastUsed.set(doc.id, this.now());
    return rt;
  }

  /** A document known only by its stub (another node created or changed it; or it was evicted). */
  rest(stub: DocumentStub): void {
    if (!this.live.has(stub.meta.id)) this.resting.set(stub.meta.id, stub);
  }

  /** Drops a copy in memory that can no longer be trusted (a commit failed half-way): the next open reads the store. */
  drop(docId: string): void {
    const rt = this.live.get(docId);
    if (!rt) return;
    this.live.delete(docId);
    this.store.released?.(docId);
    this.resting.set(docId, stubOf(rt.doc));
  }

  /** The document is gone (deleted): forgotten at once, held or not. */
  forget(docId: string): void {
    if (this.live.has(docId)) this.store.released?.(docId);
    this.live.delete(docId);
    this.resting.delete(docId);
    this.holders.delete(docId);
    this.lastUsed.delete(docId);
  }

  hold(docId: string, holder: string): void {
    let set = this.holders.get(docId);
    if (!set) this.holders.set(docId, (set = new Set()));
    set.add(holder);
    this.lastUsed.set(docId, this.now());
  }

  release(docId: string, holder: string): void {
    const set = this.holders.get(docId);
    if (!set?.delete(holder)) return;
    if (set.size === 0) this.holders.delete(docId);
    this.lastUsed.set(docId, this.now());
  }

  /**
   * Evicts every idle document whose state is on disk: not held, not used for
   * `idleMs`, nothing waiting to be appended or snapshotted. Returns the ids.
   */
  async evictIdle(): Promise<string[]> {
    const idle = (id: string, rt: DocRuntime): boolean =>
      !this.holders.has(id) && this.now() - (this.lastUsed.get(id) ?? 0) >= this.idleMs && !rt.dirty && rt.inflight === 0;
    if (!this.healthy || ![...this.live].some(([id, rt]) => idle(id, rt))) return [];
    // A checkpoint clears `dirty` when it starts writing: wait until what it wrote is durable.
    await this.checkpoints.settled();
    const evicted: string[] = [];
    for (const [id, rt] of this.live) {
      if (!idle(id, rt) || this.checkpoints.busy || !this.healthy) continue;
      this.live.delete(id);
      this.resting.set(id, stubOf(rt.doc));
      this.store.released?.(id);
      evicted.push(id);
    }
    return evicted;
  }

  startEviction(everyMs = Math.max(1000, Math.floor(this.idleMs / 2))): void {
    this.stopEviction();
    this.sweeper = setInterval(() => void this.evictIdle().catch(() => {}), everyMs);
    this.sweeper.unref();
  }

  stopEviction(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private async reload(docId: string): Promise<DocRuntime> {
    const doc = await this.store.read(docId);
    // Deleted (or loaded by someone else) while reading.
    const already = this.live.get(docId);
    if (already) return already;
    if (this.store.shared) {
      if (!doc) {
        this.resting.delete(docId);
        throw new AppError('document_not_found', `no document ${docId}`);
      }
    } else {
      if (!this.resting.has(docId)) throw new AppError('document_not_found', `no document ${docId}`);
      if (!doc) throw new AppError('internal', `the snapshot of document ${docId} could not be read`);
    }
    const rt = this.admit(doc);
    this.onAdmit?.(rt);
    return rt;
  }
}
