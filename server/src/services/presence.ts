import { PRESENCE_THROTTLE_MS } from '../../../shared/index.js';
import type { Lang, PresenceEntry } from '../../../shared/index.js';

export type PresenceListener = (docId: string, entries: PresenceEntry[]) => void;

/**
 * Who is where in each document, one entry per connection. Changes are
 * coalesced per document: the first change after a quiet period goes out at
 * once, later ones at most every `throttleMs` (so one user's cursor, and the
 * whole room's, is forwarded at most that often), always with the latest state.
 */
export class PresenceService {
  private readonly byDoc = new Map<string, Map<string, PresenceEntry>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();
  private listener: PresenceListener = () => {};

  constructor(private readonly throttleMs = PRESENCE_THROTTLE_MS) {}

  onChange(listener: PresenceListener): void {
    this.listener = listener;
  }

  list(docId: string): PresenceEntry[] {
    return [...(this.byDoc.get(docId)?.values() ?? [])].map((e) => ({ ...e }));
  }

  enter(docId: string, who: { userId: string; displayName: string; connectionId: string }): void {
    let room = this.byDoc.get(docId);
    if (!room) this.byDoc.set(docId, (room = new Map<string, PresenceEntry>()));
    if (room.has(who.connectionId)) return;
    room.set(who.connectionId, { ...who, paragraphId: null, lang: null, typing: false });
    this.changed(docId);
  }

  /** False when the connection is not in the document. */
  update(docId: string, connectionId: string, where: { paragraphId: string | null; lang: Lang | null; typing: boolean }): boolean {
    const entry = this.byDoc.get(docId)?.get(connectionId);
    if (!entry) return false;
    if (entry.paragraphId === where.paragraphId && entry.lang === where.lang && entry.typing === where.typing) return true;
    entry.paragraphId = where.paragraphId;
    entry.lang = where.lang;
    entry.typing = where.typing;
    this.changed(docId);
    return true;
  }

  leave(docId: string, connectionId: string): void {
    const room = this.byDoc.get(docId);
    if (!room?.delete(connectionId)) return;
    if (room.size === 0) this.byDoc.delete(docId);
    this.changed(docId);
  }

  leaveAll(connectionId: string): void {
    for (const docId of [...this.byDoc.keys()]) this.leave(docId, connectionId);
  }

  /** Forgets a document (deleted): no more broadcasts for it. */
  drop(docId: string): void {
    this.byDoc.delete(docId);
    clearTimeout(this.timers.get(docId));
    this.timers.delete(docId);
    this.lastSent.delete(docId);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private changed(docId: string): void {
    if (this.timers.has(docId)) return;
    const wait = (this.lastSent.get(docId) ?? -Infinity) + this.throttleMs - performance.now();
    if (wait <= 0) {
      this.send(docId);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(docId);
      this.send(docId);
    }, wait);
    timer.unref();
    this.timers.set(docId, timer);
  }

  private send(docId: string): void {
    this.lastSent.set(docId, performance.now());
    this.listener(docId, this.list(docId));
    if (!this.byDoc.has(docId)) this.lastSent.delete(docId);
  }
}
