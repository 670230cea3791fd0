import type {
  CellComment,
  ColumnWidths,
  DocEvent,
  DocumentMeta,
  DocumentSettings,
  DocumentState,
  DocumentSummary,
  Lang,
  Paragraph,
} from '../../../shared/index.js';
import type { GlossaryTerm } from '../../../shared/qa/types.js';
import type { RoleHolder } from '../../../shared/domain/roles.js';
import type { SessionData } from 'express-session';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { OriginalFormat, Skeleton } from '../interchange/original/types.js';

/**
 * Storage interfaces. Only server/src/storage/ touches the disk; the lowdb
 * implementation is the embedded default, and a PostgreSQL one can take over by
 * implementing the same interfaces.
 */

/** What lists, authorisation and the mentions inbox need of a document that is not in memory. */
export interface DocumentStub {
  meta: DocumentMeta;
  settings: DocumentSettings;
  summary: DocumentSummary;
  /** Open comments that mention someone: the inbox reads them without loading the document. */
  mentioning: readonly CellComment[];
}

export interface LoadOptions {
  /** Describe rather than read the documents nothing needs whole yet (LoadResult.stubs). */
  stubs?: boolean;
}

export interface LoadResult {
  docs: DocumentState[];
  /** Documents not loaded, only described (a shared store loads none at start-up). */
  stubs?: DocumentStub[];
  /** With `stubs`: the version to ask a shared store for newer stubs from (SharedDocuments.stubsSince). */
  stubVersion?: number;
  /** Human-readable notes from recovery (e.g. a truncated last journal line that was skipped). */
  warnings: string[];
  /** How many journal events were replayed on top of the snapshots. */
  replayed: number;
}

/** Journal counters, for tests (group commit happened) and `npm run bench`. */
export interface StorageStats {
  /** append() calls that carried events. */
  appends: number;
  events: number;
  /** Durable group commits (one write + one fdatasync each); fewer than `appends` under concurrency. */
  syncs: number;
  bytes: number;
  /** Most events made durable by a single sync. */
  maxGroup: number;
}

export interface DocumentStore {
  /**
   * Reads every document: latest snapshots, then replays the journal after them.
   * Call once, at start-up, before any append. Damage is reported in `warnings`,
   * never thrown. Ends with a checkpoint of whatever the journal added, so the
   * segments a crash left behind are folded into snapshots at once.
   * With `stubs`, documents the journal does not touch may come back as
   * `stubs` instead of whole (the registry loads them on first use), so that
   * start-up does not grow with the number or size of documents.
   */
  load(opts?: LoadOptions): Promise<LoadResult>;
  /**
   * One document as its latest durable snapshot says, or undefined when there
   * is none: how the document registry loads a document it evicted (it evicts
   * only documents whose every event a finished checkpoint covers).
   */
  read(docId: string): Promise<DocumentState | undefined>;
  /**
   * Appends events to the journal. Resolves only once they are durable
   * (written and fdatasync'd; concurrent appends share one sync). Order is kept.
   */
  append(events: readonly DocEvent[]): Promise<void>;
  /**
   * Writes a snapshot of each given document (compact JSON, recording the seq it
   * covers) and drops journal segments every event of which is covered.
   * Serialises the documents synchronously on call, so callers may keep mutating after.
   */
  checkpoint(docs: Iterable<DocumentState>): Promise<void>;
  /**
   * Writes a whole document (history, comments, settings) as its snapshot at
   * `doc.seq`, durable before it resolves: how `anor migrate` moves a document
   * in. Refuses an id the store already has (AppError `conflict`). After load().
   */
  importDocument(doc: DocumentState): Promise<void>;
  /**
   * Each live document's latest full state, one at a time (memory holds one
   * document, not all): how `anor migrate` moves documents out. After load().
   */
  exportDocuments(): AsyncIterable<DocumentState>;
  /** Counters since open. */
  stats(): StorageStats;
  close(): Promise<void>;
  /**
   * The registry no longer holds this document in memory (evicted or deleted): what the store kept for it may go.
   */
  released?(docId: string): void;
  /**
   * Present when several nodes share the store (PostgreSQL): the database, not
   * the process, orders a document's events, and `append` is not used.
   */
  shared?: SharedDocuments;
}

/**
 * A document's row, locked for one commit: other nodes' commits to it wait
 * until this one ends, in the order they asked (PostgreSQL's lock queue).
 */
export interface LockedDocument {
  /**
   * Events committed after the seq the caller said it has (other nodes'), in seq order: apply them first.
   * `pruned`: that seq is older than the events the store still keeps (pruned below a snapshot): the
   * caller's copy must be read again; release the lock.
   */
  behind: StoredEvent[] | 'pruned';
  /** Set when `by` already committed `opId` (one of those the lock was asked about) on this document: the ack it was answered. */
  done(by: string, opId: string): { ack: unknown } | undefined;
  /**
   * Writes the events (the next seqs; several operations may follow each
   * other), each operation's ack on its first event (kept for a retry on
   * another node: `acks` by that event's seq), the new stub when what lists
   * show changed, and a NOTIFY, then commits. `conflict`: a unique key refused
   * them (only a writer that did not take the lock can cause it); nothing was written.
   */
  commit(events: readonly DocEvent[], acks: ReadonlyMap<number, unknown>, stub: DocumentStub | undefined): Promise<'ok' | 'conflict'>;
  /** Ends the transaction without writing anything. */
  release(): Promise<void>;
}

/** A committed event as another node (or this one) wrote it, with the ack of the operation it starts. */
export interface StoredEvent {
  event: DocEvent;
  /** Set on the first event of an operation: what its author was answered. */
  ack: unknown;
}

/** A document changed somewhere (NOTIFY): `seq` is its head, `stub` whether its list entry changed. */
export interface ChangeNotice {
  docId: string;
  seq: number;
  stub: boolean;
}

/**
 * The parts of a document store that several nodes share (PostgreSQL): the
 * next seq is taken by the database (a unique key), and every node hears of
 * every commit.
 */
export interface SharedDocuments {
  /** A new document: its row and its `document.created` event, in one transaction. */
  create(ev: DocEvent, stub: DocumentStub): Promise<void>;
  /**
   * Locks a document's row for one commit of the given operations (each
   * author's opId) by a node whose copy is at `afterSeq`; undefined when there
   * is no such live document. The caller must `commit` or `release`.
   */
  lock(docId: string, ops: readonly { by: string; opId: string }[], afterSeq: number): Promise<LockedDocument | undefined>;
  /**
   * Committed events after `seq`, in seq order; `pruned` when some of them are
   * no longer kept (events below a snapshot are pruned): read the document again.
   */
  eventsAfter(docId: string, seq: number): Promise<StoredEvent[] | 'pruned'>;
  /**
   * Every live document's meta and paragraphs (no history), one at a time, but
   * those `skip` names: for indexes derived from paragraphs (the translation
   * memory) without loading documents into the registry.
   */
  scanParagraphs(skip: (docId: string) => boolean): AsyncIterable<{ meta: DocumentMeta; paragraphs: Paragraph[] }>;
  /** A document's stub, or undefined when there is no such live document. */
  stub(docId: string): Promise<DocumentStub | undefined>;
  /** Every stub written since `version` (0: all), deleted ones as `deleted`, and the version to ask from next. */
  stubsSince(version: number): Promise<{ version: number; stubs: DocumentStub[]; deleted: string[] }>;
  /**
   * Hears every commit of every node. `onResume` runs after the listening
   * connection was lost and is back: notices may have been missed meanwhile.
   */
  listen(onNotice: (n: ChangeNotice) => void, onResume: () => void): () => void;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  /** `scrypt$N$r$p$salt$hash` (base64 parts). Never leaves the server. */
  passwordHash: string;
  isAdmin: boolean;
  createdAt: string;
  /** Sessions created before this instant are invalid (logout everywhere, password change). */
  sessionsValidAfter: string | null;
  /** Reads only. Optional: users.json written before roles existed still loads. */
  isViewer?: boolean;
  /** Per-language roles. Optional for the same reason; a non-admin without roles reads only. */
  roles?: RoleHolder['roles'];
  /** The user's own screen preferences (PATCH /api/prefs). Optional: older users.json loads without. */
  prefs?: { columnWidths?: ColumnWidths };
}

export interface UserStore {
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
  getById(id: string): Promise<UserRecord | undefined>;
  getByUsername(username: string): Promise<UserRecord | undefined>;
  /** Fails with AppError('username_taken') when the username is taken. */
  create(user: UserRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<UserRecord, 'id'>>): Promise<UserRecord>;
}

/** A translation-memory entry imported from TMX (entries from documents are derived, never stored). */
export interface TmEntryRecord {
  id: string;
  texts: Partial<Record<Lang, string>>;
  importedAt: string;
  importedBy: string;
  /** The file name it came from, when the importer gave one. */
  source: string | null;
}

export interface TmStore {
  list(): Promise<TmEntryRecord[]>;
  /** Appends entries in one durable write. */
  addMany(entries: readonly TmEntryRecord[]): Promise<void>;
}

export interface GlossaryTermRecord extends GlossaryTerm {
  id: string;
  updatedAt: string;
  updatedBy: string;
}

export interface GlossaryStore {
  list(): Promise<GlossaryTermRecord[]>;
  /** Inserts or replaces terms by id, in one durable write. */
  putMany(terms: readonly GlossaryTermRecord[]): Promise<void>;
  /** False when there was no such term. */
  remove(id: string): Promise<boolean>;
  /** Drops every term, then stores these: one durable write. */
  replaceAll(terms: readonly GlossaryTermRecord[]): Promise<void>;
}

/** A read-only share link. The token itself is never stored: only its SHA-256 (hex). */
export interface ShareRecord {
  id: string;
  docId: string;
  tokenHash: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
}

export interface ShareStore {
  list(): Promise<ShareRecord[]>;
  findByTokenHash(tokenHash: string): Promise<ShareRecord | undefined>;
  /** One durable write. */
  add(share: ShareRecord): Promise<void>;
  /** False when there was no such link. Durable before it resolves. */
  remove(id: string): Promise<boolean>;
  /** Drops every link of a document (it was deleted); the removed records. */
  removeForDocument(docId: string): Promise<ShareRecord[]>;
}

/**
 * The file a document was imported from (DOCX, HTML, Markdown, PO) and its
 * skeleton, kept to write the same file back with the translation in it
 * (export format `original`). Kept apart from the document's snapshot and
 * journal: it is written once at import, read only on export, and can be
 * megabytes, which no document load or checkpoint should carry.
 */
export interface SourceFileRecord {
  docId: string;
  /** The uploaded file's name. */
  name: string;
  format: OriginalFormat;
  createdAt: string;
  createdBy: string;
  /** The file exactly as uploaded. */
  bytes: Buffer;
  skeleton: Skeleton;
  /** The document's paragraph made from each slot of the skeleton, in order. */
  paragraphIds: string[];
}

export interface SourceFileStore {
  get(docId: string): Promise<SourceFileRecord | undefined>;
  /** Stores (or replaces) a document's source file; durable before it resolves. */
  put(record: SourceFileRecord): Promise<void>;
  /** False when the document had none. */
  remove(docId: string): Promise<boolean>;
  /** The documents that have a source file (`anor migrate` copies them all). */
  ids(): Promise<string[]>;
}

/** One stored session as `anor migrate` copies it: the id, what express-session keeps, and when it ends. */
export interface SessionEntry {
  sid: string;
  data: SessionData;
  /** Epoch milliseconds. */
  expires: number;
}

/** Counts failures per key within a fixed window (rate-limiter-flexible), wherever the storage keeps them. */
export type FailureCounter = RateLimiterAbstract;

/** Makes a counter of at most `points` failures per key within `durationMs`; `keyPrefix` keeps counters apart. */
export type LimiterFactory = (opts: { keyPrefix: string; points: number; durationMs: number }) => FailureCounter;
