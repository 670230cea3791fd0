import { AppError, appendActivity, cellKey, docLangs } from '../../../../shared/index.js';
import type {
  ActivityItem,
  CellComment,
  CellHistoryDto,
  DocEvent,
  DocumentMeta,
  DocumentSettings,
  DocumentSnapshot,
  DocumentState,
  DocumentSummary,
  Lang,
  MentionNotification,
  Paragraph,
} from '../../../../shared/index.js';
import { openMentions } from './mentions.js';
import { DocRuntime } from './runtime.js';
import { metaOf } from './registry.js';
import type { DocumentRegistry } from './registry.js';
import { summarize } from './summary.js';

export type JoinResult = { mode: 'snapshot'; doc: DocumentSnapshot } | { mode: 'events'; events: DocEvent[] };

/**
 * Read models over the registry: every answer is a copy or derived data, so
 * no live document state leaves the engine (the two exceptions, for indexes
 * that follow every commit, are marked). Reads that need a document's state
 * load it if it was evicted; meta, settings, summaries and mentions are
 * answered from what the registry keeps of evicted documents.
 */
export class DocumentReads {
  constructor(private readonly registry: DocumentRegistry) {}

  count(): number {
    return this.registry.count();
  }

  list(): DocumentSummary[] {
    const all = [...this.registry.liveDocs()].map((rt) => summarize(rt.doc));
    for (const r of this.registry.restingDocs()) all.push(r.summary);
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  meta(docId: string): DocumentMeta {
    const found = this.registry.stub(docId);
    return found instanceof DocRuntime ? metaOf(found.doc) : { ...found.meta };
  }

  /** The document's settings (the four-eyes rule) without copying the document. */
  settings(docId: string): DocumentSettings {
    return { ...this.registry.settings(docId) };
  }

  async snapshot(docId: string): Promise<DocumentSnapshot> {
    return toSnapshot((await this.registry.open(docId)).doc);
  }

  /** The document's paragraph ids in order, without copying its paragraphs (a snapshot of a large one takes a while). */
  async paragraphIds(docId: string): Promise<string[]> {
    return (await this.registry.open(docId)).doc.paragraphs.map((p) => p.id);
  }

  async history(docId: string, paragraphId: string, lang: Lang): Promise<CellHistoryDto> {
    const { doc } = await this.registry.open(docId);
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
   * still holds them, else a snapshot. Call `joinLive` in the tick that
   * subscribes the client to the live stream, so nothing falls between the
   * two; events applied but not yet broadcast arrive again later and the
   * client drops them by seq. `open` first makes sure the document is in memory.
   */
  joinLive(docId: string, sinceSeq?: number): JoinResult {
    const rt = this.registry.peek(docId);
    if (!rt) throw new AppError('document_not_found', `no document ${docId}`);
    const events = sinceSeq === undefined ? undefined : rt.eventsAfter(sinceSeq);
    return events ? { mode: 'events', events } : { mode: 'snapshot', doc: toSnapshot(rt.doc) };
  }

  async open(docId: string): Promise<void> {
    await this.registry.open(docId);
  }

  /** Open comments that mention `userId`, in every document, newest first (mentions.ts). */
  mentionsOf(userId: string, limit: number): Omit<MentionNotification, 'byName'>[] {
    const sources: { id: string; title: string; comments?: readonly CellComment[] }[] = [...this.registry.liveDocs()].map((rt) => rt.doc);
    for (const r of this.registry.restingDocs()) sources.push({ id: r.meta.id, title: r.meta.title, comments: r.mentioning });
    return openMentions(sources, userId, limit);
  }

  /** A comment as it is now, or undefined (to check who may resolve it before deciding). */
  async comment(docId: string, commentId: string): Promise<CellComment | undefined> {
    const c = (await this.registry.open(docId)).doc.comments?.find((x) => x.id === commentId);
    return c && structuredClone(c);
  }

  /** The recent events still in memory as activity lines, oldest first (at most `limit`). */
  async activity(docId: string, limit: number): Promise<ActivityItem[]> {
    const rt = await this.registry.open(docId);
    let items: ActivityItem[] = [];
    // Typing folds many edits into one line, so read well past `limit` events.
    for (const ev of rt.recentEvents(limit * 20)) items = appendActivity(items, ev, limit);
    return items;
  }

  /** One paragraph of a document in memory (a copy) with its meta, or undefined: for commit listeners. */
  paragraph(docId: string, paragraphId: string): { meta: DocumentMeta; paragraph: Paragraph } | undefined {
    const rt = this.registry.peek(docId);
    const p = rt?.doc.paragraphs.find((x) => x.id === paragraphId);
    return rt && p ? { meta: metaOf(rt.doc), paragraph: structuredClone(p) } : undefined;
  }

  /**
   * Live, not copied: every document in memory, for indexes derived from
   * them (the translation memory at start-up). Synchronous, so callers see one
   * consistent moment; they must neither keep nor change what they are given.
   */
  forEachDocument(fn: (doc: Readonly<DocumentState>) => void): void {
    for (const rt of this.registry.liveDocs()) fn(rt.doc);
  }

  /** Every document, in memory or not, for an index that reads them in the background. */
  ids(): string[] {
    return [...[...this.registry.liveDocs()].map((rt) => rt.doc.id), ...[...this.registry.restingDocs()].map((r) => r.meta.id)];
  }

  /**
   * Live, not copied: the document in memory, or what its snapshot says
   * without bringing it into memory (an index built in the background reads
   * every document once; loading each would hold them all until they idle
   * out). Undefined when it is gone. Read what it gives before awaiting again.
   */
  async stateForIndex(docId: string): Promise<Readonly<DocumentState> | undefined> {
    return this.registry.peekOrRead(docId);
  }

  /**
   * Every document not in memory, from a shared store (PostgreSQL loads none
   * at start-up): meta and paragraphs, one document at a time, without
   * loading them into the registry. Nothing with the embedded store, which
   * holds every document after start-up. `fn` must not keep what it is given.
   */
  async forEachStoredDocument(fn: (meta: Readonly<DocumentMeta>, paragraphs: readonly Paragraph[]) => void): Promise<void> {
    const shared = this.registry.sharedStore;
    if (!shared) return;
    for await (const d of shared.scanParagraphs((id) => this.registry.isLive(id))) {
      if (!this.registry.isLive(d.meta.id)) fn(d.meta, d.paragraphs);
    }
  }

  /**
   * Live, not copied: a paragraph of a document in memory, for indexes derived
   * on every committed event (the translation memory); `read` runs
   * synchronously and must neither keep nor change what it is given.
   */
  withParagraph<T>(
    docId: string,
    paragraphId: string,
    read: (doc: Readonly<DocumentMeta>, paragraph: Readonly<Paragraph>) => T,
  ): T | undefined {
    const rt = this.registry.peek(docId);
    const p = rt?.doc.paragraphs.find((x) => x.id === paragraphId);
    return rt && p ? read(rt.doc, p) : undefined;
  }
}

function toSnapshot(doc: DocumentState): DocumentSnapshot {
  const { history: _history, ...rest } = doc;
  return structuredClone(rest);
}
