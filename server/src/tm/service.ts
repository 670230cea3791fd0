import { AppError, docLangs, TM_MIN_SCORE } from '../../../shared/index.js';
import { stripTags } from '../../../shared/inline/index.js';
import type {
  ConcordanceHit,
  DocEvent,
  DocumentMeta,
  Lang,
  Paragraph,
  PretranslateResult,
  TmImportResult,
  TmMatch,
  TmRowsChange,
  TmStatsDto,
} from '../../../shared/index.js';
import { LANGS } from '../../../shared/index.js';
import { foldForMatch } from '../../../shared/text/normalize.js';
import { formatProblem } from '../interchange/problems.js';
import { parseTmx } from '../interchange/tmx/parse.js';
import type { ParsedTmx } from '../interchange/tmx/parse.js';
import type { Problem } from '../interchange/problems.js';
import type { FileParser } from '../interchange/offThread/index.js';
import type { InterchangeFile } from '../interchange/read.js';
import type { DocumentOps, DocumentService } from '../services/documents/index.js';
import { newIds } from '../services/ids.js';
import { timeSlicer } from '../slices.js';
import type { TmEntryRecord, TmStore } from '../storage/types.js';
import { langFromTag } from './langTag.js';
import { MemoryIndex } from './memoryIndex.js';
import type { Unit, UnitInput } from './memoryIndex.js';
import { chooseExact, decidePretranslate } from './pretranslate.js';
import { diffWords } from './score.js';

/** The unit key of a document row: one unit per paragraph holds its source and approved targets. */
function rowKey(docId: string, paragraphId: string): string {
  return `d:${docId}:${paragraphId}`;
}

/**
 * A row's memory unit: the source text plus every target whose approved text
 * still belongs to this source (approved and not outdated). A deliberate
 * choice: the memory is a function of the documents as they are, so the live
 * updates and a rebuild after restart give exactly the same memory.
 */
export function unitFromRow(meta: Pick<DocumentMeta, 'id' | 'sourceLang' | 'targetLangs'>, p: Paragraph): UnitInput {
  const texts: Partial<Record<Lang, string>> = {};
  let at = '';
  const source = p.cells[meta.sourceLang];
  if (source) texts[meta.sourceLang] = stripTags(source.text);
  for (const l of meta.targetLangs) {
    const c = p.cells[l];
    if (!c || c.approvedText === null || c.outdated) continue;
    texts[l] = stripTags(c.approvedText);
    if ((c.updatedAt ?? '') > at) at = c.updatedAt ?? '';
  }
  return { id: rowKey(meta.id, p.id), origin: 'document', docId: meta.id, paragraphId: p.id, texts, at };
}

/**
 * The translation memory of the installation: approved rows of every
 * document (derived, rebuilt at start-up, kept current from committed
 * events) plus TMX imports (stored in tm.json).
 */
export class TmService {
  private readonly index = new MemoryIndex();
  private readonly rowsByDoc = new Map<string, Set<string>>();
  private stop: (() => void) | null = null;
  private readonly ops: DocumentOps;

  constructor(
    private readonly documents: DocumentService,
    private readonly store: TmStore,
    private readonly log: (msg: string) => void = () => {},
  ) {
    this.ops = documents.ops();
  }

  /**
   * Follows commits, indexes every document (one synchronous pass, so no
   * commit falls between the two), then loads the TMX entries in slices that
   * yield to the event loop: 100,000 entries take seconds to index, and the
   * rest of the server must keep answering meanwhile.
   */
  async start(): Promise<void> {
    this.stop = this.documents.engine.onCommitted((docId, events) => this.follow(docId, events));
    this.documents.reads.forEachDocument((doc) => {
      for (const p of doc.paragraphs) this.putRow(doc, p);
    });
    // With documents in PostgreSQL none is in memory at start-up: their paragraphs are read from the snapshots.
    await this.documents.reads.forEachStoredDocument((meta, paragraphs) => {
      for (const p of paragraphs) this.putRow(meta, p);
    });
    const entries = await this.store.list();
    for (let i = 0; i < entries.length; i++) {
      this.index.upsert(fromRecord(entries[i]!));
      if (i % 2000 === 1999) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.index.freeze();
  }

  close(): void {
    this.stop?.();
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
      for (const id of this.rowsByDoc.get(change.docId) ?? []) this.index.remove(id);
      this.rowsByDoc.delete(change.docId);
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

  search(q: string, lang: Lang | undefined, limit: number): ConcordanceHit[] {
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
    const parsed = parseTmx(content);
    if (!parsed.ok) throw tmxRefused(parsed.problems);
    return this.importParsed(parsed.value, name, by);
  }

  /**
   * A TMX file as uploaded (or read by `anor import tmx`), read by `parser`
   * the way every other import is: decoded (UTF-8, or UTF-16 with a BOM) and
   * parsed in the import worker on the server, with its memory and time
   * limits, so a 16 MB file does not hold other users up while it is read.
   */
  async importFile(bytes: Buffer, name: string | undefined, by: string, parser: FileParser): Promise<TmImportResult> {
    let read: InterchangeFile;
    try {
      read = await parser.translation(bytes, name);
    } catch (e) {
      // The memory has answered a file it cannot read with bad_request since before the import worker: kept.
      // A structural bound (import_refused with its problems) keeps the code and the details the memory has always given.
      const problems = e instanceof AppError ? problemsOf(e.details) : [];
      if (e instanceof AppError && (e.code === 'malformed_file' || e.code === 'unsupported_format' || problems.length > 0))
        throw tmxRefused(problems);
      throw e;
    }
    if (read.format !== 'tmx')
      throw new AppError('bad_request', `not a TMX 1.4 file: this is ${read.format === 'po' ? 'a gettext PO' : 'an XLIFF'} file`);
    return this.importParsed(read.tmx, name, by);
  }

  private async importParsed(parsed: ParsedTmx, name: string | undefined, by: string): Promise<TmImportResult> {
    const at = new Date().toISOString();
    const records: TmEntryRecord[] = [];
    let skipped = 0;
    let duplicates = 0;
    // What the memory already holds from TMX files, by content: importing a file twice adds nothing the second time.
    const held = new Set<string>();
    for (const u of this.index.all()) if (u.origin === 'tmx') held.add(contentKey(u.texts));
    // A 16 MB file is some 30,000 units: read, stored and indexed in slices, so that everyone else's edits
    // are acknowledged meanwhile (e2e/importStall.test.ts).
    const pause = timeSlicer(8);
    const ids = newIds('x_', parsed.units.length);
    for (const [n, tu] of parsed.units.entries()) {
      if ((n & 63) === 63) await pause();
      const texts: Partial<Record<Lang, string>> = {};
      for (const v of tu.variants) {
        const m = langFromTag(v.lang);
        if (m && v.text.trim() !== '' && texts[m.lang] === undefined) texts[m.lang] = m.convert(v.text);
      }
      if (Object.keys(texts).length < 2) {
        skipped++;
        continue;
      }
      const key = contentKey(texts);
      if (held.has(key)) {
        duplicates++;
        continue;
      }
      held.add(key);
      records.push({ id: ids[n]!, texts, importedAt: at, importedBy: by, source: name ?? null });
    }
    await this.store.addMany(records);
    if (records.length > 0) this.changed();
    for (let i = 0; i < records.length; i++) {
      this.index.upsert(fromRecord(records[i]!));
      if ((i & 63) === 63) await pause();
    }
    this.index.freeze();
    return { added: records.length, skipped, duplicates };
  }

  pretranslate(docId: string, langs: Lang[] | undefined, by: string): Promise<PretranslateResult> {
    this.documents.reads.meta(docId);
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
              if (doc.id === docId) for (const p of doc.paragraphs) this.putRow(doc, p);
            });
            break;
          case 'document.deleted':
            for (const id of this.rowsByDoc.get(docId) ?? []) this.index.remove(id);
            this.rowsByDoc.delete(docId);
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

/**
 * A unit's identity by content: every language with its text, in a fixed
 * order. Derived from what is stored, so no key needs storing (and a store
 * behind storage/types.ts needs nothing new).
 */
function contentKey(texts: Partial<Record<Lang, string>>): string {
  return LANGS.map((l) => `${texts[l] ?? '\u0001'}`).join('\u0000');
}

function fromRecord(e: TmEntryRecord): UnitInput {
  return { id: e.id, origin: 'tmx', docId: null, paragraphId: null, texts: e.texts, at: e.importedAt };
}

/** Where the phrase is in the original text: folded the same length-keeping way, so offsets are the original's. */
function findPhrase(text: string, q: string, lang: Lang): { start: number; end: number }[] {
  const hay = foldForMatch(text.normalize('NFC'), lang);
  const needle = foldForMatch(q.normalize('NFC').trim(), lang);
  const out: { start: number; end: number }[] = [];
  if (needle === '') return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}

function tmxRefused(problems: readonly Problem[]): AppError {
  const first = problems[0];
  const limit = problems.some((p) => p.rule.startsWith('limits.'));
  return new AppError(
    limit ? 'import_refused' : 'bad_request',
    `not a valid TMX 1.4 file${first ? `: ${formatProblem(first)}` : ''}`,
    problems.slice(0, 50),
  );
}

function problemsOf(details: unknown): Problem[] {
  const problems = (details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}
