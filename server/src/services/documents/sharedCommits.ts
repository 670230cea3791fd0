import { AppError, applyEvent } from '../../../../shared/index.js';
import type { DocEvent, DocEventBody } from '../../../../shared/index.js';
import type { Decision } from '../../../../shared/decide/decision.js';
import type { ChangeNotice, SharedDocuments } from '../../storage/types.js';
import { stubOf } from '../../storage/stub.js';
import type { DocumentRegistry } from './registry.js';
import type { DocRuntime, OpResult } from './runtime.js';

/** Attempts of one operation against commits of other nodes before it is refused (`conflict`, try again). */
export const MAX_ATTEMPTS = 20;

/** Events whose stub (list entry, settings, mentions) other nodes must see at once, not at the next checkpoint. */
const STUB_EVENTS = new Set<DocEvent['type']>(['document.deleted', 'document.settings', 'comment.added', 'comment.resolved']);

const DONE = Promise.resolve();

/** The ack stored with an operation's first event: its kind too, so a retry of another kind is refused. */
function isOpResult(v: unknown): v is OpResult {
  return typeof v === 'object' && v !== null && 'kind' in v && 'ack' in v && typeof v.kind === 'string';
}

export interface Outcome {
  result: OpResult | undefined;
  applied: boolean;
}

/**
 * The commit path when several nodes share the document store (PostgreSQL).
 *
 * Each document has one serial lane per node (`rt.tail`): an operation is
 * decided on this node's copy, its events are inserted at seq+1… in a
 * transaction left open, and only once the database took them are they
 * applied, the ack computed, the transaction committed (with the ack and a
 * NOTIFY), and the events published. A unique violation means another node
 * committed first: the lane fetches the events since its seq, applies and
 * publishes them, and decides again (decide functions are pure). An operation
 * id already in the table (a retry on this node of an attempt made on a node
 * that died) answers the stored ack. Events of other nodes reach the lane
 * through the feed (LISTEN/NOTIFY, a hint only) and are always read from the
 * table, in seq order, so every listener sees every event once and in order.
 */
export class SharedCommits {
  private readonly queued = new Set<string>();
  /** Inserts another node won (23505 on the seq or the operation id), for tests and the bench. */
  conflicts = 0;
  private stubVersion = 0;
  private stubs: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly shared: SharedDocuments,
    private readonly publish: (docId: string, events: readonly DocEvent[]) => void,
    private readonly log: (msg: string) => void,
  ) {
    registry.onAdmit = (rt) => this.follow(rt);
  }

  /** Listens to other nodes' commits and refreshes the stubs of documents not in memory every `stubsEveryMs`. */
  start(stubVersion: number, stubsEveryMs = 5000): void {
    this.stubVersion = stubVersion;
    this.unlisten = this.shared.listen(
      (n) => this.onNotice(n),
      () => {
        for (const rt of this.registry.liveDocs()) this.follow(rt);
        this.stubTask(() => this.refreshStubs());
      },
    );
    this.timer = setInterval(() => this.stubTask(() => this.refreshStubs()), stubsEveryMs);
    this.timer.unref();
  }

  stop(): void {
    this.unlisten?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs one decision to its commit (or its refusal); `opId` null for changes no client retries (deletion). */
  run(
    rt: DocRuntime,
    by: string,
    opId: string | null,
    kind: OpResult['kind'],
    decide: (rt: DocRuntime) => Decision<unknown>,
  ): Promise<Outcome> {
    return this.lane(rt, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const seen = opId === null ? undefined : rt.op(by, opId);
        if (seen) return { result: seen.result, applied: false };
        this.assertCurrent(rt);
        let decision: Decision<unknown>;
        try {
          decision = decide(rt);
        } catch (err) {
          // A retry the table knows (this node never saw it, or loaded the document since) may no longer decide at all,
          // e.g. the paragraph it deleted is gone: its first ack is the answer.
          const first = await this.storedResult(rt, by, opId);
          if (first) return { result: first, applied: false };
          throw err;
        }
        if (decision.bodies.length === 0) {
          const first = await this.storedResult(rt, by, opId);
          return { result: first ?? this.remember(rt, by, opId, kind, decision.finish(rt.doc, rt.doc.seq)), applied: false };
        }
        const events = stamp(rt, decision.bodies, by, opId);
        const begun = await this.shared.begin(events);
        if (!begun.ok) {
          this.conflicts++;
          await this.catchUp(rt);
          if (begun.conflict === 'op') await this.storedResult(rt, by, opId);
          continue;
        }
        let result: OpResult | undefined;
        try {
          for (const ev of events) {
            applyEvent(rt.doc, ev);
            rt.remember(ev);
          }
          rt.dirty = true;
          result = { kind, ack: decision.finish(rt.doc, rt.doc.seq) } as OpResult;
          await begun.pending.commit(result, events.some((ev) => STUB_EVENTS.has(ev.type)) ? stubOf(rt.doc) : undefined);
        } catch (err) {
          await begun.pending.rollback().catch(() => undefined);
          // Applied here but perhaps not committed: this copy can no longer be trusted; the next open reads the table.
          this.registry.drop(rt.doc.id);
          this.log(`commit of ${rt.doc.id} at seq ${events[0]?.seq ?? '?'} failed, its copy is dropped: ${String(err)}`);
          throw err;
        }
        if (opId !== null) rt.rememberOp(by, opId, result, DONE);
        this.deliver(rt, events);
        return { result, applied: true };
      }
      throw new AppError('conflict', `document ${rt.doc.id} is changing too fast on other nodes; try again`);
    });
  }

  /** The stored ack of an operation of `by`, remembered, or undefined when the table has none. */
  private async storedResult(rt: DocRuntime, by: string, opId: string | null): Promise<OpResult | undefined> {
    if (opId === null) return undefined;
    const found = await this.shared.findOp(rt.doc.id, by, opId);
    if (!found || !isOpResult(found.ack)) return undefined;
    rt.rememberOp(by, opId, found.ack, DONE);
    return found.ack;
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
    this.publish(ev.docId, [ev]);
  }

  /** Brings a document in memory up to the table's head, soon (coalesced: one catch-up queued per document). */
  follow(rt: DocRuntime): void {
    if (this.queued.has(rt.doc.id)) return;
    this.queued.add(rt.doc.id);
    this.lane(rt, async () => {
      this.queued.delete(rt.doc.id);
      await this.catchUp(rt);
    }).catch((err: unknown) => this.log(`catch-up of ${rt.doc.id} failed (the next notice retries): ${String(err)}`));
  }

  private onNotice(n: ChangeNotice): void {
    const rt = this.registry.peek(n.docId);
    if (rt) {
      if (n.seq > rt.doc.seq) this.follow(rt);
      return;
    }
    if (n.stub || !this.registry.has(n.docId)) this.stubTask(() => this.refreshStub(n.docId));
  }

  /**
   * Stub reads run one after the other: an older answer landing after a newer
   * one (a document's stub after its deletion) would bring a deleted document
   * back into the lists.
   */
  private stubTask(task: () => Promise<void>): void {
    this.stubs = this.stubs.then(task, task);
  }

  private async refreshStub(docId: string): Promise<void> {
    try {
      const stub = await this.shared.stub(docId);
      if (this.registry.isLive(docId)) return;
      if (stub) this.registry.rest(stub);
      else this.registry.forget(docId);
    } catch (err) {
      this.log(`could not read the stub of ${docId}: ${String(err)}`);
    }
  }

  private async refreshStubs(): Promise<void> {
    try {
      const changed = await this.shared.stubsSince(this.stubVersion);
      this.stubVersion = changed.version;
      for (const stub of changed.stubs) if (!this.registry.isLive(stub.meta.id)) this.registry.rest(stub);
      for (const id of changed.deleted) if (!this.registry.isLive(id)) this.registry.forget(id);
    } catch (err) {
      this.log(`could not refresh document stubs: ${String(err)}`);
    }
  }

  /** Applies and publishes what other nodes committed after this copy's seq. Runs in the lane. */
  private async catchUp(rt: DocRuntime): Promise<void> {
    const stored = await this.shared.eventsAfter(rt.doc.id, rt.doc.seq);
    const applied: DocEvent[] = [];
    for (const { event, ack } of stored) {
      if (event.seq !== rt.doc.seq + 1) break;
      applyEvent(rt.doc, event);
      rt.remember(event);
      if (event.opId !== null && isOpResult(ack)) rt.rememberOp(event.by, event.opId, ack, DONE);
      applied.push(event);
    }
    if (applied.length > 0) this.deliver(rt, applied);
  }

  private deliver(rt: DocRuntime, events: readonly DocEvent[]): void {
    this.publish(rt.doc.id, events);
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

function stamp(rt: DocRuntime, bodies: readonly DocEventBody[], by: string, opId: string | null): DocEvent[] {
  const at = new Date().toISOString();
  return bodies.map((body, i) => ({ ...body, docId: rt.doc.id, seq: rt.doc.seq + 1 + i, at, by, opId }));
}
