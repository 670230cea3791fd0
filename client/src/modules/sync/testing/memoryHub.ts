import { applyEvent, cellKey, docLangs, emptyCell, merge3 } from '../../../../../shared/index.js';
import type {
  CellEditAck,
  CellEditPayload,
  DocEvent,
  DocEventBody,
  DocumentSnapshot,
  JoinAck,
  JoinPayload,
  Lang,
  PresenceEntry,
  PresencePayload,
  ReducibleDoc,
  Revision,
} from '../../../../../shared/index.js';
import type { CallResult, SyncTransport } from '../transport.js';

/**
 * An in-memory stand-in for the Anor server, for unit tests of the sync
 * engine only (component and end-to-end tests use the real server). It follows
 * the contract in shared/: events applied with the shared reducer and
 * broadcast to every joined client including the sender, stale edits merged
 * with the shared merge3, overlaps recorded as conflicts.
 */
export class MemoryHub {
  readonly doc: ReducibleDoc;
  readonly log: DocEvent[] = [];
  private clients = new Set<MemoryTransport>();

  constructor(docId: string, paragraphs: string[], targetLangs: Lang[] = ['ru']) {
    this.doc = {
      id: docId,
      title: 'T',
      sourceLang: 'en',
      targetLangs,
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'u0',
      seq: 1,
      updatedAt: '2026-01-01T00:00:00Z',
      history: {},
      paragraphs: paragraphs.map((text, i) => ({ id: `p${i}`, cells: {} })),
    };
    for (const [i, p] of this.doc.paragraphs.entries()) {
      for (const l of docLangs(this.doc)) p.cells[l] = emptyCell();
      const src = p.cells.en!;
      const text = paragraphs[i] ?? '';
      Object.assign(src, { text, rev: text ? 1 : 0, status: text ? 'draft' : 'empty' });
      if (text)
        this.doc.history![cellKey(p.id, 'en')] = [{ rev: 1, text, author: 'u0', at: '', kind: 'import', status: 'draft', opId: null }];
    }
  }

  connect(userId: string): MemoryTransport {
    const t = new MemoryTransport(this, userId);
    this.clients.add(t);
    return t;
  }

  snapshot(): DocumentSnapshot {
    const { history: _h, ...rest } = structuredClone(this.doc);
    return rest;
  }

  /** Appends an event as the server would, and broadcasts it to joined, connected clients. */
  emit(by: string, opId: string | null, body: DocEventBody): DocEvent {
    const ev = { docId: this.doc.id, seq: this.doc.seq + 1, at: new Date().toISOString(), by, opId, ...body };
    applyEvent(this.doc, ev);
    this.log.push(ev);
    for (const c of this.clients) if (c.connected && c.joined) c.deliver(ev);
    return ev;
  }

  history(paragraphId: string, lang: Lang): Revision[] {
    return structuredClone(this.doc.history![cellKey(paragraphId, lang)] ?? []);
  }

  join(p: JoinPayload): JoinAck {
    if (p.sinceSeq !== undefined) return { mode: 'events', events: this.log.filter((e) => e.seq > p.sinceSeq!), presence: [] };
    return { mode: 'snapshot', doc: this.snapshot(), presence: [] };
  }

  edit(by: string, p: CellEditPayload): CallResult<CellEditAck> {
    const para = this.doc.paragraphs.find((x) => x.id === p.paragraphId);
    if (!para) return { ok: false, error: { code: 'paragraph_not_found', message: 'no paragraph' } };
    const cell = para.cells[p.lang];
    if (!cell) return { ok: false, error: { code: 'language_not_in_document', message: 'no lang' } };
    if (p.baseRev > cell.rev) return { ok: false, error: { code: 'bad_revision', message: 'future' } };
    const ack = (outcome: CellEditAck['outcome'], yours?: string): CallResult<CellEditAck> => ({
      ok: true,
      data: { outcome, seq: this.doc.seq, rev: cell.rev, text: cell.text, status: cell.status, ...(yours === undefined ? {} : { yours }) },
    });
    if (p.text === cell.text) return ack('unchanged');
    const edit = (text: string, kind: 'edit' | 'merge'): void => {
      this.emit(by, p.opId, {
        type: 'cell.edited',
        paragraphId: p.paragraphId,
        lang: p.lang,
        kind,
        text,
        rev: cell.rev + 1,
        status: text ? 'draft' : 'empty',
      });
    };
    if (p.baseRev === cell.rev) {
      edit(p.text, 'edit');
      return ack('applied');
    }
    const base =
      p.baseRev === 0
        ? ''
        : ((this.doc.history![cellKey(p.paragraphId, p.lang)] ?? []).find((r) => r.rev === p.baseRev && r.kind !== 'conflict')?.text ?? '');
    const m = merge3(base, cell.text, p.text);
    if (!m.ok) {
      this.emit(by, p.opId, { type: 'cell.conflicted', paragraphId: p.paragraphId, lang: p.lang, text: p.text, rev: cell.rev });
      return ack('conflict', p.text);
    }
    if (m.text === cell.text) return ack('unchanged');
    edit(m.text, 'merge');
    return ack('merged');
  }
}

type Listener<T> = (v: T) => void;

export class MemoryTransport implements SyncTransport {
  connected = true;
  joined = false;
  readonly connectionId: string;
  readonly presenceSent: PresencePayload[] = [];
  /** Simulates a connection that drops right after the server applied an edit: the ack is lost. */
  loseNextAck = false;
  private static n = 0;
  private events = new Set<Listener<DocEvent>>();
  private presence = new Set<Listener<{ docId: string; entries: PresenceEntry[] }>>();
  private connects = new Set<() => void>();
  private disconnects = new Set<() => void>();
  private sessionEnds = new Set<() => void>();

  constructor(
    private readonly hub: MemoryHub,
    readonly userId: string,
  ) {
    this.connectionId = `c${MemoryTransport.n++}`;
  }

  /** Network latency is a microtask hop, so ordering races can be tested deterministically. */
  private async hop(): Promise<void> {
    await Promise.resolve();
  }

  async join(p: JoinPayload): Promise<CallResult<JoinAck>> {
    await this.hop();
    if (!this.connected) return { ok: false, error: { code: 'network', message: 'offline' } };
    this.joined = true;
    return { ok: true, data: this.hub.join(p) };
  }

  async editCell(p: CellEditPayload): Promise<CallResult<CellEditAck>> {
    await this.hop();
    if (!this.connected) return { ok: false, error: { code: 'network', message: 'offline' } };
    const res = this.hub.edit(this.userId, p);
    await this.hop();
    if (this.loseNextAck) {
      this.loseNextAck = false;
      this.setOnline(false);
      return { ok: false, error: { code: 'network', message: 'connection lost' } };
    }
    return res;
  }

  leave(): void {
    this.joined = false;
  }

  updatePresence(p: PresencePayload): void {
    this.presenceSent.push(p);
  }

  deliver(ev: DocEvent): void {
    queueMicrotask(() => {
      if (this.connected) for (const l of this.events) l(ev);
    });
  }

  setOnline(online: boolean): void {
    this.connected = online;
    if (!online) this.joined = false;
    for (const l of online ? this.connects : this.disconnects) l();
  }

  onEvent(cb: Listener<DocEvent>): () => void {
    return on(this.events, cb);
  }
  onPresence(cb: Listener<{ docId: string; entries: PresenceEntry[] }>): () => void {
    return on(this.presence, cb);
  }
  onConnect(cb: () => void): () => void {
    return on(this.connects, cb);
  }
  onDisconnect(cb: () => void): () => void {
    return on(this.disconnects, cb);
  }
  onSessionEnded(cb: () => void): () => void {
    return on(this.sessionEnds, cb);
  }
}

function on<T>(set: Set<T>, cb: T): () => void {
  set.add(cb);
  return () => set.delete(cb);
}
