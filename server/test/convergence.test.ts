import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, cellKey, graphemes } from '../../shared/index.js';
import type { CellEditAck, CellHistoryDto, DocEvent, DocumentSnapshot, Lang, ReducibleDoc } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, opId } from './helpers/sockets.js';
import type { AckOf, TestSocket } from './helpers/sockets.js';

/**
 * Convergence with fast-check choosing the interleaving. Several real
 * socket.io clients edit random cells of one document on the real server.
 * What arrives on a client's socket (events and acks, in wire order) waits in
 * that client's inbox, and `fc.scheduler` decides, step by step, which client
 * next processes its next message or types its next edit. A client types on
 * the text and revision it has processed so far (so its edits go stale in
 * every way the scheduler can arrange) and, like the real client, keeps one
 * edit per cell in flight: it types in that cell again only once the ack is
 * processed.
 *
 * Between steps the test waits until the network is quiet (every ack and
 * every broadcast has arrived), so what is pending at each step depends only
 * on the steps before: a seed replays the same run. The server decides each
 * message synchronously on arrival, so the order in which the scheduler lets
 * edits go out is the order in which the server decides them.
 *
 * Edits insert a unique «token» outside other tokens, delete a filler
 * character, or replace one with a token; nobody deletes a token, so "nothing
 * acknowledged is lost" is checkable: every applied or merged token is in the
 * final text, every conflicting text is in history and its token nowhere.
 */
const LANGS: Lang[] = ['en', 'zh', 'ru'];
const FILLER: Record<string, string> = { en: 'abcdefghijklmnop', zh: '一二三四五六七八九十百千万亿兆京', ru: 'абвгдежзиклмнопр' };
const WORDS = ['mir', '和平', 'мир', 'бейбіт', 'tinchlik', 'é', '👍🏽', '👩‍💻'];

interface EditPlan {
  cell: number;
  /** Where to insert, as a fraction of the safe positions; or which filler character to delete or replace. */
  at: number;
  kind: 'insert' | 'delete' | 'replace';
  word: number;
}

const plan = fc.record({
  cell: fc.nat(5),
  at: fc.oneof(fc.constantFrom(0, 1), fc.noBias(fc.double({ min: 0, max: 1, noNaN: true }))),
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  word: fc.nat(WORDS.length - 1),
});

/** For each grapheme position (and the end), whether it lies outside every «token». */
function outside(chars: string[]): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (chars[i] === '«') depth++;
    out.push(depth === 0);
    if (chars[i] === '»') depth--;
  }
  return out;
}

function applyPlan(text: string, p: EditPlan, token: string, lang: Lang): string {
  const chars = graphemes(text);
  const free = outside(chars);
  if (p.kind !== 'insert') {
    const filler = [...FILLER[lang]!];
    const victims = chars.map((c, i) => (free[i] && filler.includes(c) ? i : -1)).filter((i) => i >= 0);
    if (victims.length > 0) {
      chars.splice(victims[Math.floor(p.at * (victims.length - 1))]!, 1, ...(p.kind === 'replace' ? [token] : []));
      return chars.join('');
    }
  }
  const safe = free.map((ok, i) => (ok ? i : -1)).filter((i) => i >= 0);
  chars.splice(safe[Math.floor(p.at * (safe.length - 1))]!, 0, token);
  return chars.join('');
}

interface Sent {
  edit: number;
  token: string;
  text: string;
  paragraphId: string;
  lang: Lang;
}
type Inbound = { ev: DocEvent } | { ack: AckOf<'cell:edit'>; sent: Sent };

/** One client: its copy of the document, what arrived but is not processed yet, and its plan. */
interface Client {
  id: number;
  socket: TestSocket;
  doc: ReducibleDoc;
  inbox: Inbound[];
  /** Highest seq that arrived on the socket, processed or not. */
  arrived: number;
  /** Cells with an edit on the wire (ack not processed yet). */
  inflight: Set<string>;
  plan: EditPlan[];
  next: number;
  typing: boolean;
}

describe('random concurrent edits converge, in interleavings fast-check chooses', () => {
  let server: TestServer;
  let cookie: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    for (let i = 0; i < 7; i++) sockets.push(await connect(server.url, cookie));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server.stop();
  });

  /** A document with two paragraphs whose every cell holds filler, so deletions have something to bite in every language. */
  async function seededDoc(): Promise<string> {
    const created = await data<{ document: { id: string } }>(server.url, 'POST', '/api/documents', {
      cookie,
      json: { title: 'fc', sourceLang: 'en', targetLangs: ['zh', 'ru'], paragraphs: [FILLER.en, FILLER.en] },
    });
    const docId = created.document.id;
    const setup = sockets.at(-1)!;
    const join = await call(setup, 'doc:join', { docId });
    if (!join.ok || join.data.mode !== 'snapshot') throw new Error('setup join failed');
    for (const p of join.data.doc.paragraphs) {
      for (const lang of ['zh', 'ru'] as const) {
        const r = await call(setup, 'cell:edit', { docId, paragraphId: p.id, lang, opId: opId(), baseRev: 0, text: FILLER[lang]! });
        if (!r.ok) throw new Error(r.error.code);
      }
    }
    await call(setup, 'doc:leave', { docId });
    return docId;
  }

  async function run(s: fc.Scheduler, plans: EditPlan[][], seen: Record<CellEditAck['outcome'], number>): Promise<void> {
    const docId = await seededDoc();
    const clients: Client[] = [];
    const sent: { sent: Sent; ack: CellEditAck }[] = [];
    const failures: string[] = [];
    let outstanding = 0;
    let serverSeq = 0;

    /** A step fast-check may take at any point from now on; what it throws fails the run. */
    const step = (label: string, action: () => void): void => {
      void s.schedule(Promise.resolve(), label).then(() => {
        try {
          action();
        } catch (e) {
          failures.push(`${label}: ${String(e)}`);
        }
      });
    };

    /** A message arrived on the client's socket: it waits in the inbox, in wire order. */
    const deliver = (c: Client, msg: Inbound): void => {
      c.inbox.push(msg);
      if (c.inbox.length === 1) processLater(c);
    };

    /** Schedules processing the oldest message in the inbox (one such task per client, so the order stays the wire's). */
    const processLater = (c: Client): void => {
      const head = c.inbox[0]!;
      const what = 'ev' in head ? `event ${head.ev.seq}` : `the ack of «${c.id}.${head.sent.edit}»`;
      step(`client ${c.id} processes ${what}`, () => {
        const m = c.inbox.shift()!;
        if (c.inbox.length > 0) processLater(c);
        if ('ev' in m) {
          if (m.ev.seq > c.doc.seq) applyEvent(c.doc, m.ev);
          return;
        }
        c.inflight.delete(cellKey(m.sent.paragraphId, m.sent.lang));
        if (m.ack.ok) sent.push({ sent: m.sent, ack: m.ack.data });
        else failures.push(`edit refused: ${m.ack.error.code} ${m.ack.error.message}`);
        typeLater(c);
      });
    };

    const cellOf = (c: Client, p: EditPlan): { paragraphId: string; lang: Lang } => ({
      paragraphId: c.doc.paragraphs[p.cell % 2]!.id,
      lang: LANGS[Math.floor(p.cell / 2)]!,
    });

    /** Schedules the client's next edit, unless its cell still has one in flight. */
    const typeLater = (c: Client): void => {
      const p = c.plan[c.next];
      if (c.typing || !p) return;
      const { paragraphId, lang } = cellOf(c, p);
      if (c.inflight.has(cellKey(paragraphId, lang))) return;
      c.typing = true;
      step(`client ${c.id} types «${c.id}.${c.next + 1}»`, () => {
        c.typing = false;
        const edit = ++c.next;
        const cell = c.doc.paragraphs.find((x) => x.id === paragraphId)!.cells[lang]!;
        const token = `«${c.id}.${edit}${WORDS[p.word]}»`;
        const text = applyPlan(cell.text, p, token, lang);
        const payload = { docId, paragraphId, lang, opId: opId(), baseRev: cell.rev, text };
        c.inflight.add(cellKey(paragraphId, lang));
        outstanding++;
        void call(c.socket, 'cell:edit', payload).then((ack) => {
          outstanding--;
          if (ack.ok) serverSeq = Math.max(serverSeq, ack.data.seq);
          deliver(c, { ack, sent: { edit, token: text.includes(token) ? token : '', text, paragraphId, lang } });
        });
        typeLater(c);
      });
    };

    const listeners: (() => void)[] = [];
    for (const [i, socket] of sockets.slice(0, plans.length).entries()) {
      const pending: DocEvent[] = [];
      const early = (ev: DocEvent): void => void (ev.docId === docId && pending.push(ev));
      socket.on('doc:event', early);
      const join = await call(socket, 'doc:join', { docId });
      if (!join.ok || join.data.mode !== 'snapshot') throw new Error('join failed');
      const c: Client = {
        id: i,
        socket,
        doc: structuredClone(join.data.doc),
        inbox: [],
        arrived: join.data.doc.seq,
        inflight: new Set(),
        plan: plans[i]!,
        next: 0,
        typing: false,
      };
      socket.off('doc:event', early);
      const onEvent = (ev: DocEvent): void => {
        if (ev.docId !== docId) return;
        c.arrived = Math.max(c.arrived, ev.seq);
        deliver(c, { ev });
      };
      for (const ev of pending) onEvent(ev);
      socket.on('doc:event', onEvent);
      listeners.push(() => socket.off('doc:event', onEvent));
      clients.push(c);
    }
    serverSeq = Math.max(...clients.map((c) => c.doc.seq));

    /** Until every ack and every broadcast is in some inbox, so the next step sees all there is. */
    const quiet = async (): Promise<void> => {
      await new Promise((r) => setImmediate(r));
      const until = Date.now() + 10_000;
      while (outstanding > 0 || clients.some((c) => c.arrived < serverSeq)) {
        if (Date.now() > until) throw new Error(`network not quiet: ${outstanding} acks outstanding, server at ${serverSeq}`);
        await new Promise((r) => setTimeout(r, 1));
      }
    };

    try {
      for (const c of clients) typeLater(c);
      for (await quiet(); s.count() > 0; await quiet()) await s.waitNext(1);
    } finally {
      for (const off of listeners) off();
      await Promise.all(clients.map((c) => call(c.socket, 'doc:leave', { docId })));
    }
    expect(failures).toEqual([]);

    // Every client converged to the server's document.
    const { document } = await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });
    for (const c of clients) {
      expect(c.inbox).toEqual([]);
      expect(c.doc).toEqual(document);
    }
    // Nothing acknowledged was lost.
    for (const { sent: x, ack } of sent) {
      if (!x.token) continue;
      const finalText = document.paragraphs.find((p) => p.id === x.paragraphId)!.cells[x.lang]!.text;
      if (ack.outcome === 'applied' || ack.outcome === 'merged') {
        seen[ack.outcome]++;
        expect(ack.text).toContain(x.token);
        expect(finalText).toContain(x.token);
      } else {
        seen.conflict++;
        expect(ack.outcome).toBe('conflict');
        expect(ack.yours).toBe(x.text);
        expect(finalText).not.toContain(x.token);
        const h = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${x.paragraphId}/${x.lang}/history`, {
          cookie,
        });
        expect(h.revisions).toContainEqual(expect.objectContaining({ kind: 'conflict', text: x.text }));
      }
    }
  }

  /** Runs the property for `clients` clients and checks that the interleavings made stale edits merge and clash, not only apply. */
  async function property(clients: number, edits: number, numRuns: number, atLeast: number): Promise<void> {
    const seen = { applied: 0, merged: 0, conflict: 0, unchanged: 0 };
    const plans = fc.array(fc.array(plan, { minLength: 1, maxLength: edits }), { minLength: clients, maxLength: clients });
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), plans, (s, p) => run(s, p, seen)),
      { numRuns },
    );
    expect(seen.merged).toBeGreaterThanOrEqual(atLeast);
    expect(seen.conflict).toBeGreaterThanOrEqual(atLeast);
  }

  it('with three clients', () => property(3, 6, 25, 10));
  it('with six clients', () => property(6, 4, 6, 3));
});
