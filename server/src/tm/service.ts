import { AppError, docLangs, TM_MIN_SCORE } from '../../../shared/index.js';
import { stripTags } from '../../../shared/inline/index.js';
import type {
  ConcordanceHit,
  DocEvent,
  DocumentMeta,
  DocumentState,
  Lang,
  Paragraph,
  PretranslateResult,
  TmImportResult,
  TmMatch,
  TmRowsChange,
  TmStatsDto,
} from '../../../shared/index.js';
import { LANGS } from '../../../shared/index.js';
import type { ParsedTmx } from '../interchange/tmx/parse.js';
import type { FileParser } from '../interchange/offThread/index.js';
import type { DocumentOps, DocumentService } from '../services/documents/index.js';
import { timeSlicer } from '../slices.js';
import type { TmStore } from '../storage/types.js';
import { MemoryIndex } from './memoryIndex.js';
import type { Unit } from './memoryIndex.js';
import { chooseExact, decidePretranslate } from './pretranslate.js';
import { contentKey, findPhrase, fromRecord, rowKey, unitFromRow } from './units.js';
import { diffWords } from './score.js';
import { tmxFromFile, tmxFromText, tmxRecords } from './tmxImport.js';

/**
 * The translation memory of the installation: approved rows of every
 * document (derived, rebuilt at start-up, kept current from committed
 * events) plus TMX imports (stored in tm.json).
 */
export class TmService {
  private readonly index = new MemoryIndex();
  private readonly rowsByDoc = new Map<string, Set<string>>();
  private readonly stops: (() => void)[] = [];
  private closed = false;
  private warmed: Promise<void> = Promise.resolve();
  private warming: Promise<void> | undefined;
  /** Documents every row of which has been indexed (a commit indexes only the rows it touched). */
  private readonly whole = new Set<string>();
  private readonly ops: DocumentOps;

  constructor(
    private readonly documents: DocumentService,
    private readonly store: TmStore,
    private readonly log: (msg: string) => void = () => {},
  ) {
    this.ops = documents.ops();
  }

  /**
   * Follows commits, indexes every document in memory (one synchronous pass,
   * so no commit falls between the two; those left on disk wait for warmUp),
   * then loads the TMX entries in slices that
   * yield to the event loop: 100,000 entries take seconds to index, and the
   * rest of the server must keep answering meanwhile.
   */
  async start(): Promise<void> {
    this.stops.push(
      this.documents.engine.onCommitted((docId, events) => this.follow(docId, events)),
      // A copy read again skipped events this memory never followed: its rows are derived again, whole.
      this.documents.engine.onReread((docId, doc) => (doc ? this.replaceDocument(doc) : this.removeDocument(docId))),
    );
    this.documents.reads.forEachDocument((doc) => this.putDocument(doc, doc.paragraphs));
    const entries = await this.store.list();
    for (let i = 0; i < entries.length; i++) {
      this.index.upsert(fromRecord(entries[i]!));
      if (i % 2000 === 1999) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.index.freeze();
  }

  /**
   * Indexes the documents not in memory, in the background (the app calls it
   * once the server listens). Until it is done, lookups wait for it.
   */
  warmUp(): void {
    this.warming ??= this.warm();
    this.warmed = this.warming.catch((err: unknown) => this.log(`translation memory: warming failed: ${String(err)}`));
  }

  /**
   * The documents start-up left on disk (stubs), indexed after the server
   * listens: one at a time, read from its snapshot without keeping it in
   * memory, yielding between documents so edits keep flowing. Start-up thus
   * costs the same with ten documents or ten thousand.
   */
  private async warm(): Promise<void> {
    const started = Date.now();
    let indexed = 0;
    // With documents in PostgreSQL none is in memory at start-up: their paragraphs are read from the snapshots, without history.
    await this.documents.reads.forEachStoredDocument((meta, paragraphs) => {
      if (this.closed) return;
      this.putDocument(meta, paragraphs);
      indexed++;
    });
    // Every document not indexed yet: left on disk, or opened since start-up (opening does not index).
    for (const id of this.documents.reads.ids()) {
      if (this.closed) return;
      // Indexed at start-up or by the scan above, and followed since: already current.
      if (this.whole.has(id)) continue;
      let doc: Readonly<DocumentState> | undefined;
      try {
        doc = await this.documents.reads.stateForIndex(id);
      } catch (err) {
        this.log(`translation memory: document ${id} could not be read: ${String(err)}`);
        continue;
      }
      // Read and indexed in one tick: a commit that follows is applied on top, never under.
      if (doc && !this.closed) {
        this.putDocument(doc, doc.paragraphs);
        indexed++;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.index.freeze();
    if (indexed > 0) this.log(`translation memory: ${indexed} documents indexed in ${Date.now() - started} ms after start-up`);
  }

  close(): void {
    this.closed = true;
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Called after entries were imported here (another node then loads them: see refreshImported). */
  onImported(listener: () => void): void {
    this.changed = listener;
  }

  private changed: () => void = () => {};
  private rowsListener: ((change: TmRowsChange) => void) | null = null;
  /** The rows the commit being followed put and removed, for rowsListener. */
  private pending: TmRowsChange | null = null;

  /** Called with the rows each followed commit changed (another node that does not hold the document takes them). */
  onRowsChanged(listener: (change: TmRowsChange) => void): void {
    this.rowsListener = listener;
  }

  /**
   * Rows another node derived from a document this node does not hold in
   * memory (one it holds, it follows itself, in seq order; a message from
   * elsewhere could be older than what it has).
   */
  applyRemoteRows(change: TmRowsChange): void {
    if (this.documents.registry.peek(change.docId)) return;
    if (change.deleted) {
      this.removeDocument(change.docId);
      return;
    }
    for (const id of change.remove) {
      this.index.remove(id);
      this.rowsByDoc.get(change.docId)?.delete(id);
    }
    for (const row of change.put) {
      this.index.upsert({ ...row, origin: 'document', docId: change.docId });
      let rows = this.rowsByDoc.get(change.docId);
      if (!rows) this.rowsByDoc.set(change.docId, (rows = new Set()));
      rows.add(row.id);
    }
  }

  /**
   * Takes in the imported entries another node stored since this one looked:
   * entries are only ever added, so whatever id the memory does not hold yet
   * is new. Returns how many were added.
   */
  async refreshImported(): Promise<number> {
    const fresh = (await this.store.list()).filter((r) => this.index.get(r.id) === undefined);
    for (let i = 0; i < fresh.length; i++) {
      this.index.upsert(fromRecord(fresh[i]!));
      if (i % 2000 === 1999) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (fresh.length > 0) this.index.freeze();
    return fresh.length;
  }

  stats(): TmStatsDto {
    let fromDocuments = 0;
    for (const u of this.index.all()) if (u.origin === 'document') fromDocuments++;
    return { entries: this.index.size, fromDocuments, fromTmx: this.index.size - fromDocuments };
  }

  /** Best matches for the cell (docId, paragraphId, lang): on the row's source, and pivot on its other approved translations. */
  async lookupForCell(docId: string, paragraphId: string, lang: Lang, limit: number): Promise<TmMatch[]> {
    await this.warmed;
    const meta = this.documents.reads.meta(docId);
    if (!docLangs(meta).includes(lang)) throw new AppError('language_not_in_document', `document ${docId} has no ${lang} column`);
    // Loaded first if it was evicted, then read in one tick.
    await this.documents.reads.open(docId);
    const row = this.documents.reads.paragraph(docId, paragraphId);
    if (!row) throw new AppError('paragraph_not_found', `no paragraph ${paragraphId} in document ${docId}`);
    if (lang === meta.sourceLang) return [];
    const queries: { lang: Lang; text: string; via: TmMatch['via'] }[] = [];
    const source = stripTags(row.paragraph.cells[meta.sourceLang]?.text ?? '');
    if (source.trim() !== '') queries.push({ lang: meta.sourceLang, text: source, via: 'source' });
    for (const l of meta.targetLangs) {
      const c = row.paragraph.cells[l];
      if (l !== lang && c && c.approvedText && !c.outdated) queries.push({ lang: l, text: stripTags(c.approvedText), via: 'pivot' });
    }
    const own = rowKey(docId, paragraphId);
    const accept = (u: Unit): boolean => u.id !== own && u.texts[lang] !== undefined;
    const best = new Map<string, TmMatch>();
    for (const q of queries) {
      for (const hit of this.index.lookup(q.text, q.lang, { minScore: TM_MIN_SCORE, limit: limit * 2, accept })) {
        const targetText = hit.unit.texts[lang]!;
        const prev = best.get(targetText);
        // One suggestion per distinct translation; the source route wins a tie (it is what the translator reads).
        if (prev && (prev.score > hit.score || (prev.score === hit.score && prev.via === 'source'))) continue;
        best.set(targetText, this.toMatch(hit.unit, hit.score, q, lang));
      }
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || (a.via === b.via ? 0 : a.via === 'source' ? -1 : 1) || (a.at < b.at ? 1 : -1))
      .slice(0, limit);
  }

  async search(q: string, lang: Lang | undefined, limit: number): Promise<ConcordanceHit[]> {
    await this.warmed;
    return this.index.search(q, lang ? [lang] : LANGS, limit).map(({ unit, lang: l }) => ({
      entryId: unit.id,
      lang: l,
      ranges: findPhrase(unit.texts[l] ?? '', q, l),
      texts: { ...unit.texts },
      origin: unit.origin,
      docTitle: this.titleOf(unit.docId),
    }));
  }

  /** A TMX file given as text (tests, and callers that already hold it as a string); files go through importFile. */
  async importTmx(content: string, name: string | undefined, by: string): Promise<TmImportResult> {
    return this.importParsed(tmxFromText(content), name, by);
  }

  /** A TMX file as uploaded or read by `anor import tmx`, read in the import worker (tmxImport.ts). */
  async importFile(bytes: Buffer, name: string | undefined, by: string, parser: FileParser): Promise<TmImportResult> {
    return this.importParsed(await tmxFromFile(bytes, name, parser), name, by);
  }

  private async importParsed(parsed: ParsedTmx, name: string | undefined, by: string): Promise<TmImportResult> {
    // What the memory already holds from TMX files, by content: importing a file twice adds nothing the second time.
    const held = new Set<string>();
    for (const u of this.index.all()) if (u.origin === 'tmx') held.add(contentKey(u.texts));
    // Read, stored and indexed in slices, so that everyone else's edits are acknowledged meanwhile.
    const pause = timeSlicer(8);
    const { records, skipped, duplicates } = await tmxRecords(
      parsed,
      held,
      { at: new Date().toISOString(), by, source: name ?? null },
      pause,
    );
    await this.store.addMany(records);
    if (records.length > 0) this.changed();
    for (let i = 0; i < records.length; i++) {
      this.index.upsert(fromRecord(records[i]!));
      if ((i & 63) === 63) await pause();
    }
    this.index.freeze();
    return { added: records.length, skipped, duplicates };
  }

  async pretranslate(docId: string, langs: Lang[] | undefined, by: string): Promise<PretranslateResult> {
    this.documents.reads.meta(docId);
    await this.warmed;
    return this.ops.pretranslate(docId, by, (doc) =>
      decidePretranslate(doc, langs, (text, sourceLang, targetLang) =>
        chooseExact(
          this.index.exactMatches(text, sourceLang, (u) => u.texts[targetLang] !== undefined),
          text,
          sourceLang,
          targetLang,
        ),
      ),
    );
  }

  private toMatch(unit: Unit, score: number, q: { lang: Lang; text: string; via: TmMatch['via'] }, lang: Lang): TmMatch {
    const matchText = unit.texts[q.lang] ?? '';
    return {
      entryId: unit.id,
      score,
      via: q.via,
      matchLang: q.lang,
      matchText,
      diff: diffWords(q.text, matchText),
      targetLang: lang,
      targetText: unit.texts[lang] ?? '',
      origin: unit.origin,
      docId: unit.docId,
      docTitle: this.titleOf(unit.docId),
      at: unit.at,
    };
  }

  private titleOf(docId: string | null): string | null {
    if (!docId) return null;
    try {
      return this.documents.reads.meta(docId).title;
    } catch {
      return null;
    }
  }

  private putDocument(meta: Pick<DocumentMeta, 'id' | 'sourceLang' | 'targetLangs'>, paragraphs: readonly Paragraph[]): void {
    for (const p of paragraphs) this.putRow(meta, p);
    this.whole.add(meta.id);
  }

  /**
   * Every row of the document derived again from `doc`, and the rows of
   * paragraphs it no longer has removed (a row whose approved text went is
   * replaced by the unit putRow derives). Not sent to other nodes: the ones
   * that committed the skipped events sent their rows then.
   */
  private replaceDocument(doc: Readonly<DocumentState>): void {
    const before = this.rowsByDoc.get(doc.id);
    this.rowsByDoc.delete(doc.id);
    this.putDocument(doc, doc.paragraphs);
    const now = this.rowsByDoc.get(doc.id);
    for (const id of before ?? []) if (!now?.has(id)) this.index.remove(id);
  }

  private removeDocument(docId: string): void {
    for (const id of this.rowsByDoc.get(docId) ?? []) this.index.remove(id);
    this.rowsByDoc.delete(docId);
    this.whole.delete(docId);
  }

  private putRow(meta: Pick<DocumentMeta, 'id' | 'sourceLang' | 'targetLangs'>, p: Paragraph): void {
    const unit = unitFromRow(meta, p);
    this.index.upsert(unit);
    this.pending?.put.push({ id: unit.id, paragraphId: p.id, texts: unit.texts, at: unit.at });
    let rows = this.rowsByDoc.get(meta.id);
    if (!rows) this.rowsByDoc.set(meta.id, (rows = new Set()));
    rows.add(unit.id);
  }

  private refresh(docId: string, paragraphId: string): void {
    // Runs for every committed edit: read the live row, no copy (unitFromRow copies the strings it keeps).
    const found = this.documents.reads.withParagraph(docId, paragraphId, (meta, p) => {
      this.putRow(meta, p);
      return true;
    });
    if (!found) {
      this.index.remove(rowKey(docId, paragraphId));
      this.pending?.remove.push(rowKey(docId, paragraphId));
      this.rowsByDoc.get(docId)?.delete(rowKey(docId, paragraphId));
    }
  }

  /**
   * Re-derives the rows an event touched from the document as it is now
   * (events arrive once durable, possibly after later ones were applied in
   * memory: reading the current state converges either way).
   */
  private follow(docId: string, events: readonly DocEvent[]): void {
    if (this.rowsListener) this.pending = { docId, deleted: false, put: [], remove: [] };
    try {
      for (const ev of events) {
        switch (ev.type) {
          case 'document.created':
            this.documents.reads.forEachDocument((doc) => {
              if (doc.id === docId) this.putDocument(doc, doc.paragraphs);
            });
            break;
          case 'document.deleted':
            this.removeDocument(docId);
            if (this.pending) this.pending.deleted = true;
            break;
          case 'paragraph.split':
            this.refresh(docId, ev.paragraphId);
            this.refresh(docId, ev.newParagraphId);
            break;
          case 'paragraph.joined':
            this.refresh(docId, ev.paragraphId);
            this.refresh(docId, ev.nextParagraphId);
            break;
          default:
            // Cell and paragraph events name their row; events without one (settings, comments) change no text.
            if ('paragraphId' in ev && typeof ev.paragraphId === 'string') this.refresh(docId, ev.paragraphId);
        }
      }
    } catch (err) {
      this.log(`translation memory update failed for ${docId}: ${String(err)}`);
    }
    const change = this.pending;
    this.pending = null;
    if (change && (change.deleted || change.put.length > 0 || change.remove.length > 0)) this.rowsListener?.(change);
  }
}
