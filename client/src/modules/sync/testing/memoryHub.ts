import { AppError, applyEvent, can, cellKey, documentFromCreated } from '../../../../../shared/index.js';
import type {
  CellEditAck,
  CellEditPayload,
  CellKeepTheirsPayload,
  CellRestorePayload,
  DocEvent,
  DocEventBody,
  DocumentSnapshot,
  DocumentState,
  JoinAck,
  JoinPayload,
  Lang,
  PresenceEntry,
  PresencePayload,
  Revision,
  RoleHolder,
} from '../../../../../shared/index.js';
import { decideCellEdit, decideCreate, decideKeepTheirs, decideRestore } from '../../../../../shared/decide/index.js';
import type { Decision } from '../../../../../shared/decide/index.js';
import type { CallResult, SyncTransport } from '../transport.js';

const CREATED_AT = '2026-01-01T00:00:00.000Z';
const TRANSLATOR_EVERYWHERE: RoleHolder['roles'] = {
  en: 'translator',
  zh: 'translator',
  ru: 'translator',
  kk: 'translator',
  uz: 'translator',
};

/**
 * The Anor server's document core in memory, for tests of the sync engine.
 * It decides with the server's own pure functions (shared/decide) and applies
 * with the shared reducer, so what it answers is what the server answers;
 * what is left here is only the plumbing the server does around them:
 * numbering events, remembering operation ids (a retry gets the first
 * answer), keeping the events for catch-up, acks, and `can()` for who may
 * edit. Component and end-to-end tests use the real server.
 */
export class MemoryHub {
  readonly doc: DocumentState;
  /** Every event after the document's creation, in seq order (the server's ring, unbounded). */
  readonly log: DocEvent[] = [];
  private readonly ops = new Map<string, CellEditAck>();
  private readonly users = new Map<string, RoleHolder>();
  private readonly clients = new Set<MemoryTransport>();

  constructor(docId: string, paragraphs: string[], targetLangs: Lang[] = ['ru']) {
    let n = 0;
    const body = decideCreate(
      { title: 'T', sourceLang: 'en', targetLangs, paragraphs },
      { docId, paragraphId: () => `p${n++}` },
      'u0',
      CREATED_AT,
    );
    const start = documentFromCreated({ ...body, docId, seq: 1, at: CREATED_AT, by: 'u0', opId: null }, true);
    this.doc = { ...start, history: start.history ?? {} };
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

  history(paragraphId: string, lang: Lang): Revision[] {
    return structuredClone(this.doc.history[cellKey(paragraphId, lang)] ?? []);
  }

  /** Takes every role away from a user (as an admin would), or gives them back. */
  setRoles(userId: string, roles: RoleHolder['roles']): void {
    this.users.set(userId, { id: userId, isAdmin: false, roles });
  }

  /** Appends an event as the server would (for events no client asked for), and broadcasts it. */
  emit(by: string, opId: string | null, body: DocEventBody): DocEvent {
    const ev: DocEvent = { ...body, docId: this.doc.id, seq: this.doc.seq + 1, at: new Date().toISOString(), by, opId };
    applyEvent(this.doc, ev);
    this.log.push(ev);
    for (const c of this.clients) if (c.connected && c.joined) c.deliver(ev);
    return ev;
  }

  /**
   * What a node whose copy fell behind the pruned events does (server/src/sockets/index.ts, onReread): `skipped`
   * are committed but never sent to the clients, the ring of recent events starts again empty (a rejoin
   * since an older seq gets a snapshot), and every joined client is told `doc:stale`.
   */
  reread(skipped: { by: string; body: DocEventBody }[]): void {
    for (const { by, body } of skipped) {
      const ev: DocEvent = { ...body, docId: this.doc.id, seq: this.doc.seq + 1, at: new Date().toISOString(), by, opId: null };
      applyEvent(this.doc, ev);
    }
    this.log.splice(0);
    for (const c of this.clients) if (c.connected && c.joined) c.stale(this.doc.id);
  }

  join(p: JoinPayload): JoinAck {
    const first = this.log[0]?.seq ?? this.doc.seq + 1;
    const since = p.sinceSeq;
    if (since === undefined || since > this.doc.seq || since + 1 < first) return { mode: 'snapshot', doc: this.snapshot(), presence: [] };
    return { mode: 'events', events: this.log.filter((e) => e.seq > since), presence: [] };
  }

  edit(by: string, p: CellEditPayload): CallResult<CellEditAck> {
    return this.commit(by, p.opId, p.lang, (doc) => decideCellEdit(doc, p));
  }

  keepTheirs(by: string, p: CellKeepTheirsPayload): CallResult<CellEditAck> {
    return this.commit(by, p.opId, p.lang, (doc) => decideKeepTheirs(doc, p));
  }

  restore(by: string, p: CellRestorePayload): CallResult<CellEditAck> {
    return this.commit(by, p.opId, p.lang, (doc) => decideRestore(doc, p));
  }

  /** authorise → a retry answers as the first time → decide → apply and broadcast → ack; as the server's commit. */
  private commit(by: string, opId: string, lang: Lang, decide: (doc: DocumentState) => Decision<CellEditAck>): CallResult<CellEditAck> {
    const user = this.users.get(by) ?? { id: by, isAdmin: false, roles: TRANSLATOR_EVERYWHERE };
    if (!can(user, 'cell.edit', { lang })) return { ok: false, error: { code: 'forbidden', message: `${by} may not edit ${lang}` } };
    const key = `${by}\u0000${opId}`;
    const seen = this.ops.get(key);
    if (seen) return { ok: true, data: seen };
    try {
      const decision = decide(this.doc);
      for (const body of decision.bodies) this.emit(by, opId, body);
      const ack = decision.finish(this.doc, this.doc.seq);
      this.ops.set(key, ack);
      return { ok: true, data: ack };
    } catch (err) {
      // Refusals are not remembered: a retry is decided afresh, as on the server.
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      throw err;
    }
  }
}

type Listener<T> = (v: T) => void;

/** A message from the server on its way to one client: an event or the answer to one of its calls. */
export interface Incoming {
  kind: 'event' | 'ack';
  deliver: () => void;
  /** For an ack: answers the call as SocketTransport does when no ack came in time. */
  timeOut?: () => void;
  /** What the call or event was, for test messages. */
  what: string;
}

/**
 * One client's connection to a MemoryHub. By default the network is a
 * microtask hop each way, so ordering races can be tested deterministically.
 * With `manual` on, nothing moves until the test says so: calls wait in
 * `toServer` until `serverStep()`, and events and acks wait in `toClient`
 * until `deliver(i)` (any order), `timeOut(i)` (the ack never comes) or a
 * disconnect (both queues are lost).
 */
export class MemoryTransport implements SyncTransport {
  connected = true;
  joined = false;
  readonly connectionId: string;
  readonly presenceSent: PresencePayload[] = [];
  /** Simulates a connection that drops right after the server applied an edit: the ack is lost. */
  loseNextAck = false;
  manual = false;
  readonly toServer: { run: () => void; drop: () => void; what: string }[] = [];
  readonly toClient: Incoming[] = [];
  private static n = 0;
  private events = new Set<Listener<DocEvent>>();
  private presence = new Set<Listener<{ docId: string; entries: PresenceEntry[] }>>();
  private connects = new Set<() => void>();
  private disconnects = new Set<() => void>();
  private sessionEnds = new Set<() => void>();
  private stales = new Set<Listener<string>>();

  constructor(
    private readonly hub: MemoryHub,
    readonly userId: string,
  ) {
    this.connectionId = `c${MemoryTransport.n++}`;
  }

  private call<T>(what: string, run: () => CallResult<T>): Promise<CallResult<T>> {
    const offline: CallResult<T> = { ok: false, error: { code: 'network', message: 'offline' } };
    if (!this.connected) return Promise.resolve(offline);
    if (!this.manual) {
      return (async () => {
        await Promise.resolve();
        if (!this.connected) return offline;
        const res = run();
        await Promise.resolve();
        if (this.loseNextAck) {
          this.loseNextAck = false;
          this.setOnline(false);
          return { ok: false, error: { code: 'network', message: 'connection lost' } };
        }
        return res;
      })();
    }
    return new Promise((resolve) => {
      this.toServer.push({
        what,
        drop: () => resolve(offline),
        run: () => {
          const res = run();
          this.toClient.push({
            kind: 'ack',
            what,
            deliver: () => resolve(res),
            timeOut: () => resolve({ ok: false, error: { code: 'timeout', message: 'no ack' } }),
          });
        },
      });
    });
  }

  /** Manual mode: the server takes the oldest call of this connection (a connection is ordered). */
  serverStep(): boolean {
    const next = this.toServer.shift();
    next?.run();
    return next !== undefined;
  }

  /** Manual mode: hands message `i` of `toClient` to the client (0 = in order). */
  deliverAt(i = 0): void {
    const [m] = this.toClient.splice(i, 1);
    m?.deliver();
  }

  /** Manual mode: the ack at `i` never arrives; the call times out, as SocketTransport's does. */
  timeOutAt(i: number): void {
    const m = this.toClient[i];
    if (m?.kind !== 'ack') return;
    this.toClient.splice(i, 1);
    m.timeOut?.();
  }

  join(p: JoinPayload): Promise<CallResult<JoinAck>> {
    return this.call('join', () => {
      this.joined = true;
      return { ok: true, data: this.hub.join(p) };
    });
  }

  editCell(p: CellEditPayload): Promise<CallResult<CellEditAck>> {
    return this.call(`edit ${p.paragraphId}/${p.lang} ${JSON.stringify(p.text)}`, () => this.joinedOr(() => this.hub.edit(this.userId, p)));
  }

  keepTheirs(p: CellKeepTheirsPayload): Promise<CallResult<CellEditAck>> {
    return this.call(`keepTheirs ${p.paragraphId}/${p.lang}`, () => this.joinedOr(() => this.hub.keepTheirs(this.userId, p)));
  }

  private joinedOr(fn: () => CallResult<CellEditAck>): CallResult<CellEditAck> {
    return this.joined ? fn() : { ok: false, error: { code: 'not_joined', message: 'join first' } };
  }

  leave(): void {
    this.joined = false;
  }

  updatePresence(p: PresencePayload): void {
    this.presenceSent.push(p);
  }

  deliver(ev: DocEvent): void {
    const hand = (): void => {
      if (this.connected) for (const l of this.events) l(ev);
    };
    if (this.manual) this.toClient.push({ kind: 'event', what: `event ${ev.seq} ${ev.type}`, deliver: hand });
    else queueMicrotask(hand);
  }

  stale(docId: string): void {
    const hand = (): void => {
      if (this.connected) for (const l of this.stales) l(docId);
    };
    if (this.manual) this.toClient.push({ kind: 'event', what: `stale ${docId}`, deliver: hand });
    else queueMicrotask(hand);
  }

  setOnline(online: boolean): void {
    this.connected = online;
    if (!online) {
      this.joined = false;
      // What was on the wire is gone with the connection.
      for (const m of this.toServer.splice(0)) m.drop();
      for (const m of this.toClient.splice(0)) m.timeOut?.();
    }
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
  onStale(cb: Listener<string>): () => void {
    return on(this.stales, cb);
  }
}

function on<T>(set: Set<T>, cb: T): () => void {
  set.add(cb);
  return () => set.delete(cb);
}
