import type { Cell, DocEvent, DocumentSnapshot, Lang, PresenceEntry, Revision } from '../../../../shared/index.js';
import { ChangeStore } from './changeStore.js';
import { Compositions } from './compositions.js';
import { changesLayout, DocCopy } from './docCopy.js';
import { DocEntries } from './docEntries.js';
import { entryKey } from './outbox.js';
import { cellTextTooLong } from '../../../../shared/protocol/limits.js';
import { composedEntry, keepEntryOf, resolvedEntry, typedEntry } from './localEdits.js';
import type { KnownCell } from './localEdits.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import { rebaseOnRemote, settleAfterAck } from './rebase.js';
import { Rejoins } from './rejoins.js';
import { ackFromEvent, entryAfterSnapshot, sentHistories } from './reconcile.js';
import { PresenceAnnouncer } from './presenceAnnouncer.js';
import { backoffMs, isTransient, planAfterFailure } from './retry.js';
import type { AnyErrorCode } from './retry.js';
import { SendQueue } from './sendQueue.js';
import { SettledTexts } from './settledTexts.js';
import type { SyncTransport } from './transport.js';

export interface DocSyncOptions {
  /** Reads a cell's history (REST); used after a reload to find out whether a sent edit landed. */
  fetchHistory?: (paragraphId: string, lang: Lang) => Promise<Revision[] | null>;
  retryBaseMs?: number;
  typingIdleMs?: number;
  /** The jitter of retry backoffs; tests pass a seeded one so a run replays. */
  random?: () => number;
}

export type LoadState = 'loading' | 'ready' | 'unauthenticated' | { error: AnyErrorCode };

/**
 * The client side of one open document: the snapshot kept current with
 * `applyEvent`, the outbox of unsent edits, rebasing those on remote edits,
 * acks, retries and presence. No React and no DOM here; the grid subscribes.
 */
export class DocSync extends ChangeStore {
  state: LoadState = 'loading';
  presence: PresenceEntry[] = [];
  private readonly entries: DocEntries;
  private readonly queue = new SendQueue((key) => void this.send(key));
  private readonly settled = new SettledTexts();
  private readonly composing = new Compositions();
  private unsubs: (() => void)[] = [];
  private readonly copy = new DocCopy();
  private readonly rejoins = new Rejoins(
    () => this.join(),
    () => this.transport.connected,
  );
  private epoch = 0;
  private readonly presenceOut: PresenceAnnouncer;
  private readonly retryBaseMs: number;
  private readonly random: () => number;
  private readonly fetchHistory: DocSyncOptions['fetchHistory'];

  constructor(
    readonly docId: string,
    private readonly transport: SyncTransport,
    outbox: Outbox,
    opts: DocSyncOptions = {},
  ) {
    super();
    this.entries = new DocEntries(outbox, docId);
    this.retryBaseMs = opts.retryBaseMs ?? 500;
    this.random = opts.random ?? Math.random;
    this.presenceOut = new PresenceAnnouncer(
      docId,
      (p) => {
        if (this.transport.connected && this.state === 'ready') this.transport.updatePresence(p);
      },
      opts.typingIdleMs ?? 1500,
    );
    this.fetchHistory = opts.fetchHistory;
  }

  start(): void {
    this.unsubs.push(
      this.transport.onEvent((ev) => this.onEvent(ev)),
      this.transport.onPresence((p) => {
        if (p.docId !== this.docId) return;
        this.presence = p.entries.filter((e) => e.connectionId !== this.transport.connectionId);
        this.changed();
      }),
      this.transport.onConnect(() => void this.join()),
      this.transport.onDisconnect(() => {
        this.epoch++;
        this.queue.dropInflight();
        this.changed();
      }),
      this.transport.onSessionEnded(() => {
        this.state = 'unauthenticated';
        this.changed(true);
      }),
      // The server's copy was replaced by one read again: a rejoin since our seq (a snapshot), the outbox kept as on any.
      this.transport.onStale((docId) => {
        if (docId === this.docId) this.rejoins.stale();
      }),
    );
    if (this.transport.connected) void this.join();
  }

  stop(): void {
    // Edits waiting out a retry go out once more now, ahead of the leave on the same socket;
    // their acks still settle the outbox after the screen is gone.
    this.flush();
    this.composing.clear(); // an unfinished composition is not text
    this.transport.leave(this.docId);
    for (const u of this.unsubs.splice(0)) u();
    this.presenceOut.stop();
    // Listeners stay: React may stop and start the same instance (StrictMode, fast refresh).
  }

  get connected(): boolean {
    return this.transport.connected;
  }

  /** Edits not yet confirmed by the server (pending, in conflict or refused). */
  get waitingCount(): number {
    return this.entries.size;
  }

  /** Edits the engine can still send by itself (not waiting for a person). */
  get sendableCount(): number {
    return this.entries.sendable;
  }

  docEntries(): IterableIterator<OutboxEntry> {
    return this.entries.values();
  }

  entryFor(paragraphId: string, lang: Lang): OutboxEntry | undefined {
    return this.entries.get(this.key(paragraphId, lang));
  }

  /** The text a cell shows: local unsent text first, then acked text, then the document. */
  textOf(paragraphId: string, lang: Lang): string {
    const key = this.key(paragraphId, lang);
    return this.composing.shown(key) ?? this.savedText(key, paragraphId, lang);
  }

  /** The text without a composition on top: what the outbox and the server know of. */
  private savedText(key: string, paragraphId: string, lang: Lang): string {
    const e = this.entries.get(key);
    if (e) return e.text;
    return this.settled.textOf(key) ?? this.cell(paragraphId, lang)?.text ?? '';
  }

  /** The document as this client has it (null until the first snapshot). */
  get doc(): DocumentSnapshot | null {
    return this.copy.doc;
  }

  cell(paragraphId: string, lang: Lang): Cell | undefined {
    return this.copy.cell(paragraphId, lang);
  }

  // ---- local edits (what they make of the entry: localEdits.ts) ----
  setLocalText(paragraphId: string, lang: Lang, text: string): void {
    const key = this.key(paragraphId, lang);
    if (this.composing.typed(key, text)) {
      this.presenceOut.typed(paragraphId, lang);
      this.changed();
      return;
    }
    const next = typedEntry(this.entries.get(key), text, this.known(key, paragraphId, lang));
    if (!next) return;
    this.entries.store(next);
    this.presenceOut.typed(paragraphId, lang);
    if (next.state === 'pending') this.queue.kick(key);
    this.changed();
  }

  /** An input method starts composing in the cell: nothing of it is saved or sent until it ends. */
  compositionStart(paragraphId: string, lang: Lang): void {
    const now = this.textOf(paragraphId, lang);
    this.composing.start(this.key(paragraphId, lang), now);
  }

  /**
   * The input method committed `text` (the whole cell text now): saved and
   * sent at once. What changed underneath meanwhile (a remote edit, the answer
   * to an edit on the wire) is merged with it three ways; if both touched the
   * same span, it is a clash like any other — both versions shown, nothing lost.
   */
  compositionEnd(paragraphId: string, lang: Lang, text: string): void {
    const key = this.key(paragraphId, lang);
    const composition = this.composing.end(key);
    if (!composition) return; // none going on (an end seen twice, or a blur after it)
    const under = this.savedText(key, paragraphId, lang);
    const result = composedEntry(composition.base, under, text, this.entries.get(key), this.known(key, paragraphId, lang));
    if ('text' in result) {
      this.setLocalText(paragraphId, lang, result.text);
      return;
    }
    this.entries.store(result.clash);
    this.changed();
  }

  /** The user's choice for a conflict: sent as a plain edit on the newest revision. */
  resolveConflict(paragraphId: string, lang: Lang, text: string): void {
    const key = this.key(paragraphId, lang);
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.store(resolvedEntry(e, text, this.cell(paragraphId, lang)));
    this.queue.kick(key);
    this.changed();
  }

  /**
   * "Keep theirs" after a clash: the cell shows their text again, and the
   * user's own text goes to the cell's history as a conflict revision
   * (`cell:keepTheirs`), where it can be seen and restored. Until the server
   * has it, it waits in the outbox as an entry of its own; it is stored before
   * the edit entry is dropped, so it is never in neither.
   */
  keepTheirs(paragraphId: string, lang: Lang): void {
    const key = this.key(paragraphId, lang);
    const e = this.entries.get(key);
    if (e?.state !== 'conflict') return;
    const keep = keepEntryOf(e);
    this.entries.store(keep);
    this.entries.drop(key);
    this.queue.kick(entryKey(keep));
    this.changed();
  }

  /** Explicit user action only: drops a refused or conflicting local edit. */
  discard(paragraphId: string, lang: Lang): void {
    this.entries.drop(this.key(paragraphId, lang));
    this.changed();
  }

  /** Explicit user action only: drops one outbox entry as listed (docEntries), whatever its kind. */
  discardEntry(e: OutboxEntry): void {
    this.entries.drop(entryKey(e));
    this.changed();
  }

  retryNow(paragraphId: string, lang: Lang): void {
    const key = this.key(paragraphId, lang);
    const e = this.entries.get(key);
    if (e) this.entries.store({ ...e, state: 'pending', error: undefined, attempts: 0 });
    this.queue.kick(key, true);
    this.changed();
  }

  // ---- presence ----
  setFocus(paragraphId: string | null, lang: Lang | null): void {
    this.presenceOut.setFocus(paragraphId, lang);
  }

  // ---- wire ----
  private async join(): Promise<void> {
    const epoch = this.epoch;
    const snapshot = this.rejoins.takeSnapshot() || this.doc === null;
    const res = await this.transport.join(snapshot || !this.doc ? { docId: this.docId } : { docId: this.docId, sinceSeq: this.doc.seq });
    if (epoch !== this.epoch) return;
    if (!res.ok) {
      if (res.error.code === 'unauthenticated') this.state = 'unauthenticated';
      else if (isTransient(res.error.code))
        setTimeout(() => void (this.transport.connected && this.join()), backoffMs(1, this.retryBaseMs, undefined, this.random));
      else this.state = { error: res.error.code };
      this.changed(true);
      return;
    }
    this.presence = res.data.presence.filter((e) => e.connectionId !== this.transport.connectionId);
    if (res.data.mode === 'snapshot') {
      const doc = res.data.doc;
      // Edits on the wire are left to their acks, as everywhere else.
      const idle = (): OutboxEntry[] => this.entries.cellEntries().filter((e) => !this.queue.onWire(entryKey(e)));
      const histories = await sentHistories(idle(), doc, this.fetchHistory);
      if (epoch !== this.epoch) return;
      // The entries as they are now, typing during the fetch included.
      for (const e of idle()) {
        const next = entryAfterSnapshot(e, doc, histories);
        if (next !== e) this.entries.replace(entryKey(e), next);
      }
      this.copy.replace(doc);
      this.settled.clear();
      const next = this.copy.next();
      if (next) this.onEvent(next);
    } else {
      for (const ev of res.data.events) this.onEvent(ev);
    }
    this.state = 'ready';
    this.presenceOut.announce();
    for (const key of this.entries.keys()) this.queue.kick(key, true);
    this.changed(true);
  }

  private onEvent(ev: DocEvent): void {
    if (ev.docId !== this.docId) return;
    const applied = this.copy.apply(ev);
    // Events missed in between (a race with a join, say): a rejoin since our seq fills the gap.
    if (applied === 'gap') this.rejoins.gap();
    // The copy no longer fits the server's: a snapshot replaces it. Until then the grid keeps
    // showing this one (the caret stays where it is), and the outbox survives.
    if (applied === 'mismatch') this.rejoins.mismatch();
    if (applied !== 'applied') return;
    const doc = this.copy.doc!;
    if (ev.type === 'cell.edited' || ev.type === 'cell.conflicted') {
      const key = this.key(ev.paragraphId, ev.lang);
      const e = this.entries.get(key);
      if (e?.sent && ev.opId === e.sent.opId) {
        // Our own operation (its ack may have been lost with the connection): settle as the ack would.
        this.entries.replace(key, settleAfterAck(e, e.sent, ackFromEvent(ev, this.cell(ev.paragraphId, ev.lang))));
      } else if (e && ev.type === 'cell.edited' && !this.queue.onWire(key)) {
        this.entries.replace(key, rebaseOnRemote(e, ev.text, ev.rev));
      }
    }
    this.settled.caughtUp(doc.seq);
    this.changed(changesLayout(ev));
    const next = this.copy.next();
    if (next) this.onEvent(next);
  }

  /**
   * Sends at once everything that can go (not compositions, not a second edit
   * of a cell with one on the wire): when the page is hidden or about to go.
   * The outbox is on disk already; this only shortens the wait.
   */
  flush(): void {
    for (const key of this.entries.keys()) this.queue.kick(key, true);
  }

  /** Nothing left that the engine could send by itself, and nothing on the wire. */
  get idle(): boolean {
    return this.sendableCount === 0 && this.queue.onWireCount === 0;
  }

  /** One edit in flight per cell (when it may go: sendQueue.ts), on the revision the last ack gave. */
  private async send(key: string): Promise<void> {
    const e = this.entries.get(key);
    if (!e || e.state !== 'pending' || this.queue.onWire(key)) return;
    if (!this.transport.connected || this.state !== 'ready') return; // join() reschedules everything
    // The server's rule itself (shared/protocol/limits.ts), checked before sending.
    if (cellTextTooLong(e.text)) {
      // Refused here with the server's own code: sending would only bounce.
      this.entries.store({ ...e, state: 'failed', error: 'text_too_long' });
      this.changed();
      return;
    }
    const sent = { opId: e.opId, text: e.text, epoch: this.epoch };
    this.queue.sent(key, sent);
    this.entries.store({ ...e, sent: { opId: e.opId, text: e.text } });
    const where = { docId: e.docId, paragraphId: e.paragraphId, lang: e.lang, opId: e.opId };
    const res =
      e.kind === 'keep'
        ? await this.transport.keepTheirs({ ...where, rev: e.baseRev, text: e.text })
        : await this.transport.editCell({ ...where, baseRev: e.baseRev, text: e.text });
    if (!this.queue.answered(key, sent)) return; // the connection dropped meanwhile; join() resends
    const current = this.entries.get(key);
    if (res.ok && current?.kind === 'keep') {
      this.entries.drop(key); // in the cell's history now (or it already was)
    } else if (res.ok) {
      this.settled.noteAck(key, res.data, this.doc?.seq);
      // Unless the event got here first and settled it already.
      if (current?.sent?.opId === sent.opId) this.entries.replace(key, settleAfterAck(current, sent, res.data));
    } else if (current) {
      const plan = planAfterFailure(current, res.error.code, this.cell(current.paragraphId, current.lang), this.retryBaseMs, this.random);
      this.entries.store(plan.entry);
      if (plan.rejoin) void this.join();
      else if (plan.retryInMs !== undefined) this.queue.schedule(key, plan.retryInMs);
    }
    const after = this.entries.get(key);
    if (after?.state === 'pending' && after.opId !== sent.opId) this.queue.kick(key); // typed while this one was on the wire
    this.changed();
  }

  // ---- outbox bookkeeping ----
  private key(paragraphId: string, lang: Lang): string {
    return entryKey({ docId: this.docId, paragraphId, lang });
  }
  /** The newest revision of a cell this client knows (settledTexts.ts) and its text. */
  private known(key: string, paragraphId: string, lang: Lang): KnownCell {
    return this.settled.known(key, { docId: this.docId, paragraphId, lang }, this.cell(paragraphId, lang));
  }
}
