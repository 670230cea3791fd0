import { entryKey } from './outbox.js';
import type { Outbox, OutboxEntry } from './outbox.js';

/**
 * One document's outbox entries, in memory and on disk in step: every change
 * is written to the outbox (localStorage, synchronously) as it is made, so
 * what the engine holds is what a reload would find.
 */
export class DocEntries {
  private readonly map = new Map<string, OutboxEntry>();

  constructor(
    private readonly outbox: Outbox,
    docId: string,
  ) {
    for (const e of outbox.forDoc(docId)) this.map.set(entryKey(e), e);
  }

  get(key: string): OutboxEntry | undefined {
    return this.map.get(key);
  }
  keys(): string[] {
    return [...this.map.keys()];
  }
  values(): IterableIterator<OutboxEntry> {
    return this.map.values();
  }
  get size(): number {
    return this.map.size;
  }
  /** The cells' edit entries (not the given-up texts on their way to history). */
  cellEntries(): OutboxEntry[] {
    return [...this.map.values()].filter((e) => e.kind === undefined);
  }
  /** Entries the engine can still send by itself (not waiting for a person). */
  get sendable(): number {
    let n = 0;
    for (const e of this.map.values()) if (e.state === 'pending') n++;
    return n;
  }

  store(e: OutboxEntry): void {
    this.map.set(entryKey(e), e);
    this.outbox.put(e);
  }
  drop(key: string): void {
    this.map.delete(key);
    this.outbox.remove(key);
  }
  replace(key: string, e: OutboxEntry | null): void {
    if (e) this.store(e);
    else this.drop(key);
  }
}
