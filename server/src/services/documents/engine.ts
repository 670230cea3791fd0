import { AppError, applyEvent, documentFromCreated } from '../../../../shared/index.js';
import type { CreateDocumentBody, DocEvent, DocEventBody, DocumentState, DocumentSummary } from '../../../../shared/index.js';
import { decideCreate } from '../../../../shared/decide/decideCreate.js';
import type { Decision } from '../../../../shared/decide/decision.js';
import type { DocumentStore } from '../../storage/types.js';
import { newId, newIds } from '../ids.js';
import type { DocumentRegistry } from './registry.js';
import type { AckByKind, DocRuntime, OpKind, OpResult } from './runtime.js';
import { SharedCommits } from './sharedCommits.js';
import { nextTurn } from '../../slices.js';
import { countWordsInSlices, seedWordCounts, summarize } from './summary.js';

/** Documents with more paragraphs than this are built in steps, the event loop running between. */
const YIELD_ABOVE = 1000;

/** Called with each batch of events once durable, in seq order per document. */
export type CommitListener = (docId: string, events: readonly DocEvent[]) => void;

/**
 * Called when a copy in memory fell behind the events the shared store still
 * keeps and the document was read again whole (sharedCommits.ts, `reread`):
 * the events in between never reach the commit listeners, so whatever they
 * derive from the document must be derived again from `doc`, the new copy as
 * it is when called (later events follow through the commit listeners).
 * `doc` undefined: the document was deleted among those events.
 */
export type RereadListener = (docId: string, doc: Readonly<DocumentState> | undefined) => void;

/** An operation's ack, and whether this call applied it (false for a retry, or a decision that changed nothing). */
export interface Committed<T> {
  ack: T;
  applied: boolean;
}

/**
 * The one place every change goes through: decide → apply → append → publish.
 *
 * With a shared store (PostgreSQL, several nodes) the order is decide →
 * insert at the next seq → apply → commit → publish instead, one operation at
 * a time per document on each node, and other nodes' commits are followed
 * from the table: see sharedCommits.ts.
 *
 * Embedded ordering: a change is decided and applied synchronously (Node runs one at a
 * time, so decisions on a document are serialised without a lock), then its
 * journal append is queued. Appends are not awaited under any lock — many
 * edits share one fdatasync — but each document chains its appends, so
 * listeners (the socket broadcast) and acks see events strictly in seq order.
 */
export class CommitEngine {
  private readonly listeners = new Set<CommitListener>();
  private readonly rereadListeners = new Set<RereadListener>();
  /** The first append failure; once set, no more changes are accepted. */
  private broken: unknown = undefined;
  /** Set when the store is shared by several nodes. */
  readonly shared: SharedCommits | undefined;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly store: DocumentStore,
    private readonly log: (msg: string) => void = () => {},
  ) {
    this.shared =
      store.shared &&
      new SharedCommits(
        registry,
        store.shared,
        { committed: (docId, events) => this.publish(docId, events), reread: (docId, doc) => this.publishReread(docId, doc) },
        log,
      );
  }

  onCommitted(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Only a shared store reads a document again (the embedded one never skips an event). */
  onReread(listener: RereadListener): () => void {
    this.rereadListeners.add(listener);
    return () => this.rereadListeners.delete(listener);
  }

  /**
   * Runs one operation of `by`, named by `opId`: a retry of an operation
   * already decided answers the first attempt's ack once that is durable, and
   * decides nothing again.
   */
  async commit<K extends OpKind>(
    docId: string,
    opId: string,
    kind: K,
    by: string,
    decide: (doc: DocumentState) => Decision<AckByKind[K]>,
  ): Promise<Committed<AckByKind[K]>> {
    const rt = await this.registry.open(docId);
    if (this.shared) {
      const out = await this.shared.run(rt, by, opId, kind, (r) => decide(r.doc));
      if (out.result && out.result.kind !== kind)
        throw new AppError('bad_request', `operation id ${opId} was used for another kind of operation`);
      // Same kind checked just above, so the ack has this kind's shape.
      return { ack: out.result?.ack as AckByKind[K], applied: out.applied };
    }
    const seen = rt.op(by, opId);
    if (seen) {
      if (seen.result.kind !== kind) throw new AppError('bad_request', `operation id ${opId} was used for another kind of operation`);
      await seen.durable;
      // Same kind checked just above, so the stored ack has this kind's shape.
      return { ack: seen.result.ack as AckByKind[K], applied: false };
    }
    this.assertWritable();
    const decision = decide(rt.doc);
    const events = this.apply(rt, decision.bodies, by, opId);
    const ack = decision.finish(rt.doc, rt.doc.seq);
    // An unchanged decision writes nothing, but still waits its turn so acks stay in order.
    const durable = events.length > 0 ? this.persist(rt, events) : rt.tail;
    // A retry waits on the same promise: it fails too if this one's append failed.
    durable.catch(() => {});
    rt.rememberOp(by, opId, { kind, ack } as OpResult, durable);
    await durable;
    return { ack, applied: events.length > 0 };
  }

  /**
   * A new document. `paragraphIds` (unique, in order) keep the ids a document
   * had elsewhere, when it comes from an interchange file; others are new.
   */
  async create(
    body: CreateDocumentBody,
    by: string,
    paragraphIds?: readonly (string | null)[],
    /** Each paragraph's source word count, when the import worker counted them (SourceRead.words). */
    sourceWords?: readonly number[],
  ): Promise<DocumentSummary> {
    this.assertWritable();
    const at = new Date().toISOString();
    let docId = newId('d_');
    while (this.registry.has(docId)) docId = newId('d_');
    const fresh = newIds('p_', body.paragraphs.length);
    let k = 0;
    const paragraphId = (): string => {
      const i = k++;
      return (i < body.paragraphs.length ? (paragraphIds?.[i] ?? fresh[i]) : undefined) ?? newId('p_');
    };
    const ev: DocEvent = { ...decideCreate(body, { docId, paragraphId }, by, at), docId, seq: 1, at, by, opId: null };
    // Deciding and building a document of 19,000 paragraphs (one made from a 16 MB file) takes a few hundred ms:
    // other users' edits are let through between the two steps. Nothing refers to the document before it is admitted.
    if (body.paragraphs.length > YIELD_ABOVE) await nextTurn();
    const start = documentFromCreated(ev, true);
    const doc: DocumentState = { ...start, history: start.history ?? {} };
    if (sourceWords) seedWordCounts(doc, sourceWords);
    if (body.paragraphs.length > YIELD_ABOVE) await nextTurn();
    this.assertWritable();
    if (this.shared) {
      await Promise.all([this.shared.create(ev, () => this.registry.admit(doc)), countWordsInSlices(doc)]);
      return summarize(doc);
    }
    const rt = this.registry.admit(doc);
    rt.remember(ev);
    rt.dirty = true;
    // The summary's word counts (seconds of work for a document made from a 16 MB file) are taken in
    // slices while the creation event is written, so other users' edits are acknowledged meanwhile.
    await Promise.all([this.persist(rt, [ev]), countWordsInSlices(doc)]);
    return summarize(doc);
  }

  async remove(docId: string, by: string): Promise<void> {
    const rt = await this.registry.open(docId);
    if (this.shared) {
      await this.shared.run(rt, by, null, 'seq', () => ({ bodies: [{ type: 'document.deleted' }], finish: (_d, seq) => ({ seq }) }));
      return;
    }
    this.assertWritable();
    const events = this.apply(rt, [{ type: 'document.deleted' }], by, null);
    // Gone for everyone at once; the deletion event still reaches the room.
    // Storage learns of the deletion from the journal event, not from checkpoints.
    this.registry.forget(docId);
    await this.persist(rt, events);
  }

  /** Waits until every append queued so far has been published (or has failed). */
  async drain(): Promise<void> {
    await Promise.all([...this.registry.liveDocs()].map((rt) => rt.tail));
  }

  /**
   * After a failed append the journal refuses everything (fail-stop, see
   * storage/journal.ts), so stop deciding too: applying more in memory would
   * only widen the gap between what clients were told and what is on disk.
   */
  private assertWritable(): void {
    if (this.broken !== undefined) throw new AppError('internal', 'the journal failed; the server must be restarted');
  }

  /** Stamps and applies event bodies in memory, synchronously. */
  private apply(rt: DocRuntime, bodies: readonly DocEventBody[], by: string, opId: string | null): DocEvent[] {
    const at = new Date().toISOString();
    const events: DocEvent[] = [];
    for (const body of bodies) {
      const ev: DocEvent = { ...body, docId: rt.doc.id, seq: rt.doc.seq + 1, at, by, opId };
      applyEvent(rt.doc, ev);
      rt.remember(ev);
      events.push(ev);
    }
    if (events.length > 0) rt.dirty = true;
    return events;
  }

  /**
   * Queues the append and chains publication behind the document's earlier
   * events. If an append fails, its events stay applied in memory but are never
   * broadcast or acknowledged (the sender gets `internal`), and the engine
   * refuses every later change until restarted; recovery then replays what the
   * journal really holds.
   */
  private persist(rt: DocRuntime, events: DocEvent[]): Promise<void> {
    rt.inflight++;
    const appended = this.store.append(events);
    const published = Promise.all([rt.tail, appended]).then(() => this.publish(rt.doc.id, events));
    rt.tail = published
      .catch((err: unknown) => {
        this.broken ??= err;
        this.registry.healthy = false;
        this.log(`journal append failed for ${rt.doc.id}, refusing further changes: ${String(err)}`);
      })
      .finally(() => rt.inflight--);
    return published;
  }

  private publish(docId: string, events: readonly DocEvent[]): void {
    for (const listener of this.listeners) {
      try {
        listener(docId, events);
      } catch (err) {
        this.log(`commit listener failed: ${String(err)}`);
      }
    }
  }

  private publishReread(docId: string, doc: Readonly<DocumentState> | undefined): void {
    for (const listener of this.rereadListeners) {
      try {
        listener(docId, doc);
      } catch (err) {
        this.log(`reread listener failed for ${docId}: ${String(err)}`);
      }
    }
  }
}
