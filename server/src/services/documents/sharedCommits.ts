import { AppError, applyEvent } from '../../../../shared/index.js';
import type { DocEvent } from '../../../../shared/index.js';
import type { Decision } from '../../../../shared/decide/decision.js';
import type { ChangeNotice, LockedDocument, SharedDocuments, StoredEvent } from '../../storage/types.js';
import { stubOf } from '../../storage/stub.js';
import type { DocumentRegistry } from './registry.js';
import type { DocRuntime, OpResult } from './runtime.js';
import { StubFollower } from './sharedStubs.js';
import { DONE, MAX_BATCH, isOpResult, ops, stamp, stored } from './sharedBatch.js';
import type { Outcome, Pending, SharedPublish } from './sharedBatch.js';

/** Events whose stub (list entry, settings, mentions) other nodes must see at once, not at the next checkpoint. */
const STUB_EVENTS = new Set<DocEvent['type']>(['document.deleted', 'document.settings', 'comment.added', 'comment.resolved']);

/**
 * The commit path when several nodes share the document store (PostgreSQL).
 *
 * Each document has one serial lane per node (`rt.tail`). A commit locks
 * the document's row (other nodes' commits to it queue behind, in order),
 * applies and publishes what other nodes committed since this copy's seq
 * (read from the table under the lock), answers the stored ack if this
 * author's operation id is already committed (a retry after a node died),
 * else decides on the now current copy (decide functions are pure), applies
 * the events, computes the ack, and writes events + ack + document row +
 * NOTIFY in one statement before COMMIT; only then are the events published
 * and the ack sent. A failure after applying drops the copy, so the next use
 * reads the table. The primary key `(doc_id, seq)` and the unique operation
 * index stay as the guard of last resort (a 23505 is answered `conflict`).
 *
 * Why a lock and not only the unique key (insert, and on 23505 catch up and
 * decide again): measured with two nodes and 20 writers on one document, the
 * node that had just committed always got its next insert in before the other
 * had caught up, and the other lost 20 races in a row; the lock's queue is
 * fair, wastes no decision, and costs the same four round trips.
 *
 * Events of other nodes reach a copy that is not committing through the feed
 * (LISTEN/NOTIFY, a hint only) and are always read from the table, in seq
 * order, so every listener sees every event once and in order.
 */
export class SharedCommits {
  private readonly queued = new Set<string>();
  /** Commits that found another node had committed first (events to catch up, or the same operation), for tests and the bench. */
  conflicts = 0;
  private readonly stubs: StubFollower;
  /** Documents whose copy was dropped after a failed commit → the last seq this node had published of them. */
  private readonly dropped = new Map<string, number>();
  /** Operations waiting for their document's lane, committed together by the next batch. */
  private readonly pending = new Map<DocRuntime, Pending[]>();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;
  /** Copies found older than the events the table keeps → the copy read again in their place (see `reread`). */
  private readonly rereads = new WeakMap<DocRuntime, Promise<DocRuntime>>();

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly shared: SharedDocuments,
    private readonly publish: SharedPublish,
    private readonly log: (msg: string) => void,
  ) {
    registry.onAdmit = (rt) => this.follow(rt);
    this.stubs = new StubFollower(registry, shared, log);
  }

  /** Listens to other nodes' commits and refreshes the stubs of documents not in memory every `stubsEveryMs`. */
  start(stubVersion: number, stubsEveryMs = 5000): void {
    this.stubs.version = stubVersion;
    this.unlisten = this.shared.listen(
      (n) => this.onNotice(n),
      () => {
        for (const rt of this.registry.liveDocs()) this.follow(rt);
        this.stubs.refreshAll();
      },
    );
    this.timer = setInterval(() => this.stubs.refreshAll(), stubsEveryMs);
    this.timer.unref();
  }

  stop(): void {
    this.unlisten?.();
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Runs one decision to its commit (or its refusal); `opId` null for changes
   * no client retries (deletion). Operations queued on a document while its
   * lane is busy are committed together: one lock, one statement, one COMMIT.
   */
  run(
    rt: DocRuntime,
    by: string,
    opId: string | null,
    kind: OpResult['kind'],
    decide: (rt: DocRuntime) => Decision<unknown>,
  ): Promise<Outcome> {
    const seen = opId === null ? undefined : rt.op(by, opId);
    if (seen) return Promise.resolve({ result: seen.result, applied: false });
    return new Promise<Outcome>((resolve, reject) => this.enqueue(rt, { by, opId, kind, decide, resolve, reject }));
  }

  private enqueue(rt: DocRuntime, p: Pending): void {
    let queue = this.pending.get(rt);
    if (!queue) this.pending.set(rt, (queue = []));
    queue.push(p);
    if (queue.length === 1) this.scheduleBatch(rt);
  }

  /**
   * A copy older than the events the table still keeps (they are pruned below
   * a checkpoint's snapshot: storage/pg/prune.ts) cannot be caught up event by
   * event: it is dropped and the document read again, whole, from its snapshot
   * and the events after it. The events in between are never published:
   * listeners deriving state from them (the translation memory, share readers,
   * this node's sockets, told `doc:stale` to rejoin) are told to derive it
   * again from the new copy, or that the document is gone. Once per copy;
   * operations queued on the old copy go to the new one.
   */
  private reread(rt: DocRuntime): Promise<DocRuntime> {
    let fresh = this.rereads.get(rt);
    if (!fresh) {
      const docId = rt.doc.id;
      this.log(`copy of ${docId} at seq ${rt.doc.seq} is older than the events the database keeps: reading the document again`);
      if (this.registry.peek(docId) === rt) this.registry.drop(docId);
      fresh = this.registry.open(docId).then(
        (next) => {
          this.publish.reread(docId, next.doc);
          return next;
        },
        (err: unknown) => {
          // Deleted meanwhile (its deletion among the skipped events): what was derived from it goes too.
          // Forgotten as on the deletion event, holders included (their sockets leave the room without releasing).
          if (err instanceof AppError && err.code === 'document_not_found') {
            this.registry.forget(docId);
            this.publish.reread(docId, undefined);
          }
          throw err;
        },
      );
      fresh.catch(() => undefined);
      this.rereads.set(rt, fresh);
    }
    return fresh;
  }

  /** Hands a batch taken from a copy that was read again to the new copy (or refuses it when that read failed). */
  private requeue(fresh: Promise<DocRuntime>, batch: readonly Pending[]): Promise<void> {
    return fresh.then(
      (next) => {
        for (const p of batch) this.enqueue(next, p);
      },
      (err: unknown) => {
        for (const p of batch) p.reject(err);
      },
    );
  }

  private scheduleBatch(rt: DocRuntime): void {
    this.lane(rt, () => this.commitBatch(rt)).catch((err: unknown) => this.log(`commit of ${rt.doc.id} failed: ${String(err)}`));
  }

  /**
   * Under the document's row lock: catches up, then decides every queued
   * operation in turn on the copy, applying each one's events before the next
   * decides (a later operation sees the earlier ones, as on one node); writes
   * them all in one statement. If that fails, the copy holds events the table
   * does not and is dropped; every operation of the batch is refused.
   */
  private async commitBatch(rt: DocRuntime): Promise<void> {
    const queue = this.pending.get(rt) ?? [];
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) this.scheduleBatch(rt);
    else this.pending.delete(rt);
    if (batch.length === 0) return;
    const moved = this.rereads.get(rt);
    if (moved) return this.requeue(moved, batch);
    const answered: (() => void)[] = [];
    const applied: { p: Pending; result: OpResult | undefined; first: boolean }[] = [];
    const events: DocEvent[] = [];
    let locked: LockedDocument | undefined;
    try {
      this.assertCurrent(rt);
      locked = await this.shared.lock(rt.doc.id, ops(batch), rt.doc.seq);
      if (!locked) throw new AppError('document_not_found', `no document ${rt.doc.id}`);
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    const lock = locked;
    if (lock.behind === 'pruned') {
      await lock.release().catch(() => undefined);
      return this.requeue(this.reread(rt), batch);
    }
    const behind = lock.behind;
    const acks = new Map<number, unknown>();
    const inBatch = new Map<string, OpResult>();
    let gone = false;
    try {
      if (behind.length > 0 || ops(batch).some((o) => lock.done(o.by, o.opId))) this.conflicts++;
      this.applyStored(rt, behind);
      for (const p of batch) {
        const key = p.opId === null ? undefined : `${p.by}\u0000${p.opId}`;
        const known = p.opId === null ? undefined : (rt.op(p.by, p.opId)?.result ?? stored(lock.done(p.by, p.opId)?.ack));
        if (known) {
          if (p.opId !== null) rt.rememberOp(p.by, p.opId, known, DONE);
          answered.push(() => p.resolve({ result: known, applied: false }));
          continue;
        }
        const twin = key === undefined ? undefined : inBatch.get(key);
        if (twin) {
          // The same operation twice in one batch (a retry sent before the first was acknowledged): one commit.
          applied.push({ p, result: twin, first: false });
          continue;
        }
        if (gone || this.registry.peek(rt.doc.id) !== rt) {
          answered.push(() => p.reject(new AppError('document_not_found', `no document ${rt.doc.id}`)));
          continue;
        }
        let decision: Decision<unknown>;
        try {
          decision = p.decide(rt);
        } catch (err) {
          answered.push(() => p.reject(err));
          continue;
        }
        if (decision.bodies.length === 0) {
          const result = this.remember(rt, p.by, p.opId, p.kind, decision.finish(rt.doc, rt.doc.seq));
          answered.push(() => p.resolve({ result, applied: false }));
          continue;
        }
        const evs = stamp(rt, decision.bodies, p.by, p.opId);
        for (const ev of evs) {
          applyEvent(rt.doc, ev);
          rt.remember(ev);
          if (ev.type === 'document.deleted') gone = true;
        }
        events.push(...evs);
        const result = { kind: p.kind, ack: decision.finish(rt.doc, rt.doc.seq) } as OpResult;
        if (p.opId !== null && evs[0]) acks.set(evs[0].seq, result);
        if (key !== undefined) inBatch.set(key, result);
        applied.push({ p, result, first: true });
      }
    } catch (err) {
      // Catching up failed half-way: nothing of this batch was decided on a copy that can be trusted.
      await lock.release().catch(() => undefined);
      if (events.length > 0) this.dropCopy(rt, events, err);
      for (const p of batch) p.reject(err);
      return;
    }
    if (events.length === 0) {
      await lock.release().catch(() => undefined);
      for (const a of answered) a();
      for (const a of applied) a.p.resolve({ result: a.result, applied: false });
      return;
    }
    rt.dirty = true;
    try {
      const stub = events.some((ev) => STUB_EVENTS.has(ev.type)) ? stubOf(rt.doc) : undefined;
      if ((await lock.commit(events, acks, stub)) === 'conflict') {
        throw new AppError('conflict', `document ${rt.doc.id} took another commit at seq ${events[0]?.seq ?? '?'}; try again`);
      }
    } catch (err) {
      await lock.release().catch(() => undefined);
      this.dropCopy(rt, events, err);
      for (const a of answered) a();
      for (const a of applied) a.p.reject(err);
      return;
    }
    for (const a of applied) if (a.first && a.p.opId !== null && a.result) rt.rememberOp(a.p.by, a.p.opId, a.result, DONE);
    this.deliver(rt, events);
    for (const a of answered) a();
    for (const a of applied) a.p.resolve({ result: a.result, applied: a.first });
  }

  /** Applied here but not committed (or not known to be): this copy can no longer be trusted; the next open reads the table. */
  private dropCopy(rt: DocRuntime, events: readonly DocEvent[], err: unknown): void {
    this.registry.drop(rt.doc.id);
    this.dropped.set(rt.doc.id, (events[0]?.seq ?? 1) - 1);
    this.log(`commit of ${rt.doc.id} at seq ${events[0]?.seq ?? '?'} failed, its copy is dropped: ${String(err)}`);
  }

  /** The lane's copy must still be the registry's: deleted, or dropped after a failed commit, it takes no more changes. */
  private assertCurrent(rt: DocRuntime): void {
    if (this.registry.peek(rt.doc.id) === rt) return;
    if (!this.registry.has(rt.doc.id)) throw new AppError('document_not_found', `no document ${rt.doc.id}`);
    throw new AppError('database_unavailable', `document ${rt.doc.id} must be read again from the database; try again`);
  }

  /** A new document: its row and creation event in one transaction, then in memory. */
  async create(ev: DocEvent & { type: 'document.created' }, admit: () => DocRuntime): Promise<void> {
    const rt = admit();
    try {
      await this.shared.create(ev, stubOf(rt.doc));
    } catch (err) {
      this.registry.forget(ev.docId);
      throw err;
    }
    rt.remember(ev);
    rt.dirty = true;
    this.publish.committed(ev.docId, [ev]);
  }

  /** Brings a document in memory up to the table's head, soon (coalesced: one catch-up queued per document). */
  follow(rt: DocRuntime): void {
    if (this.queued.has(rt.doc.id)) return;
    this.queued.add(rt.doc.id);
    this.lane(rt, async () => {
      this.queued.delete(rt.doc.id);
      await this.republish(rt);
      await this.catchUp(rt);
    }).catch((err: unknown) => this.log(`catch-up of ${rt.doc.id} failed (the next notice retries): ${String(err)}`));
  }

  private onNotice(n: ChangeNotice): void {
    const rt = this.registry.peek(n.docId);
    if (rt) {
      if (n.seq > rt.doc.seq) this.follow(rt);
      return;
    }
    if (n.stub || !this.registry.has(n.docId)) this.stubs.refresh(n.docId);
  }

  /**
   * A copy read again after one was dropped already holds what was committed
   * meanwhile, which this node's sockets never got: publish those events (and
   * keep them in the ring for catch-up joins), so listeners still see every
   * seq once and in order.
   */
  private async republish(rt: DocRuntime): Promise<void> {
    const from = this.dropped.get(rt.doc.id);
    if (from === undefined) return;
    const stored = await this.shared.eventsAfter(rt.doc.id, from);
    this.dropped.delete(rt.doc.id);
    // Pruned meanwhile: the sockets rejoin when the next event does not follow their seq (see `reread`).
    if (stored === 'pruned') return;
    const missed = stored.map((s) => s.event).filter((ev) => ev.seq <= rt.doc.seq);
    for (const ev of missed) rt.remember(ev);
    if (missed.length > 0) this.deliver(rt, missed);
  }

  /** Applies and publishes what other nodes committed after this copy's seq. Runs in the lane. */
  private async catchUp(rt: DocRuntime): Promise<void> {
    if (this.rereads.has(rt)) return;
    const stored = await this.shared.eventsAfter(rt.doc.id, rt.doc.seq);
    if (stored === 'pruned') await this.reread(rt);
    else this.applyStored(rt, stored);
  }

  /** Applies stored events that follow this copy's seq, remembers their acks, and publishes them. */
  private applyStored(rt: DocRuntime, stored: readonly StoredEvent[]): void {
    const applied: DocEvent[] = [];
    for (const { event, ack } of stored) {
      if (event.seq !== rt.doc.seq + 1) continue;
      applyEvent(rt.doc, event);
      rt.remember(event);
      if (event.opId !== null && isOpResult(ack)) rt.rememberOp(event.by, event.opId, ack, DONE);
      applied.push(event);
    }
    if (applied.length > 0) this.deliver(rt, applied);
  }

  private deliver(rt: DocRuntime, events: readonly DocEvent[]): void {
    this.publish.committed(rt.doc.id, events);
    if (events.some((ev) => ev.type === 'document.deleted')) this.registry.forget(rt.doc.id);
  }

  private remember(rt: DocRuntime, by: string, opId: string | null, kind: OpResult['kind'], ack: unknown): OpResult {
    const result = { kind, ack } as OpResult;
    if (opId !== null) rt.rememberOp(by, opId, result, DONE);
    return result;
  }

  /** One task at a time per document on this node, in call order. */
  private lane<T>(rt: DocRuntime, task: () => Promise<T>): Promise<T> {
    rt.inflight++;
    const run = rt.tail.then(task);
    rt.tail = run.then(
      () => undefined,
      () => undefined,
    );
    void rt.tail.finally(() => rt.inflight--);
    return run;
  }
}
