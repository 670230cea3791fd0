import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocEvent, DocumentSnapshot, DocumentSummary, Lang, PretranslateResult, TmMatch } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

describe('translation memory over a real server', () => {
  let server: TestServer;
  let cookie: string;
  const open: LiveDoc[] = [];

  beforeEach(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    // A translator in every language (a server without per-language roles strips the field).
    const roles = { en: 'translator', zh: 'translator', ru: 'translator', kk: 'translator', uz: 'translator' };
    await data(server.url, 'POST', '/api/users', { cookie, json: { username: 'writer', password: 'writer-password', roles } });
  });
  afterEach(async () => {
    for (const d of open.splice(0)) d.socket.close();
    await server.stop();
  });

  const createDoc = async (title: string, paragraphs: string[], targetLangs: Lang[] = ['ru', 'kk']): Promise<LiveDoc> => {
    const { document } = await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
      cookie,
      json: { title, sourceLang: 'en', targetLangs, paragraphs },
    });
    const live = await joinDoc(await connect(server.url, cookie), document.id);
    open.push(live);
    // One admin plays translator and reviewer here: let them approve their own revisions.
    const settings = await call(live.socket, 'doc:settings', { docId: document.id, opId: opId(), allowSelfApproval: true });
    if (!settings.ok) throw new Error(settings.error.code);
    return live;
  };

  /** Types a translation and approves it, like a translator and a reviewer would. */
  const approve = async (live: LiveDoc, index: number, lang: Lang, text: string): Promise<void> => {
    const p = live.doc.paragraphs[index]!;
    const base = p.cells[lang]?.rev ?? 0;
    const edit = await call(live.socket, 'cell:edit', { docId: live.doc.id, paragraphId: p.id, lang, opId: opId(), baseRev: base, text });
    if (!edit.ok) throw new Error(edit.error.code);
    const sub = await call(live.socket, 'cell:status', {
      docId: live.doc.id,
      paragraphId: p.id,
      lang,
      opId: opId(),
      rev: edit.data.rev,
      status: 'in_review',
    });
    if (!sub.ok) throw new Error(sub.error.code);
    const st = await call(live.socket, 'cell:status', {
      docId: live.doc.id,
      paragraphId: p.id,
      lang,
      opId: opId(),
      rev: edit.data.rev,
      status: 'approved',
    });
    if (!st.ok) throw new Error(st.error.code);
    await live.reach(st.data.seq);
  };

  const lookup = (live: LiveDoc, index: number, lang: Lang): Promise<{ matches: TmMatch[] }> =>
    data<{ matches: TmMatch[] }>(server.url, 'POST', '/api/tm/lookup', {
      cookie,
      json: { docId: live.doc.id, paragraphId: live.doc.paragraphs[index]!.id, lang },
    });

  it('offers an approved cell of one document as a fuzzy match in another, with its score and differences', async () => {
    const a = await createDoc('Summit A', ['The second summit was held in Astana on 3 July.', 'Leaders signed a trade agreement.']);
    expect((await lookup(a, 0, 'ru')).matches).toEqual([]);
    await approve(a, 0, 'ru', 'Второй саммит прошёл в Астане 3 июля.');

    const b = await createDoc('Summit B', ['The third summit was held in Astana on 3 July.']);
    const { matches } = await lookup(b, 0, 'ru');
    expect(matches).toHaveLength(1);
    const m = matches[0]!;
    expect(m).toMatchObject({
      via: 'source',
      matchLang: 'en',
      targetLang: 'ru',
      targetText: 'Второй саммит прошёл в Астане 3 июля.',
      origin: 'document',
      docTitle: 'Summit A',
    });
    expect(m.score).toBeGreaterThanOrEqual(85);
    expect(m.score).toBeLessThan(100);
    expect(m.diff).toEqual(
      expect.arrayContaining([
        { op: 'delete', text: 'third' },
        { op: 'insert', text: 'second' },
      ]),
    );
    // Unapproved text is not memory: the kk column has nothing yet.
    expect((await lookup(b, 0, 'kk')).matches).toEqual([]);
  });

  it('matches pivot on another approved translation of the row (Kazakh from approved Russian)', async () => {
    const a = await createDoc('Pivot A', ['Alpha text nobody repeats.']);
    await approve(a, 0, 'ru', 'Президент подписал указ о бюджете.');
    await approve(a, 0, 'kk', 'Президент бюджет туралы жарлыққа қол қойды.');

    const b = await createDoc('Pivot B', ['An entirely different English wording here.']);
    expect((await lookup(b, 0, 'kk')).matches).toEqual([]);
    await approve(b, 0, 'ru', 'Президент подписал указ о бюджете.');
    const { matches } = await lookup(b, 0, 'kk');
    expect(matches[0]).toMatchObject({
      via: 'pivot',
      matchLang: 'ru',
      score: 100,
      targetText: 'Президент бюджет туралы жарлыққа қол қойды.',
    });
  });

  it('keeps the memory current: an edit after approval still serves the approved text, a deleted document leaves it', async () => {
    const a = await createDoc('Live A', ['Water prices rose by ten percent.']);
    await approve(a, 0, 'ru', 'Цены на воду выросли на десять процентов.');
    const b = await createDoc('Live B', ['Water prices rose by ten percent.']);
    expect((await lookup(b, 0, 'ru')).matches[0]?.score).toBe(100);

    const stats = await data<{ entries: number; fromDocuments: number }>(server.url, 'GET', '/api/tm/stats', { cookie });
    expect(stats.entries).toBeGreaterThanOrEqual(1);
    await data(server.url, 'DELETE', `/api/documents/${a.doc.id}`, { cookie });
    expect((await lookup(b, 0, 'ru')).matches).toEqual([]);
  });

  it('rebuilds the memory from the documents after a restart', async () => {
    const a = await createDoc('Restart A', ['Rivers froze early this winter.']);
    await approve(a, 0, 'kk', 'Өзендер биыл ерте қатты.');
    const b = await createDoc('Restart B', ['Rivers froze early this winter.']);
    for (const d of open.splice(0)) d.socket.close();
    const dataDir = server.dataDir;
    await server.stop({ remove: false });
    server = await startServer({ dataDir });
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const r = await data<{ matches: TmMatch[] }>(server.url, 'POST', '/api/tm/lookup', {
      cookie,
      json: { docId: b.doc.id, paragraphId: b.doc.paragraphs[0]!.id, lang: 'kk' },
    });
    expect(r.matches[0]).toMatchObject({ score: 100, targetText: 'Өзендер биыл ерте қатты.' });
  });

  it('pre-translates only empty cells from 100% matches, as journaled drafts every client receives', async () => {
    const a = await createDoc('Memory', ['Good morning.', 'The meeting is closed.', 'See you tomorrow.']);
    await approve(a, 0, 'ru', 'Доброе утро.');
    await approve(a, 1, 'ru', 'Заседание закрыто.');
    await approve(a, 1, 'kk', 'Отырыс жабық.');

    const b = await createDoc('To fill', ['Good morning.', 'The meeting is closed.', 'the meeting is closed.', 'Something new.']);
    const watcher = await joinDoc(await connect(server.url, cookie), b.doc.id);
    open.push(watcher);
    // A translator already wrote the Kazakh of row 2: pre-translation must not touch it.
    const mine = await call(b.socket, 'cell:edit', {
      docId: b.doc.id,
      paragraphId: b.doc.paragraphs[1]!.id,
      lang: 'kk',
      opId: opId(),
      baseRev: 0,
      text: 'Менің аудармам.',
    });
    if (!mine.ok) throw new Error(mine.error.code);
    await watcher.reach(mine.data.seq);
    const events: DocEvent[] = [];
    watcher.socket.on('doc:event', (ev) => events.push(ev));

    const result = await data<PretranslateResult>(server.url, 'POST', `/api/documents/${b.doc.id}/pretranslate`, { cookie, json: {} });
    const ids = b.doc.paragraphs.map((p) => p.id);
    expect(result.filled).toEqual([
      { paragraphId: ids[0], lang: 'ru' },
      { paragraphId: ids[1], lang: 'ru' },
    ]);
    await watcher.reach(result.seq);
    const doc = (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${b.doc.id}`, { cookie })).document;
    expect(doc.paragraphs[0]!.cells.ru).toMatchObject({ text: 'Доброе утро.', status: 'draft' });
    expect(doc.paragraphs[1]!.cells.kk).toMatchObject({ text: 'Менің аудармам.' });
    // Lower case is a 99% match, not a 100%: left empty.
    expect(doc.paragraphs[2]!.cells.ru?.text ?? '').toBe('');
    expect(watcher.doc).toEqual(doc);
    expect(events.filter((e) => e.type === 'cell.edited').map((e) => (e.type === 'cell.edited' ? e.kind : null))).toEqual([
      'pretranslate',
      'pretranslate',
    ]);
    const history = await data<{ revisions: { kind: string }[] }>(
      server.url,
      'GET',
      `/api/documents/${b.doc.id}/cells/${ids[0]}/ru/history`,
      { cookie },
    );
    expect(history.revisions.map((r) => r.kind)).toEqual(['pretranslate']);

    const again = await data<PretranslateResult>(server.url, 'POST', `/api/documents/${b.doc.id}/pretranslate`, {
      cookie,
      json: { langs: ['ru'] },
    });
    expect(again).toEqual({ seq: result.seq, filled: [] });
  });

  it('imports TMX (Uzbek Cyrillic transliterated, unknown languages skipped) and finds phrases by concordance', async () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="paragraph" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en-US"><seg>The water reservoir is full.</seg></tuv><tuv xml:lang="uz-Cyrl"><seg>Сув омбори тўла.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Only English.</seg></tuv><tuv xml:lang="de"><seg>Nur Deutsch.</seg></tuv></tu>
</body></tmx>`;
    const imported = await data<{ added: number; skipped: number }>(server.url, 'POST', '/api/tm/import', {
      cookie,
      json: { content: tmx, name: 'water.tmx' },
    });
    expect(imported).toEqual({ added: 1, skipped: 1, duplicates: 0 });
    // The same file again, as an upload this time: everything is already held, nothing is added twice.
    const again = await fetch(`${server.url}/api/tm/import?name=water.tmx`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      body: tmx,
    });
    expect(await again.json()).toEqual({ ok: true, data: { added: 0, skipped: 1, duplicates: 1 } });

    const hits = await data<{
      hits: { lang: Lang; texts: Partial<Record<Lang, string>>; ranges: { start: number; end: number }[]; origin: string }[];
    }>(server.url, 'POST', '/api/tm/search', { cookie, json: { q: 'RESERVOIR' } });
    expect(hits.hits).toHaveLength(1);
    expect(hits.hits[0]).toMatchObject({
      lang: 'en',
      origin: 'tmx',
      texts: { en: 'The water reservoir is full.', uz: 'Suv ombori toʻla.' },
    });
    expect(hits.hits[0]!.ranges).toEqual([{ start: 10, end: 19 }]);
    const uz = await data<{ hits: unknown[] }>(server.url, 'POST', '/api/tm/search', { cookie, json: { q: "to'la", lang: 'uz' } });
    expect(uz.hits).toHaveLength(1);

    const d = await createDoc('Water', ['The water reservoir is full!'], ['uz']);
    const { matches } = await lookup(d, 0, 'uz');
    expect(matches[0]).toMatchObject({ origin: 'tmx', targetText: 'Suv ombori toʻla.' });

    // tm.json is durable: the entry is still there after a restart.
    for (const live of open.splice(0)) live.socket.close();
    const dataDir = server.dataDir;
    await server.stop({ remove: false });
    server = await startServer({ dataDir });
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    expect(await data(server.url, 'GET', '/api/tm/stats', { cookie })).toMatchObject({ fromTmx: 1 });
    expect((await data<{ hits: unknown[] }>(server.url, 'POST', '/api/tm/search', { cookie, json: { q: 'reservoir' } })).hits).toHaveLength(
      1,
    );
  });

  it('answers bad input with coded errors and changes nothing', async () => {
    const a = await createDoc('Bad', ['Text.']);
    const before = await data<{ entries: number }>(server.url, 'GET', '/api/tm/stats', { cookie });
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/tm/lookup', { docId: a.doc.id, lang: 'ru' }, 'bad_request'],
      ['POST', '/api/tm/lookup', { docId: 'nope', paragraphId: 'p', lang: 'ru' }, 'document_not_found'],
      ['POST', '/api/tm/lookup', { docId: a.doc.id, paragraphId: 'nope', lang: 'ru' }, 'paragraph_not_found'],
      ['POST', '/api/tm/lookup', { docId: a.doc.id, paragraphId: a.doc.paragraphs[0]!.id, lang: 'zh' }, 'language_not_in_document'],
      ['POST', '/api/tm/search', { q: '   ' }, 'bad_request'],
      ['POST', '/api/tm/search', { q: 'x'.repeat(201) }, 'bad_request'],
      ['POST', '/api/tm/lookup', { docId: a.doc.id, paragraphId: a.doc.paragraphs[0]!.id, lang: 'ru', limit: 11 }, 'bad_request'],
      ['POST', '/api/tm/import', { content: '' }, 'bad_request'],
      ['POST', '/api/tm/import', { content: '<tmx version="2.0"/>' }, 'bad_request'],
      ['POST', '/api/tm/import', { content: '<!DOCTYPE x [<!ENTITY a "b">]><tmx/>' }, 'bad_request'],
      ['POST', `/api/documents/${a.doc.id}/pretranslate`, { langs: ['xx'] }, 'bad_request'],
      ['POST', '/api/documents/nope/pretranslate', {}, 'document_not_found'],
    ];
    for (const [method, path, json, code] of cases) {
      const r = await request(server.url, method, path, { cookie, json });
      expect({ path, json, body: r.body }).toMatchObject({ body: { ok: false, error: { code } } });
    }
    expect((await request(server.url, 'POST', '/api/tm/search', { json: { q: 'x' } })).body).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await data(server.url, 'GET', '/api/tm/stats', { cookie })).toEqual(before);
    expect((await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${a.doc.id}`, { cookie })).document.seq).toBe(
      a.doc.seq,
    );
  });
});
