import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentChecksDto, GlossaryTermDto, TmMatch } from '../../../shared/index.js';
import { data, login } from '../helpers/http.js';
import { NODE_ADMIN_PASSWORD, startCluster, ACROSS_NODES } from '../helpers/processes.js';
import type { Cluster } from '../helpers/processes.js';
import { createDoc, createUser, open } from '../helpers/review.js';
import { call, opId } from '../helpers/sockets.js';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="paragraph" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>The water reservoir is full.</seg></tuv><tuv xml:lang="uz"><seg>Suv ombori toʻla.</seg></tuv></tu></body></tmx>`;

/**
 * Two real `anor serve` processes on one database: the glossary, the imported
 * memory, concordance, the checks and the memory of approved rows answer the
 * same on either node, soon after a change made through the other.
 */
describe('translation aids across two nodes', () => {
  let cluster: Cluster;
  let a: string;
  let b: string;
  let onA: string;
  let onB: string;

  beforeAll(async () => {
    cluster = await startCluster(2);
    [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    onA = await login(a, 'admin', NODE_ADMIN_PASSWORD);
    onB = await login(b, 'admin', NODE_ADMIN_PASSWORD);
  }, 120_000);
  afterAll(() => cluster.close(), 60_000);

  const terms = (url: string, cookie: string) =>
    data<{ terms: GlossaryTermDto[] }>(url, 'GET', '/api/glossary', { cookie }).then((r) => r.terms.map((t) => t.en));

  it('a glossary term added on A is listed and checked on B, and one removed on B is gone on A', async () => {
    const term = await data<{ term: GlossaryTermDto }>(a, 'POST', '/api/glossary', {
      cookie: onA,
      json: { en: 'Shanghai Cooperation Organization', ru: 'Шанхайская организация сотрудничества' },
    });
    await expect.poll(() => terms(b, onB), ACROSS_NODES).toEqual(['Shanghai Cooperation Organization']);

    // The checks on node B use it: a Russian text without the required rendering is flagged.
    const docId = await createDoc(b, onB, ['The Shanghai Cooperation Organization met.'], ['ru']);
    const live = await open(b, onB, docId);
    const edit = await call(live.socket, 'cell:edit', {
      docId,
      paragraphId: live.doc.paragraphs[0]!.id,
      lang: 'ru',
      opId: opId(),
      baseRev: 0,
      text: 'Организация собралась.',
    });
    live.socket.close();
    expect(edit).toMatchObject({ ok: true });
    const checks = await data<DocumentChecksDto>(b, 'GET', `/api/documents/${docId}/checks`, { cookie: onB });
    expect(checks.cells.flatMap((c) => c.findings.map((f) => f.check))).toContain('glossary_missing');

    await data(b, 'DELETE', `/api/glossary/${term.term.id}`, { cookie: onB });
    await expect.poll(() => terms(a, onA), ACROSS_NODES).toEqual([]);
  });

  it('memory imported on A is found by concordance and lookup on B', async () => {
    const imported = await data(a, 'POST', '/api/tm/import', { cookie: onA, json: { content: TMX, name: 'water.tmx' } });
    expect(imported).toMatchObject({ added: 1 });
    const search = () =>
      data<{ hits: { texts: Record<string, string> }[] }>(b, 'POST', '/api/tm/search', { cookie: onB, json: { q: 'reservoir' } });
    await expect.poll(async () => (await search()).hits.map((h) => h.texts.uz), ACROSS_NODES).toEqual(['Suv ombori toʻla.']);
    const docId = await createDoc(b, onB, ['The water reservoir is full!'], ['uz']);
    const live = await open(b, onB, docId);
    live.socket.close();
    const { matches } = await data<{ matches: TmMatch[] }>(b, 'POST', '/api/tm/lookup', {
      cookie: onB,
      json: { docId, paragraphId: live.doc.paragraphs[0]!.id, lang: 'uz' },
    });
    expect(matches[0]).toMatchObject({ origin: 'tmx', targetText: 'Suv ombori toʻla.' });
  });

  it('a row approved on A is offered as a match on B', async () => {
    const first = await createDoc(a, onA, ['Leaders signed a trade agreement.'], ['ru']);
    const liveA = await open(a, onA, first);
    const pid = liveA.doc.paragraphs[0]!.id;
    const edit = await call(liveA.socket, 'cell:edit', {
      docId: first,
      paragraphId: pid,
      lang: 'ru',
      opId: opId(),
      baseRev: 0,
      text: 'Лидеры подписали торговое соглашение.',
    });
    expect(edit).toMatchObject({ ok: true });
    const submitted = await call(liveA.socket, 'cell:status', {
      docId: first,
      paragraphId: pid,
      lang: 'ru',
      opId: opId(),
      rev: 1,
      status: 'in_review',
    });
    expect(submitted).toMatchObject({ ok: true });
    liveA.socket.close();
    // Someone else approves (nobody approves their own text).
    const reviewer = await open(a, await createUser(a, onA, 'rita', { roles: { ru: 'reviewer' } }), first);
    const approved = await call(reviewer.socket, 'cell:status', {
      docId: first,
      paragraphId: pid,
      lang: 'ru',
      opId: opId(),
      rev: 1,
      status: 'approved',
    });
    expect(approved).toMatchObject({ ok: true });
    reviewer.socket.close();

    const second = await createDoc(b, onB, ['Leaders signed a trade agreement today.'], ['ru']);
    const liveB = await open(b, onB, second);
    liveB.socket.close();
    const lookup = () =>
      data<{ matches: TmMatch[] }>(b, 'POST', '/api/tm/lookup', {
        cookie: onB,
        json: { docId: second, paragraphId: liveB.doc.paragraphs[0]!.id, lang: 'ru' },
      });
    await expect
      .poll(async () => (await lookup()).matches.map((m) => m.targetText), ACROSS_NODES)
      .toEqual(['Лидеры подписали торговое соглашение.']);
  });
});
