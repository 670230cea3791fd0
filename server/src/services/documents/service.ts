import { AppError, appendActivity, applyEvent, documentFromCreated, docLangs, cellKey } from '../../../../shared/index.js';
import type {
  ActivityItem,
  BatchAck,
  CellComment,
  CellRestorePayload,
  CommentAck,
  CommentAddPayload,
  CommentResolvePayload,
  DocSettingsPayload,
  ReviewBatchPayload,
  SeqAck,
  CellEditAck,
  CellEditPayload,
  CellHistoryDto,
  CellKeepTheirsPayload,
  CellStatusAck,
  CellStatusPayload,
  CreateDocumentBody,
  DocEvent,
  DocEventBody,
  DocumentMeta,
  DocumentSnapshot,
  DocumentState,
  DocumentSummary,
  Lang,
  MentionNotification,
  Paragraph,
  ParagraphDeletePayload,
  ParagraphInsertPayload,
  ParagraphJoinPayload,
  ParagraphOpAck,
  ParagraphSplitPayload,
  PretranslateResult,
} from '../../../../shared/index.js';
import type { Glossary } from '../../../../shared/qa/types.js';
import type { DocumentStore } from '../../storage/types.js';
import { newId, opDerivedId } from '../ids.js';
import { precheckApprovals } from './precheck.js';
import { openMentions } from './mentions.js';
import { Checkpoints } from './checkpoints.js';
import { decideCreate } from '../../../../shared/decide/decideCreate.js';
import { decideCellEdit } from '../../../../shared/decide/decideCell.js';
import { decideKeepTheirs } from '../../../../shared/decide/decideKeepTheirs.js';
import { decideStatus } from '../../../../shared/decide/decideStatus.js';
import { decideBatch, decideComment, decideResolve, decideRestore, decideSettings } from '../../../../shared/decide/decideReview.js';
import type { Decision } from '../../../../shared/decide/decision.js';
import { decideDelete, decideInsert, decideJoin, decideSplit } from '../../../../shared/decide/decideParagraph.js';
import { DocRuntime } from './runtime.js';
import type { AckByKind, OpKind, OpResult, RuntimeLimits } from './runtime.js';
import { summarize } from './summary.js';

/** Called with each batch of events once durable, in seq order per document. */
export type CommitListener = (docId: string, events: readonly DocEvent[]) => void;

export interface DocumentServiceOptions extends Partial<RuntimeLimits> {
  log?: (msg: string) => void;
}

export type JoinResult = { mode: 'snapshot'; doc: DocumentSnapshot } | { mode: 'events'; events: DocEvent[] };

/**
 * The collaborative core: every document in memory, decisions made one at a
 * time per document, events made durable before anyone is told.
 *
 * Ordering: a use case decides and applies its events synchronously (Node runs
 * one at a time, so decisions on a document are serialised without a lock),
 * then queues the journal append. Appends are not awaited under any lock —
 * many edits share one fdatasync — but each document chains its appends, so
 * listeners (the socket broadcast) and acks see events strictly in seq order.
 */
export class DocumentService {
  private readonly docs = new Map<string, DocRuntime>();
  private readonly listeners = new Set<CommitListener>();
  private readonly limits: RuntimeLimits;
  private readonly log: (msg: string) => void;
  private readonly checkpoints: Checkpoints;
  /** The first append failure; once set, no more changes are accepted. */
  private broken: unknown = undefined;
  private glossaryOf: () => Glossary | undefined = () => undefined;

  constructor(
    private readonly store: DocumentStore,
    opts: DocumentServiceOptions = {},
  ) {
    // 10,000 events ≈ a few MB per busy document; enough to bridge a laptop lid
    // closed for a coffee. 50,000 opIds: far more than any client keeps in its outbox.
    this.limits = { ringSize: opts.ringSize ?? 10_000, opIdLimit: opts.opIdLimit ?? 50_000 };
    this.log = opts.log ?? (() => {});
    this.checkpoints = new Checkpoints(
      store,
      () => this.docs.values(),
      this.log,
      () => this.broken === undefined,
    );
  }

  async load(): Promise<{ warnings: string[]; replayed: number }> {
    const result = await this.store.load();
    for (const doc of result.docs) {
      const rt = new DocRuntime(doc, this.limits);
      rt.rebuildOps();
      // Replayed journal events are not in any snapshot yet: the first checkpoint
      // writes them (storage skips documents its snapshots already cover).
      rt.dirty = result.replayed > 0;
      this.docs.set(doc.id, rt);
    }
    return { warnings: result.warnings, replayed: result.replayed };
  }

  onCommitted(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  count(): number {
    return this.docs.size;
  }

  list(): DocumentSummary[] {
    return [...this.docs.values()].map((rt) => summarize(rt.doc)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  meta(docId: string): DocumentMeta {
    const { doc } = this.runtime(docId);
    return {
      id: doc.id,
      title: doc.title,
      sourceLang: doc.sourceLang,
      targetLangs: doc.targetLangs,
      createdAt: doc.createdAt,
      createdBy: doc.createdBy,
    };
  }

  snapshot(docId: string): DocumentSnapshot {
    return toSnapshot(this.runtime(docId).doc);
  }

  history(docId: string, paragraphId: string, lang: Lang): CellHistoryDto {
    const { doc } = this.runtime(docId);
    if (!docLangs(doc).includes(lang)) throw new AppError('language_not_in_document', `document ${docId} has no ${lang} column`);
    const revisions = doc.history[cellKey(paragraphId, lang)];
    // A deleted paragraph's history stays readable; an id never seen is an error.
    if (!revisions && !doc.paragraphs.some((p) => p.id === paragraphId)) {
      throw new AppError('paragraph_not_found', `no paragraph ${paragraphId} in document ${docId}`);
    }
    return { paragraphId, lang, revisions: structuredClone(revisions ?? []) };
  }

  /**
   * What a (re)joining client needs: the events after `sinceSeq` when the ring
   * still holds them, else a snapshot. The caller subscribes the client to the
   * live stream in the same tick, so nothing falls between the two; events
   * applied but not yet broadcast arrive again later and the client drops them
   * by seq.
   */
  join(docId: string, sinceSeq?: number): JoinResult {
    const rt = this.runtime(docId);
    const events = sinceSeq === undefined ? undefined : rt.eventsAfter(sinceSeq);
    return events ? { mode: 'events', events } : { mode: 'snapshot', doc: toSnapshot(rt.doc) };
  }

  /**
   * A new document. `paragraphIds` (unique, in order) keep the ids a document
   * had elsewhere, when it comes from an interchange file; others are new.
   */
  async create(body: CreateDocumentBody, by: string, paragraphIds?: readonly (string | null)[]): Promise<DocumentSummary> {
    this.assertWritable();
    const at = new Date().toISOString();
    let docId = newId('d_');
    while (this.docs.has(docId)) docId = newId('d_');
    let k = 0;
    const paragraphId = (): string => (k < body.paragraphs.length ? paragraphIds?.[k++] : undefined) ?? newId('p_');
    const ev: DocEvent = { ...decideCreate(body, { docId, paragraphId }, by, at), docId, seq: 1, at, by, opId: null };
    const start = documentFromCreated(ev, true);
    const doc: DocumentState = { ...start, history: start.history ?? {} };
    const rt = new DocRuntime(doc, this.limits);
    rt.remember(ev);
    rt.dirty = true;
    this.docs.set(docId, rt);
    await this.persist(rt, [ev]);
    return summarize(doc);
  }

  async remove(docId: string, by: string): Promise<void> {
    const rt = this.runtime(docId);
    this.assertWritable();
    const ev = this.applyBodies(rt, [{ type: 'document.deleted' }], by, null);
    // Gone for everyone at once; the deletion event still reaches the room.
    // Storage learns of the deletion from the journal event, not from checkpoints.
    this.docs.delete(docId);
    await this.persist(rt, ev);
  }

  editCell(input: CellEditPayload, by: string): Promise<CellEditAck> {
    return this.commit(input.docId, input.opId, 'cell', by, (doc) => decideCellEdit(doc, input));
  }

  /** "Keep theirs" after a clash: the given-up text becomes a conflict revision (decideKeepTheirs). */
  keepTheirs(input: CellKeepTheirsPayload, by: string): Promise<CellEditAck> {
    return this.commit(input.docId, input.opId, 'cell', by, (doc) => decideKeepTheirs(doc, input));
  }

  /** `mentions`: user ids named in a request-changes reason, kept on the comment it becomes. */
  setStatus(input: CellStatusPayload, by: string, mentions: readonly string[] = []): Promise<CellStatusAck> {
    return this.commit(input.docId, input.opId, 'status', by, (doc) =>
      decideStatus(doc, input, by, () => newId('c_'), this.glossaryOf(), mentions),
    );
  }

  // ---- Review (decisions in decideReview.ts; who may is checked by the caller) ----

  restoreRevision(input: CellRestorePayload, by: string): Promise<CellEditAck> {
    return this.commit(input.docId, input.opId, 'cell', by, (doc) => decideRestore(doc, input));
  }

  addComment(input: CommentAddPayload, mentions: string[], by: string): Promise<CommentAck> {
    return this.commit(input.docId, input.opId, 'comment', by, (doc) =>
      decideComment(doc, input, mentions, opDerivedId('c_', input.docId, by, input.opId)),
    );
  }

  resolveComment(input: CommentResolvePayload, by: string): Promise<SeqAck> {
    return this.commit(input.docId, input.opId, 'seq', by, (doc) => decideResolve(doc, input));
  }

  async reviewBatch(input: ReviewBatchPayload, action: 'approve' | 'submit', by: string): Promise<BatchAck> {
    const rt = this.runtime(input.docId);
    // The checks run first, in slices (precheck.ts), so other editors are not held up; a retry needs none.
    const prechecked =
      action === 'approve' && !rt.op(by, input.opId) && docLangs(rt.doc).includes(input.lang)
        ? await precheckApprovals(rt.doc, input.lang, this.glossaryOf())
        : undefined;
    return this.commit(input.docId, input.opId, 'batch', by, (doc) =>
      decideBatch(doc, input.lang, action, by, this.glossaryOf(), prechecked),
    );
  }

  updateSettings(input: DocSettingsPayload, by: string): Promise<SeqAck> {
    return this.commit(input.docId, input.opId, 'seq', by, (doc) => decideSettings(doc, input));
  }

  /** Open comments that mention `userId`, in every document, newest first (mentions.ts). */
  mentionsOf(userId: string, limit: number): Omit<MentionNotification, 'byName'>[] {
    return openMentions(
      [...this.docs.values()].map((rt) => rt.doc),
      userId,
      limit,
    );
  }

  /** A comment as it is now, or undefined (to check who may resolve it before deciding). */
  comment(docId: string, commentId: string): CellComment | undefined {
    const c = this.runtime(docId).doc.comments?.find((x) => x.id === commentId);
    return c && structuredClone(c);
  }

  /** The recent events still in memory as activity lines, oldest first (at most `limit`). */
  activity(docId: string, limit: number): ActivityItem[] {
    const rt = this.runtime(docId);
    let items: ActivityItem[] = [];
    // Typing folds many edits into one line, so read well past `limit` events.
    for (const ev of rt.recentEvents(limit * 20)) items = appendActivity(items, ev, limit);
    return items;
  }

  insertParagraph(input: ParagraphInsertPayload, by: string): Promise<ParagraphOpAck> {
    return this.commit(input.docId, input.opId, 'paragraph', by, (doc) =>
      decideInsert(doc, input, opDerivedId('p_', input.docId, by, input.opId)),
    );
  }

  deleteParagraph(input: ParagraphDeletePayload, by: string): Promise<ParagraphOpAck> {
    return this.commit(input.docId, input.opId, 'paragraph', by, (doc) => decideDelete(doc, input));
  }

  splitParagraph(input: ParagraphSplitPayload, by: string): Promise<ParagraphOpAck> {
    return this.commit(input.docId, input.opId, 'paragraph', by, (doc) => decideSplit(doc, input, () => newId('p_')));
  }

  joinParagraph(input: ParagraphJoinPayload, by: string): Promise<ParagraphOpAck> {
    return this.commit(input.docId, input.opId, 'paragraph', by, (doc) => decideJoin(doc, input));
  }

  /**
   * Fills cells from the translation memory (server/src/tm/pretranslate.ts
   * decides which): ordinary `cell.edited` events, so they are journaled,
   * broadcast and in history like any edit. The server names the operation.
   */
  pretranslate(docId: string, by: string, decide: (doc: DocumentState) => Decision<PretranslateResult>): Promise<PretranslateResult> {
    return this.commit(docId, newId('pretranslate_'), 'pretranslate', by, decide);
  }

  /**
   * Applies an import (cell texts from a file as `import` revisions, decided
   * in services/interchange): ordinary events, journaled, broadcast and in
   * history like any edit. The server names the operation.
   */
  importCells(docId: string, by: string, decide: (doc: DocumentState) => Decision<SeqAck>): Promise<SeqAck> {
    return this.commit(docId, newId('import_'), 'seq', by, decide);
  }

  /**
   * The project glossary for the checks that gate approval. A provider, set
   * once by the aids (server/src/aids.ts): the glossary lives beside the
   * documents, not in them, and changes while documents stay open.
   */
  useGlossary(provider: () => Glossary): void {
    this.glossaryOf = provider;
  }

  /**
   * Every live document, read-only, for indexes derived from them (the
   * translation memory rebuilds itself from approved cells at start-up).
   * Synchronous, so callers see one consistent moment; they must not mutate.
   */
  forEachDocument(fn: (doc: Readonly<DocumentState>) => void): void {
    for (const rt of this.docs.values()) fn(rt.doc);
  }

  /** One paragraph as it is now (a copy) with its document's meta, or undefined when either is gone. */
  paragraph(docId: string, paragraphId: string): { meta: DocumentMeta; paragraph: Paragraph } | undefined {
    const rt = this.docs.get(docId);
    const p = rt?.doc.paragraphs.find((x) => x.id === paragraphId);
    return rt && p ? { meta: this.meta(docId), paragraph: structuredClone(p) } : undefined;
  }

  /**
   * Reads a live paragraph without copying it, for indexes derived on every
   * committed event (the translation memory): `read` runs synchronously and
   * must neither keep nor change what it is given.
   */
  withParagraph<T>(
    docId: string,
    paragraphId: string,
    read: (doc: Readonly<DocumentMeta>, paragraph: Readonly<Paragraph>) => T,
  ): T | undefined {
    const rt = this.docs.get(docId);
    const p = rt?.doc.paragraphs.find((x) => x.id === paragraphId);
    return rt && p ? read(rt.doc, p) : undefined;
  }

  /** Snapshots every document changed since the last checkpoint (no-op when none). */
  checkpoint(): Promise<void> {
    return this.checkpoints.run();
  }

  startCheckpoints(intervalMs: number): void {
    this.checkpoints.start(intervalMs);
  }

  /** Waits for pending appends, then writes a final checkpoint. */
  async close(): Promise<void> {
    this.checkpoints.stop();
    await Promise.all([...this.docs.values()].map((rt) => rt.tail));
    await this.checkpoint();
  }

  /**
   * After a failed append the journal refuses everything (fail-stop, see
   * storage/journal.ts), so stop deciding too: applying more in memory would
   * only widen the gap between what clients were told and what is on disk.
   */
  private assertWritable(): void {
    if (this.broken !== undefined) throw new AppError('internal', 'the journal failed; the server must be restarted');
  }

  private runtime(docId: string): DocRuntime {
    const rt = this.docs.get(docId);
    if (!rt) throw new AppError('document_not_found', `no document ${docId}`);
    return rt;
  }

  private async commit<K extends OpKind>(
    docId: string,
    opId: string,
    kind: K,
    by: string,
    decide: (doc: DocumentState) => Decision<AckByKind[K]>,
  ): Promise<AckByKind[K]> {
    const rt = this.runtime(docId);
    const seen = rt.op(by, opId);
    if (seen) {
      if (seen.result.kind !== kind) throw new AppError('bad_request', `operation id ${opId} was used for another kind of operation`);
      await seen.durable;
      // Same kind checked just above, so the stored ack has this kind's shape.
      return seen.result.ack as AckByKind[K];
    }
    this.assertWritable();
    const decision = decide(rt.doc);
    const events = this.applyBodies(rt, decision.bodies, by, opId);
    const ack = decision.finish(rt.doc, rt.doc.seq);
    // An unchanged edit writes nothing, but still waits its turn so acks stay in order.
    const durable = events.length > 0 ? this.persist(rt, events) : rt.tail;
    // A retry waits on the same promise: it fails too if this one's append failed.
    durable.catch(() => {});
    rt.rememberOp(by, opId, { kind, ack } as OpResult, durable);
    await durable;
    return ack;
  }

  /** Stamps and applies event bodies in memory, synchronously. */
  private applyBodies(rt: DocRuntime, bodies: readonly DocEventBody[], by: string, opId: string | null): DocEvent[] {
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
   * broadcast or acknowledged (the sender gets `internal`), and the service
   * refuses every later change until restarted; recovery then replays what the
   * journal really holds.
   */
  private persist(rt: DocRuntime, events: DocEvent[]): Promise<void> {
    const appended = this.store.append(events);
    const published = Promise.all([rt.tail, appended]).then(() => this.publish(rt.doc.id, events));
    rt.tail = published.catch((err: unknown) => {
      this.broken ??= err;
      this.log(`journal append failed for ${rt.doc.id}, refusing further changes: ${String(err)}`);
    });
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
}

function toSnapshot(doc: DocumentState): DocumentSnapshot {
  const { history: _history, ...rest } = doc;
  return structuredClone(rest);
}
