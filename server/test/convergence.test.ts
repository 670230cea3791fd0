import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphemes } from '../../shared/index.js';
import type { CellEditAck, CellHistoryDto, DocumentSnapshot, Lang } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import type { LiveDoc, TestSocket } from './helpers/sockets.js';

/**
 * Convergence under random concurrent edits. Every client types into random
 * cells (several clients into the same cell), each edit made on the text and
 * revision the client last saw. Edits insert a unique token at a random place
 * outside other tokens, or delete one filler character, so "nothing
 * acknowledged was dropped" is checkable: every applied or merged token must
 * be in the final text (nobody ever deletes a token), every conflicting text
 * must be in history.
 */
const LANGS: Lang[] = ['en', 'zh', 'ru'];
const FILLER: Record<string, string> = { en: 'abcdefgh', zh: '一二三四五六七八', ru: 'абвгдежз' };
const WORDS = ['mir', '和平', 'мир', 'бейбіт', 'tinchlik', 'é', '👍🏽'];

interface EditPlan {
  cell: number;
  /** Where to insert, as a fraction of the safe positions; or a filler character to delete. */
  at: number;
  del: boolean;
  word: number;
}

const plan = fc.record({
  cell: fc.nat(5),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.boolean(),
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
  if (p.del) {
    const filler = [...FILLER[lang]!];
    const victims = chars.map((c, i) => (free[i] && filler.includes(c) ? i : -1)).filter((i) => i >= 0);
    if (victims.length > 0) {
      chars.splice(victims[Math.floor(p.at * (victims.length - 1))]!, 1);
      return chars.join('');
    }
  }
  const safe = free.map((ok, i) => (ok ? i : -1)).filter((i) => i >= 0);
  chars.splice(safe[Math.floor(p.at * (safe.length - 1))]!, 0, token);
  return chars.join('');
}

interface Sent {
  token: string;
  text: string;
  paragraphId: string;
  lang: Lang;
  ack: CellEditAck;
}

describe('random concurrent edits converge', () => {
  let server: TestServer;
  let cookie: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    for (let i = 0; i < 10; i++) sockets.push(await connect(server.url, cookie));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server.stop();
  });

  async function run(clients: number, plans: EditPlan[][]): Promise<void> {
    const created = await data<{ document: { id: string } }>(server.url, 'POST', '/api/documents', {
      cookie,
      json: { title: 'fc', sourceLang: 'en', targetLangs: ['zh', 'ru'], paragraphs: [FILLER.en, FILLER.en] },
    });
    const docId = created.document.id;
    const live: LiveDoc[] = [];
    for (const s of sockets.slice(0, clients)) live.push(await joinDoc(s, docId));
    // Targets start with filler too, so that deletions have something to bite in every language.
    const seedDoc = live[0]!.doc;
    for (const p of seedDoc.paragraphs) {
      for (const lang of ['zh', 'ru'] as const) {
        const r = await call(live[0]!.socket, 'cell:edit', {
          docId,
          paragraphId: p.id,
          lang,
          opId: opId(),
          baseRev: 0,
          text: FILLER[lang]!,
        });
        if (!r.ok) throw new Error(r.error.code);
      }
    }
    const sent: Sent[] = [];
    await Promise.all(
      live.map(async (me, c) => {
        for (const [n, p] of plans[c]!.entries()) {
          const paragraph = me.doc.paragraphs[p.cell % 2]!;
          const lang = LANGS[Math.floor(p.cell / 2)]!;
          const cell = paragraph.cells[lang]!;
          const token = `«${c}.${n}${WORDS[p.word]}»`;
          const text = applyPlan(cell.text, p, token, lang);
          const r = await call(me.socket, 'cell:edit', { docId, paragraphId: paragraph.id, lang, opId: opId(), baseRev: cell.rev, text });
          if (!r.ok) throw new Error(`edit refused: ${r.error.code} ${r.error.message}`);
          if (text.includes(token)) sent.push({ token, text, paragraphId: paragraph.id, lang, ack: r.data });
        }
      }),
    );

    const { document } = await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });
    for (const me of live) {
      await me.reach(document.seq);
      expect(me.doc).toEqual(document);
    }
    for (const s of sent) {
      const finalText = document.paragraphs.find((p) => p.id === s.paragraphId)!.cells[s.lang]!.text;
      if (s.ack.outcome === 'applied' || s.ack.outcome === 'merged') {
        expect(s.ack.text).toContain(s.token);
        expect(finalText).toContain(s.token);
      } else {
        expect(s.ack.outcome).toBe('conflict');
        expect(s.ack.yours).toBe(s.text);
        const h = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${s.paragraphId}/${s.lang}/history`, {
          cookie,
        });
        expect(h.revisions).toContainEqual(expect.objectContaining({ kind: 'conflict', text: s.text }));
      }
    }
  }

  it('with two clients', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(plan, { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 2 }), (plans) => run(2, plans)),
      { numRuns: 8 },
    );
  });

  it('with ten clients', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(plan, { minLength: 1, maxLength: 4 }), { minLength: 10, maxLength: 10 }), (plans) =>
        run(10, plans),
      ),
      { numRuns: 5 },
    );
  });
});
