import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellEditAck, Lang, PresenceEntry } from '../../../shared/index.js';
import { login } from '../helpers/http.js';
import { NODE_ADMIN_PASSWORD, startCluster, ACROSS_NODES } from '../helpers/processes.js';
import type { Cluster } from '../helpers/processes.js';
import { createDoc, createUser, open } from '../helpers/review.js';
import { call, connect, joinDoc, opId } from '../helpers/sockets.js';
import type { LiveDoc, TestSocket } from '../helpers/sockets.js';

/**
 * Three real `anor serve` processes on one database, real clients spread
 * over them, all in the same document: what one node accepts reaches the
 * others' clients, in one order, and nobody's acknowledged text is lost.
 */
describe('one document served by three nodes', () => {
  let cluster: Cluster;
  let urls: string[];
  let admin: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
    urls = cluster.nodes.map((n) => n.url);
    admin = await login(urls[0]!, 'admin', NODE_ADMIN_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster.close();
  }, 60_000);

  const joinOn = async (url: string, cookie: string, docId: string): Promise<LiveDoc> => {
    const socket = await connect(url, cookie);
    sockets.push(socket);
    return joinDoc(socket, docId);
  };
  const cellOf = (live: LiveDoc, lang: Lang) => live.doc.paragraphs[0]!.cells[lang]!;

  it('clients on three nodes edit the same cells at once and converge, with every acknowledged edit kept', async () => {
    const langs: Lang[] = ['kk', 'ru'];
    // Each client types after its own marker, so concurrent edits touch different spans and merge.
    const docId = await createDoc(urls[0]!, admin, ['Shared cell.'], langs);
    const seed = await joinOn(urls[0]!, admin, docId);
    const pid = seed.doc.paragraphs[0]!.id;
    for (const lang of langs) {
      const r = await call(seed.socket, 'cell:edit', { docId, paragraphId: pid, lang, opId: opId(), baseRev: 0, text: '[0] [1] [2]' });
      expect(r).toMatchObject({ ok: true, data: { outcome: 'applied' } });
    }
    const cookies = await Promise.all(urls.map((u) => login(u, 'admin', NODE_ADMIN_PASSWORD)));
    const clients = await Promise.all(urls.map((u, i) => joinOn(u, cookies[i]!, docId)));
    const kept: string[] = [];
    const ROUNDS = 6;

    await Promise.all(
      clients.flatMap((live, i) =>
        langs.map(async (lang) => {
          for (let round = 0; round < ROUNDS; round++) {
            const token = `«n${i}${lang}${round}»`;
            const { text, rev } = cellOf(live, lang);
            const marker = `[${i}]`;
            const at = text.indexOf(marker) + marker.length;
            const next = text.slice(0, at) + token + text.slice(at);
            const r = await call(live.socket, 'cell:edit', { docId, paragraphId: pid, lang, opId: opId(), baseRev: rev, text: next });
            if (!r.ok) throw new Error(`edit refused: ${r.error.code}`);
            const ack: CellEditAck = r.data;
            if (ack.outcome === 'applied' || ack.outcome === 'merged') kept.push(token);
            // Type the next one on what this client has seen, its own edit included.
            await live.reach(ack.seq);
          }
        }),
      ),
    );

    const last = Math.max(...clients.map((c) => c.doc.seq));
    for (const c of clients) await c.reach(last);
    // Everyone, on every node, holds the same document, and a fresh join on each node agrees.
    const fresh = await Promise.all(urls.map((u, i) => joinOn(u, cookies[i]!, docId)));
    for (const c of [...clients, ...fresh]) expect(c.doc).toEqual(clients[0]!.doc);
    const finalText = langs.map((l) => cellOf(clients[0]!, l).text).join('\n');
    expect(kept.length).toBeGreaterThan(0);
    for (const token of kept) expect(finalText).toContain(token);
  });

  it('a reviewer on node B approves what a translator on node A wrote, and both see it', async () => {
    const [a, b] = urls as [string, string];
    const docId = await createDoc(a, admin, ['Good morning.'], ['kk']);
    const translator = await createUser(a, admin, 'aigerim', { roles: { kk: 'translator' } });
    const reviewerUser = await createUser(b, admin, 'bolat', { roles: { kk: 'reviewer' } });
    const onA = await open(a, translator, docId);
    sockets.push(onA.socket);
    const onB = await open(b, reviewerUser, docId);
    sockets.push(onB.socket);
    const pid = onA.doc.paragraphs[0]!.id;

    const edit = await call(onA.socket, 'cell:edit', {
      docId,
      paragraphId: pid,
      lang: 'kk',
      opId: opId(),
      baseRev: 0,
      text: 'Қайырлы таң.',
    });
    expect(edit).toMatchObject({ ok: true, data: { outcome: 'applied', rev: 1 } });
    const submit = await call(onA.socket, 'cell:status', {
      docId,
      paragraphId: pid,
      lang: 'kk',
      opId: opId(),
      rev: 1,
      status: 'in_review',
    });
    expect(submit).toMatchObject({ ok: true });
    if (!submit.ok) return;
    await onB.reach(submit.data.seq);
    expect(cellOf(onB, 'kk')).toMatchObject({ text: 'Қайырлы таң.', status: 'in_review', rev: 1 });

    const approve = await call(onB.socket, 'cell:status', {
      docId,
      paragraphId: pid,
      lang: 'kk',
      opId: opId(),
      rev: 1,
      status: 'approved',
    });
    expect(approve).toMatchObject({ ok: true, data: { status: 'approved' } });
    if (!approve.ok) return;
    await onA.reach(approve.data.seq);
    expect(cellOf(onA, 'kk')).toMatchObject({ status: 'approved', approvedRev: 1, approvedText: 'Қайырлы таң.' });
  });

  it('presence shows the people of every node, and forgets one who leaves', async () => {
    const [a, b, c] = urls as [string, string, string];
    const docId = await createDoc(a, admin, ['Hello.'], ['ru']);
    const users = await Promise.all(
      (['anna', 'boris', 'chen'] as const).map((name, i) => createUser(urls[i]!, admin, name, { roles: { ru: 'translator' } })),
    );
    const seen: PresenceEntry[][] = [[], [], []];
    const lives: LiveDoc[] = [];
    for (const [i, url] of [a, b, c].entries()) {
      const socket = await connect(url, users[i]!.cookie);
      sockets.push(socket);
      socket.on('presence:state', (p) => {
        if (p.docId === docId) seen[i] = p.entries;
      });
      lives.push(await joinDoc(socket, docId));
    }
    const names = (entries: PresenceEntry[]) => entries.map((e) => e.displayName).sort();
    for (const i of [0, 1, 2]) await expect.poll(() => names(seen[i]!), ACROSS_NODES).toEqual(['anna', 'boris', 'chen']);

    // Where someone on node C is typing shows on node A.
    const pid = lives[2]!.doc.paragraphs[0]!.id;
    expect(await call(lives[2]!.socket, 'presence:update', { docId, paragraphId: pid, lang: 'ru', typing: true })).toMatchObject({
      ok: true,
    });
    await expect
      .poll(() => seen[0]!.find((e) => e.displayName === 'chen'), ACROSS_NODES)
      .toMatchObject({ paragraphId: pid, lang: 'ru', typing: true });

    lives[1]!.socket.close();
    for (const i of [0, 2]) await expect.poll(() => names(seen[i]!), ACROSS_NODES).toEqual(['anna', 'chen']);
  });
});
