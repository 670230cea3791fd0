import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bothVersions, compareVersions } from '../editor/combine.js';
import { CELLS, FILTERS, ModelWorld, settle } from './testing/modelWorld.js';
import type { Client } from './testing/modelWorld.js';

/**
 * Model-based test of the promise of issue 10: real DocSync engines (several
 * people) against the server's own decide functions and reducer (MemoryHub),
 * driven by fast-check `commands` through random typing and deleting, input
 * method compositions, filters, disconnects, reloads from the outbox on disk,
 * acks delayed, reordered and never arriving, the server taking edits one by
 * one, roles taken away and given back, clashes settled every way, and a
 * concurrent peer writing straight to the server. After every step nothing
 * anyone typed is lost (ModelWorld.checkNothingLost); at the end, with the
 * network back and every clash settled, every outbox is empty, everything
 * typed is in the server's history and every screen shows the server's text.
 *
 * Fixed seed by default (server/test/helpers/fastCheckSeed.ts); FC_SEED=random explores.
 */
type Cmd = fc.AsyncCommand<object, ModelWorld>;

const who = fc.nat({ max: 2 });
const where = fc.nat({ max: CELLS.length - 1 });
/** Where in the text: the start, the end (clamped), or anywhere. */
const at = fc.oneof(fc.constantFrom(0, 1000), fc.nat({ max: 12 }));

function command(name: string, run: (w: ModelWorld) => void | Promise<void>): Cmd {
  return {
    check: () => true,
    async run(_m, w) {
      await run(w);
      await settle();
      w.checkNothingLost();
    },
    toString: () => name,
  };
}

/** Whether the person can type in the cell now: the document is on screen and its row is shown. */
function canType(w: ModelWorld, c: Client, cell: (typeof CELLS)[number]): boolean {
  return c.sync.doc !== null && c.sync.state === 'ready' && c.composing === null && w.visibleRows(c).includes(cell.paragraphId);
}

const actions = [
  fc.record({ c: who, cell: where, pos: at }).map(({ c, cell, pos }) =>
    command(`type(u${c}, ${cell}, ${pos})`, (w) => {
      const client = w.clients[c]!;
      const { paragraphId, lang } = CELLS[cell]!;
      if (!canType(w, client, CELLS[cell]!)) return;
      const text = client.sync.textOf(paragraphId, lang);
      const i = Math.min(pos, text.length);
      const ch = w.freshChar();
      client.focus = { paragraphId, lang };
      w.typedBy(client, paragraphId, lang, [ch]);
      client.sync.setLocalText(paragraphId, lang, text.slice(0, i) + ch + text.slice(i));
    }),
  ),
  fc.record({ c: who, cell: where, pos: at }).map(({ c, cell, pos }) =>
    command(`delete(u${c}, ${cell}, ${pos})`, (w) => {
      const client = w.clients[c]!;
      const { paragraphId, lang } = CELLS[cell]!;
      if (!canType(w, client, CELLS[cell]!)) return;
      const text = client.sync.textOf(paragraphId, lang);
      if (text === '') return;
      const i = Math.min(pos, text.length - 1);
      client.focus = { paragraphId, lang };
      client.deleted.add(text[i]!);
      client.sync.setLocalText(paragraphId, lang, text.slice(0, i) + text.slice(i + 1));
    }),
  ),
  fc.record({ c: who, cell: where, pos: at, letters: fc.stringMatching(/^[a-z]{1,6}$/u) }).map(({ c, cell, pos, letters }) =>
    command(`compose(u${c}, ${cell}, ${pos}, ${letters})`, (w) => {
      const client = w.clients[c]!;
      const { paragraphId, lang } = CELLS[cell]!;
      if (client.composing) {
        // Another candidate keystroke in the composition going on.
        const k = client.composing;
        const text = client.sync.textOf(k.paragraphId, k.lang);
        k.letters += letters;
        client.sync.setLocalText(
          k.paragraphId,
          k.lang,
          text.slice(0, k.at) + k.letters + text.slice(k.at + k.letters.length - letters.length),
        );
        return;
      }
      if (!canType(w, client, CELLS[cell]!)) return;
      const text = client.sync.textOf(paragraphId, lang);
      const i = Math.min(pos, text.length);
      client.focus = { paragraphId, lang };
      client.composing = { paragraphId, lang, at: i, letters };
      client.sync.compositionStart(paragraphId, lang);
      client.sync.setLocalText(paragraphId, lang, text.slice(0, i) + letters + text.slice(i));
    }),
  ),
  fc.record({ c: who, n: fc.integer({ min: 1, max: 3 }) }).map(({ c, n }) =>
    command(`commit(u${c}, ${n})`, (w) => {
      const client = w.clients[c]!;
      const k = client.composing;
      if (!k) return;
      const text = client.sync.textOf(k.paragraphId, k.lang);
      const chosen = Array.from({ length: n }, () => w.freshChar()).join('');
      const committed = text.slice(0, k.at) + chosen + text.slice(k.at + k.letters.length);
      client.composing = null;
      w.stats.compositions++;
      w.typedBy(client, k.paragraphId, k.lang, chosen);
      client.sync.setLocalText(k.paragraphId, k.lang, committed); // the IME's last input event…
      client.sync.compositionEnd(k.paragraphId, k.lang, committed); // …then compositionend
    }),
  ),
  fc.record({ c: who, f: fc.nat({ max: FILTERS.length - 1 }) }).map(({ c, f }) =>
    command(`filter(u${c}, ${f})`, (w) => {
      w.clients[c]!.filter = FILTERS[f]!;
    }),
  ),
  who.map((c) =>
    command(`blur(u${c})`, (w) => {
      const client = w.clients[c]!;
      if (client.composing) return; // leaving the cell ends a composition: see commit
      client.focus = null;
    }),
  ),
  fc.record({ c: who, steps: fc.integer({ min: 1, max: 4 }) }).map(({ c, steps }) =>
    command(`server(u${c}, ${steps})`, (w) => {
      for (let i = 0; i < steps; i++) w.clients[c]!.t.serverStep();
    }),
  ),
  fc.record({ c: who, i: fc.nat({ max: 3 }) }).map(({ c, i }) =>
    command(`deliver(u${c}, ${i})`, (w) => {
      const t = w.clients[c]!.t;
      if (t.toClient.length === 0) return;
      if (i % t.toClient.length > 0) w.stats.reordered++;
      t.deliverAt(i % t.toClient.length);
    }),
  ),
  fc.record({ c: who, i: fc.nat({ max: 3 }) }).map(({ c, i }) =>
    command(`ackNeverComes(u${c}, ${i})`, (w) => {
      const t = w.clients[c]!.t;
      if (t.toClient[i % Math.max(1, t.toClient.length)]?.kind === 'ack') w.stats.acksLost++;
      if (t.toClient.length > 0) t.timeOutAt(i % t.toClient.length);
    }),
  ),
  who.map((c) => command(`offline(u${c})`, (w) => w.clients[c]!.t.setOnline(false))),
  who.map((c) =>
    command(`online(u${c})`, (w) => {
      if (!w.clients[c]!.t.connected) w.clients[c]!.t.setOnline(true);
    }),
  ),
  fc
    .record({ c: who, framesLeft: fc.boolean() })
    .map(({ c, framesLeft }) => command(`reload(u${c}, ${framesLeft})`, (w) => w.reload(w.clients[c]!, framesLeft))),
  fc.integer({ min: 10, max: 20_000 }).map((ms) =>
    command(`tick(${ms})`, () => {
      vi.advanceTimersByTime(ms);
    }),
  ),
  fc
    .record({ c: who, choice: fc.constantFrom('mine', 'theirs', 'combined') })
    .map(({ c, choice }) => command(`settleClash(u${c}, ${choice})`, (w) => resolveOne(w, w.clients[c]!, choice))),
  fc.record({ c: who, revoke: fc.boolean() }).map(({ c, revoke }) =>
    command(`${revoke ? 'revoke' : 'grant'}(u${c})`, (w) => {
      w.hub.setRoles(`u${c}`, revoke ? {} : { ru: 'translator', zh: 'translator', en: 'translator' });
    }),
  ),
  who.map((c) =>
    command(`retry(u${c})`, (w) => {
      const s = w.clients[c]!.sync;
      for (const e of [...s.docEntries()]) if (e.state === 'failed' && e.kind === undefined) s.retryNow(e.paragraphId, e.lang);
    }),
  ),
  fc.record({ cell: where, pos: at, stale: fc.boolean() }).map(({ cell, pos, stale }) =>
    command(`peer(${cell}, ${pos}, ${stale})`, (w) => {
      // Someone else, straight to the server (their own client is not under test here).
      const { paragraphId, lang } = CELLS[cell]!;
      const now = w.hub.doc.paragraphs.find((p) => p.id === paragraphId)!.cells[lang]!;
      const base = stale && now.rev > 0 ? now.rev - 1 : now.rev;
      const baseText = w.hub.history(paragraphId, lang).findLast((r) => r.rev === base && r.kind !== 'conflict')?.text ?? '';
      const i = Math.min(pos, baseText.length);
      const opId = `peer${w.freshChar().codePointAt(0)!}`;
      w.hub.edit('u9', {
        docId: 'd1',
        paragraphId,
        lang,
        opId,
        baseRev: base,
        text: baseText.slice(0, i) + w.freshChar() + baseText.slice(i),
      });
    }),
  ),
];

/** Typing and the network moving are what happens most; the rest now and then. */
const weights = [6, 2, 2, 3, 1, 1, 3, 4, 1, 1, 1, 1, 1, 1, 1, 1, 2];
const commands = actions.flatMap((a, i) => Array<typeof a>(weights[i] ?? 1).fill(a));

function resolveOne(w: ModelWorld, c: Client, choice: 'mine' | 'theirs' | 'combined'): void {
  const e = [...c.sync.docEntries()].find((x) => x.state === 'conflict');
  if (!e) return;
  if (choice === 'theirs') w.stats.keptTheirs++;
  if (choice === 'theirs') c.sync.keepTheirs(e.paragraphId, e.lang);
  else if (choice === 'mine') c.sync.resolveConflict(e.paragraphId, e.lang, e.text);
  else c.sync.resolveConflict(e.paragraphId, e.lang, bothVersions(compareVersions(e.theirs ?? '', e.text, e.lang), e.lang));
}

/** The network comes back, compositions end, roles return, and every clash is settled; until nothing moves. */
async function quiesce(w: ModelWorld): Promise<void> {
  for (const c of w.clients) w.hub.setRoles(c.userId, { ru: 'translator', zh: 'translator', en: 'translator' });
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (const [i, c] of w.clients.entries()) {
      if (c.composing) {
        const k = c.composing;
        const text = c.sync.textOf(k.paragraphId, k.lang);
        const ch = w.freshChar();
        const committed = text.slice(0, k.at) + ch + text.slice(k.at + k.letters.length);
        c.composing = null;
        w.typedBy(c, k.paragraphId, k.lang, [ch]);
        c.sync.setLocalText(k.paragraphId, k.lang, committed);
        c.sync.compositionEnd(k.paragraphId, k.lang, committed);
      }
      if (!c.t.connected) c.t.setOnline(true);
      while (c.t.serverStep()) moved = true;
      await settle();
      while (c.t.toClient.length > 0) {
        c.t.deliverAt(0);
        moved = true;
        await settle();
      }
      for (const e of [...c.sync.docEntries()]) {
        if (e.state === 'failed') {
          if (e.kind === undefined) c.sync.retryNow(e.paragraphId, e.lang);
          else c.sync.discardEntry(e); // not reached: keep entries never fail for good here
          moved = true;
        }
      }
      if ([...c.sync.docEntries()].some((e) => e.state === 'conflict')) {
        resolveOne(w, c, (['mine', 'theirs', 'combined'] as const)[(round + i) % 3]!);
        moved = true;
      }
      await settle();
    }
    vi.advanceTimersByTime(60_000);
    await settle();
    const idle = w.clients.every((c) => c.t.toServer.length === 0 && c.t.toClient.length === 0 && c.sync.waitingCount === 0);
    if (idle && !moved) return;
  }
  throw new Error('the clients did not settle');
}

const seen = {
  runs: 0,
  typed: 0,
  edits: 0,
  merges: 0,
  conflicts: 0,
  reloadsWithOutbox: 0,
  refusals: 0,
  keptTheirs: 0,
  compositions: 0,
  acksLost: 0,
  reordered: 0,
};

describe('DocSync against the server logic, model-based', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loses nothing anyone types, whatever the network, the filters, reloads, roles and clashes do; then all agree', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 80, size: 'max' }), async (cmds) => {
        localStorage.clear();
        const w = new ModelWorld(3);
        try {
          await w.joinAll();
          await fc.asyncModelRun(() => ({ model: {}, real: w }), cmds);
          await quiesce(w);
          w.checkNothingLost();
          for (const c of w.clients) expect(w.stored(c.userId)).toEqual([]);
          seen.runs++;
          for (const [k, n] of Object.entries(w.stats)) seen[k as keyof typeof w.stats] += n;
          for (const ev of w.hub.log) {
            if (ev.type === 'cell.edited') seen[ev.kind === 'merge' ? 'merges' : 'edits']++;
            if (ev.type === 'cell.conflicted') seen.conflicts++;
          }
          seen.typed += w.clients.reduce((n, c) => n + [...c.typed.values()].reduce((k, set) => k + set.size, 0), 0);
          for (const { paragraphId, lang } of CELLS) {
            const server = w.hub.doc.paragraphs.find((p) => p.id === paragraphId)!.cells[lang]!.text;
            for (const c of w.clients) expect(c.sync.textOf(paragraphId, lang)).toBe(server);
          }
        } finally {
          for (const c of w.clients) c.sync.stop();
        }
      }),
      { numRuns: 150 },
    );
    // The runs did what they are for: people typed, edits were merged, clashes happened and were settled
    // every way, reloads found text waiting, acks went missing or came out of order, roles were taken away.
    console.log(`model runs: ${JSON.stringify(seen)}`);
    expect(seen.edits).toBeGreaterThan(seen.runs);
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
    // 150 model runs take ~5 s on an idle 2-core machine and several times that under load; the limit
    // only guards against a hang, it is not a speed goal (those live in `npm run bench`).
  }, 180_000);
});
