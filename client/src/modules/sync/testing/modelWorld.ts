import { cellKey } from '../../../../../shared/index.js';
import type { Lang } from '../../../../../shared/index.js';
import { filterParagraphs, NO_FILTER } from '../../search/filter.js';
import type { GridFilter } from '../../search/filter.js';
import { editingRows } from '../../grid/rows.js';
import { DocSync } from '../docSync.js';
import { LocalStorageOutboxStorage, Outbox } from '../outbox.js';
import type { OutboxEntry } from '../outbox.js';
import { MemoryHub } from './memoryHub.js';
import type { MemoryTransport } from './memoryHub.js';

/**
 * The world a model-based test of the sync engine drives: one MemoryHub (the
 * server's decide functions and reducer) and several clients, each a real
 * DocSync over a manual MemoryTransport, with localStorage as its outbox.
 * It also keeps what each person typed, to check that none of it is lost.
 */
export const CELLS: { paragraphId: string; lang: Lang }[] = [
  { paragraphId: 'p0', lang: 'ru' },
  { paragraphId: 'p0', lang: 'zh' },
  { paragraphId: 'p1', lang: 'ru' },
];

export const FILTERS: GridFilter[] = [
  NO_FILTER,
  { ...NO_FILTER, status: 'empty', lang: 'ru' },
  { ...NO_FILTER, status: 'draft', lang: 'zh' },
  { ...NO_FILTER, mineOnly: true },
];

export interface Client {
  userId: string;
  t: MemoryTransport;
  sync: DocSync;
  /** Characters this person committed (typed, or chosen in an input method), by cell key. */
  typed: Map<string, Set<string>>;
  /** Characters this person deleted again: theirs to lose. */
  deleted: Set<string>;
  focus: { paragraphId: string; lang: Lang } | null;
  filter: GridFilter;
  /** An input-method composition going on: where, and the letters composed so far. */
  composing: { paragraphId: string; lang: Lang; at: number; letters: string } | null;
}

export class ModelWorld {
  readonly hub = new MemoryHub('d1', ['Source one.', 'Source two.'], ['ru', 'zh']);
  readonly clients: Client[] = [];
  /** What the run went through, so the test can show its runs covered what they claim to. */
  readonly stats = { reloadsWithOutbox: 0, refusals: 0, keptTheirs: 0, compositions: 0, acksLost: 0, reordered: 0 };
  /** Every character typed anywhere is new: Han ideographs, counted up (latin letters are only ever composed). */
  private next = 0;
  /** A seeded jitter for retry backoffs, so a run replays exactly. */
  private seed = 1;

  constructor(clients: number) {
    // Every cell starts with a few characters, so that edits at its two ends can merge.
    for (const { paragraphId, lang } of CELLS) {
      const text = Array.from({ length: 6 }, () => this.freshChar()).join('');
      this.hub.emit('u0', null, { type: 'cell.edited', paragraphId, lang, kind: 'edit', text, rev: 1, status: 'draft' });
    }
    for (let i = 0; i < clients; i++) {
      const userId = `u${i}`;
      const t = this.hub.connect(userId);
      t.manual = true;
      const c: Client = {
        userId,
        t,
        sync: this.open(userId, t),
        typed: new Map(),
        deleted: new Set(),
        focus: null,
        filter: NO_FILTER,
        composing: null,
      };
      this.clients.push(c);
    }
  }

  /** Lets every client's pending join through, so the run starts with the document on everyone's screen. */
  async joinAll(): Promise<void> {
    for (const c of this.clients) {
      while (c.t.serverStep());
      await settle();
      while (c.t.toClient.length > 0) {
        c.t.deliverAt(0);
        await settle();
      }
    }
  }

  freshChar(): string {
    return String.fromCodePoint(0x4e00 + this.next++);
  }

  random = (): number => {
    // A small linear congruential generator: enough for jitter, and deterministic.
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return this.seed / 2 ** 31;
  };

  open(userId: string, t: MemoryTransport): DocSync {
    const sync = new DocSync('d1', t, new Outbox(new LocalStorageOutboxStorage(userId)), {
      retryBaseMs: 50,
      random: this.random,
      fetchHistory: async (paragraphId, lang) => this.hub.history(paragraphId, lang),
    });
    sync.start();
    return sync;
  }

  /** A reload: the page goes (what it had on the wire may or may not have left), a new one opens from the outbox. */
  reload(c: Client, framesLeft: boolean): void {
    if (this.stored(c.userId).length > 0) this.stats.reloadsWithOutbox++;
    c.sync.stop();
    if (framesLeft) while (c.t.serverStep());
    c.t.setOnline(false);
    c.t = this.hub.connect(c.userId);
    c.t.manual = true;
    c.sync = this.open(c.userId, c.t);
    c.composing = null; // an unfinished composition is not text
    c.focus = null;
  }

  typedBy(c: Client, paragraphId: string, lang: Lang, chars: Iterable<string>): void {
    const key = cellKey(paragraphId, lang);
    const set = c.typed.get(key) ?? new Set<string>();
    for (const ch of chars) set.add(ch);
    c.typed.set(key, set);
  }

  /** The outbox of a user as it is on disk (what a reload would find). */
  stored(userId: string): OutboxEntry[] {
    return new Outbox(new LocalStorageOutboxStorage(userId)).all();
  }

  /** Rows the client's grid shows under its filter, the ones being edited included (EditorScreen does the same). */
  visibleRows(c: Client): string[] {
    const doc = c.sync.doc;
    if (!doc) return [];
    const langs = [doc.sourceLang, ...doc.targetLangs];
    const rows = filterParagraphs(doc, c.filter, {
      shownLangs: langs,
      userId: c.userId,
      textOf: (p, l) => c.sync.textOf(p, l),
      editing: editingRows(c.sync, c.focus?.paragraphId ?? null),
    });
    return rows.map((i) => doc.paragraphs[i]!.id);
  }

  /**
   * The promise of issue 10, checked after every step: every character a
   * person typed (and did not delete themselves) is in the server's history of
   * its cell — applied, merged or as a conflict revision — or in their outbox
   * on disk. No letter of an unfinished composition reaches the server. The
   * row under a person's caret is on their screen whatever the filter says.
   */
  checkNothingLost(): void {
    for (const c of this.clients) {
      for (const e of c.sync.docEntries()) if (e.error === 'forbidden') this.stats.refusals++;
      const stored = this.stored(c.userId);
      for (const [key, chars] of c.typed) {
        const [paragraphId = '', lang = ''] = key.split(':');
        const kept = new Set<string>();
        for (const r of this.hub.history(paragraphId, lang as Lang)) for (const ch of r.text) kept.add(ch);
        for (const e of stored) if (e.paragraphId === paragraphId && e.lang === lang) for (const ch of e.text) kept.add(ch);
        for (const ch of chars) {
          if (!c.deleted.has(ch) && !kept.has(ch)) {
            throw new Error(`${c.userId} typed ${ch} in ${key}: neither in the history nor in the outbox`);
          }
        }
      }
      if (c.focus && !this.visibleRows(c).includes(c.focus.paragraphId)) {
        throw new Error(`${c.userId}'s caret is in ${c.focus.paragraphId}, which the filter took off the screen`);
      }
    }
    for (const ev of this.hub.log) {
      if ((ev.type === 'cell.edited' || ev.type === 'cell.conflicted') && /[a-z]/u.test(ev.text)) {
        throw new Error(`composed letters reached the server: ${JSON.stringify(ev.text)}`);
      }
    }
  }
}

/** Lets every promise the last step settled run its continuation (the network is manual, so nothing else moves). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 60; i++) await Promise.resolve();
}
