import { PRESENCE_THROTTLE_MS } from '../../../shared/index.js';
import type { Lang, PresenceEntry, PresenceNodeState } from '../../../shared/index.js';

export type PresenceListener = (docId: string, entries: PresenceEntry[]) => void;

/** What another node last said it has, and when (performance.now()). */
interface RemoteNode {
  seenAt: number;
  docs: Map<string, PresenceEntry[]>;
}

/**
 * Who is where in each document, one entry per connection. Changes are
 * coalesced per document: the first change after a quiet period goes out at
 * once, later ones at most every `throttleMs` (so one user's cursor, and the
 * whole room's, is forwarded at most that often), always with the latest state.
 *
 * With several nodes, this node owns the entries of its own connections and
 * keeps a copy of what every other node last published (`applyRemote`); the
 * room sees both. A node that stops publishing (killed, cut off) is forgotten
 * by `expireRemote`, so its people do not linger.
 */
export class PresenceService {
  private readonly byDoc = new Map<string, Map<string, PresenceEntry>>();
  private readonly remote = new Map<string, RemoteNode>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();
  /** Documents whose own entries changed since they were last published to the other nodes. */
  private readonly localDirty = new Set<string>();
  private listener: PresenceListener = () => {};
  private localListener: PresenceListener = () => {};

  constructor(private readonly throttleMs = PRESENCE_THROTTLE_MS) {}

  /** The whole room's entries (this node's and the others'), throttled: for this node's sockets. */
  onChange(listener: PresenceListener): void {
    this.listener = listener;
  }

  /** This node's own entries of a document, on the same throttle: for the other nodes. */
  onLocalChange(listener: PresenceListener): void {
    this.localListener = listener;
  }

  list(docId: string): PresenceEntry[] {
    const remote = [...this.remote.values()].flatMap((n) => n.docs.get(docId) ?? []);
    return [...this.localList(docId), ...remote.map((e) => ({ ...e }))];
  }

  localList(docId: string): PresenceEntry[] {
    return [...(this.byDoc.get(docId)?.values() ?? [])].map((e) => ({ ...e }));
  }

  /** Every document this node has someone in, with its own entries (a heartbeat). */
  localSnapshot(): Record<string, PresenceEntry[]> {
    return Object.fromEntries([...this.byDoc.keys()].map((docId) => [docId, this.localList(docId)]));
  }

  enter(docId: string, who: { userId: string; displayName: string; connectionId: string }): void {
    let room = this.byDoc.get(docId);
    if (!room) this.byDoc.set(docId, (room = new Map<string, PresenceEntry>()));
    if (room.has(who.connectionId)) return;
    room.set(who.connectionId, { ...who, paragraphId: null, lang: null, typing: false });
    this.changed(docId, true);
  }

  /** False when the connection is not in the document. */
  update(docId: string, connectionId: string, where: { paragraphId: string | null; lang: Lang | null; typing: boolean }): boolean {
    const entry = this.byDoc.get(docId)?.get(connectionId);
    if (!entry) return false;
    if (entry.paragraphId === where.paragraphId && entry.lang === where.lang && entry.typing === where.typing) return true;
    entry.paragraphId = where.paragraphId;
    entry.lang = where.lang;
    entry.typing = where.typing;
    this.changed(docId, true);
    return true;
  }

  leave(docId: string, connectionId: string): void {
    const room = this.byDoc.get(docId);
    if (!room?.delete(connectionId)) return;
    if (room.size === 0) this.byDoc.delete(docId);
    this.changed(docId, true);
  }

  leaveAll(connectionId: string): void {
    for (const docId of [...this.byDoc.keys()]) this.leave(docId, connectionId);
  }

  /**
   * Takes in what another node published. A full state replaces everything
   * known of that node (documents it no longer lists are empty there); a
   * partial one replaces just the documents it names.
   */
  applyRemote(state: PresenceNodeState, now = performance.now()): void {
    let node = this.remote.get(state.nodeId);
    if (!node) this.remote.set(state.nodeId, (node = { seenAt: now, docs: new Map() }));
    node.seenAt = now;
    const touched = new Set(Object.keys(state.docs));
    if (state.full) {
      for (const docId of node.docs.keys()) if (!touched.has(docId)) touched.add(docId);
      node.docs.clear();
    }
    for (const [docId, entries] of Object.entries(state.docs)) {
      if (entries.length === 0) node.docs.delete(docId);
      else node.docs.set(docId, entries);
    }
    for (const docId of touched) this.changed(docId, false);
  }

  /** Forgets the nodes not heard from since `before` (performance.now() time): they are gone. */
  expireRemote(before: number): void {
    for (const [nodeId, node] of this.remote) {
      if (node.seenAt >= before) continue;
      this.remote.delete(nodeId);
      for (const docId of node.docs.keys()) this.changed(docId, false);
    }
  }

  /** Forgets a document (deleted): no more broadcasts for it. */
  drop(docId: string): void {
    this.byDoc.delete(docId);
    for (const node of this.remote.values()) node.docs.delete(docId);
    clearTimeout(this.timers.get(docId));
    this.timers.delete(docId);
    this.lastSent.delete(docId);
    this.localDirty.delete(docId);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private changed(docId: string, local: boolean): void {
    if (local) this.localDirty.add(docId);
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
    // Only this node's own changes go out to the others: a remote change passed on again would echo forever.
    if (this.localDirty.delete(docId)) this.localListener(docId, this.localList(docId));
    const entries = this.list(docId);
    this.listener(docId, entries);
    if (entries.length === 0) this.lastSent.delete(docId);
  }
}
