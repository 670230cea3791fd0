import type { Lang } from '../../../../shared/index.js';
import type { AnyErrorCode } from './retry.js';

/**
 * One unsent (or not yet settled) edit of one cell. There is at most one entry
 * per cell: further typing replaces `text` and keeps the base, so the server
 * always gets the full latest text on the revision it was typed on.
 */
export interface OutboxEntry {
  docId: string;
  paragraphId: string;
  lang: Lang;
  /**
   * Unset for the cell's edit (at most one per cell). `keep`: text the user
   * gave up with "keep theirs" after a clash, on its way to the cell's history
   * as a conflict revision (`cell:keepTheirs`, `baseRev` = the revision kept);
   * one entry per such choice, so two choices never overwrite each other.
   */
  kind?: 'keep';
  opId: string;
  /** Cell revision and text the local text was typed on. */
  baseRev: number;
  baseText: string;
  text: string;
  /**
   * pending: to be sent; conflict: waits for the user to choose (see `theirs`);
   * failed: the server refused it for good (see `error`) — kept until the user
   * retries or discards it, never dropped silently.
   */
  state: 'pending' | 'conflict' | 'failed';
  theirs?: string;
  theirsRev?: number;
  error?: AnyErrorCode;
  /**
   * The last operation put on the wire for this cell. Kept (and persisted) so
   * that when its event or history entry turns up — even after a dropped ack
   * or a reload — the entry is settled against it rather than merged with
   * itself.
   */
  sent?: { opId: string; text: string };
  attempts: number;
  updatedAt: number;
}

export function entryKey(e: Pick<OutboxEntry, 'docId' | 'paragraphId' | 'lang'> & Partial<Pick<OutboxEntry, 'kind' | 'opId'>>): string {
  const cell = `${e.docId}/${e.paragraphId}/${e.lang}`;
  return e.kind === 'keep' ? `${cell}#keep:${e.opId ?? ''}` : cell;
}

/** Where the outbox lives. Synchronous on purpose: a keystroke is saved before the handler returns. */
export interface OutboxStorage {
  read(): OutboxEntry[];
  write(entries: OutboxEntry[]): void;
}

/**
 * localStorage, one key per user. Chosen over IndexedDB because it is
 * synchronous (nothing typed can be lost between a keystroke and an async
 * commit when the tab closes), is real in jsdom, and an outbox is small.
 */
export class LocalStorageOutboxStorage implements OutboxStorage {
  constructor(
    private readonly userId: string,
    private readonly storage: Storage = globalThis.localStorage,
  ) {}

  private get key(): string {
    return `anor.outbox.v1:${this.userId}`;
  }

  read(): OutboxEntry[] {
    const raw = this.storage.getItem(this.key);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      // A corrupt value must not brick the editor; it is kept aside for inspection.
      this.storage.setItem(`${this.key}:corrupt`, raw);
      return [];
    }
  }

  write(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.storage.removeItem(this.key);
    else this.storage.setItem(this.key, JSON.stringify(entries));
  }
}

function isEntry(v: unknown): v is OutboxEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.docId === 'string' &&
    typeof e.paragraphId === 'string' &&
    typeof e.lang === 'string' &&
    typeof e.opId === 'string' &&
    typeof e.baseRev === 'number' &&
    typeof e.baseText === 'string' &&
    typeof e.text === 'string' &&
    typeof e.state === 'string'
  );
}

/**
 * The outbox. Every change is a read-modify-write of the stored list, so two
 * tabs of the same user do not overwrite each other's entries for other cells.
 */
export class Outbox {
  constructor(private readonly storage: OutboxStorage) {}

  all(): OutboxEntry[] {
    return this.storage.read();
  }

  forDoc(docId: string): OutboxEntry[] {
    return this.all().filter((e) => e.docId === docId);
  }

  get(key: string): OutboxEntry | undefined {
    return this.all().find((e) => entryKey(e) === key);
  }

  put(entry: OutboxEntry): void {
    const key = entryKey(entry);
    const rest = this.all().filter((e) => entryKey(e) !== key);
    rest.push(entry);
    this.storage.write(rest);
  }

  remove(key: string): void {
    const all = this.all();
    const rest = all.filter((e) => entryKey(e) !== key);
    if (rest.length !== all.length) this.storage.write(rest);
  }
}

/** Operation ids as the server's schema wants them: 8–64 of [A-Za-z0-9_-]. */
export function newOpId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
