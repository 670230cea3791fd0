import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentChecksDto, DocumentSummary, GlossaryTermDto } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';

const TERM = {
  en: 'Shanghai Cooperation Organization',
  ru: 'Шанхайская организация сотрудничества',
  kk: 'Шанхай ынтымақтастық ұйымы',
  note: 'Official name',
  forbidden: [{ lang: 'ru' as const, text: 'Шанхайская организация кооперации' }],
};

describe('glossary over a real server', () => {
  let server: TestServer;
  let admin: string;
  let translator: string;

  beforeEach(async () => {
    server = await startServer();
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    await data(server.url, 'POST', '/api/users', { cookie: admin, json: { username: 'aigerim', password: 'translator-pass' } });
    translator = await login(server.url, 'aigerim', 'translator-pass');
  });
  afterEach(async () => {
    await server.stop();
  });

  const list = async (cookie: string): Promise<GlossaryTermDto[]> =>
    (await data<{ terms: GlossaryTermDto[] }>(server.url, 'GET', '/api/glossary', { cookie })).terms;

  it('lets admins create, update and delete terms, and everyone signed in read them', async () => {
    const { term } = await data<{ term: GlossaryTermDto }>(server.url, 'POST', '/api/glossary', { cookie: admin, json: TERM });
    expect(term).toMatchObject({ ...TERM, updatedBy: expect.any(String) });
    expect(await list(translator)).toEqual([term]);

    const { term: changed } = await data<{ term: GlossaryTermDto }>(server.url, 'PUT', `/api/glossary/${term.id}`, {
      cookie: admin,
      json: { ...TERM, uz: 'Shanxay hamkorlik tashkiloti' },
    });
    expect(changed).toMatchObject({ id: term.id, uz: 'Shanxay hamkorlik tashkiloti' });
    expect(await request(server.url, 'POST', '/api/glossary', { cookie: translator, json: TERM })).toMatchObject({
      status: 403,
      body: { ok: false, error: { code: 'forbidden' } },
    });
    expect(await request(server.url, 'DELETE', `/api/glossary/${term.id}`, { cookie: translator })).toMatchObject({
      body: { error: { code: 'forbidden' } },
    });

    // Durable: a restart reads glossary.json back.
    const dataDir = server.dataDir;
    await server.stop({ remove: false });
    server = await startServer({ dataDir });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    expect(await list(admin)).toEqual([changed]);

    await data(server.url, 'DELETE', `/api/glossary/${term.id}`, { cookie: admin });
    expect(await list(admin)).toEqual([]);
    expect(await request(server.url, 'DELETE', `/api/glossary/${term.id}`, { cookie: admin })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });

  it('exports TBX and CSV that import back to the same glossary', async () => {
    await data(server.url, 'POST', '/api/glossary', { cookie: admin, json: TERM });
    await data(server.url, 'POST', '/api/glossary', {
      cookie: admin,
      json: { en: 'Kazakhstan', zh: '哈萨克斯坦', uz: 'Qozogʻiston', note: 'a "quoted", comma note\nover two lines' },
    });
    const before = (await list(admin)).map(({ id: _i, updatedAt: _a, updatedBy: _b, ...t }) => t);

    for (const format of ['tbx', 'csv'] as const) {
      const res = await fetch(`${server.url}/api/glossary/export/${format}`, { headers: { cookie: translator } });
      expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="glossary.${format}"`));
      const content = await res.text();
      if (format === 'tbx') expect(content).toContain('<conceptEntry');
      const r = await data<{ added: number; updated: number; total: number }>(server.url, 'POST', '/api/glossary/import', {
        cookie: admin,
        json: { format, content, mode: 'replace' },
      });
      expect(r).toEqual({ added: 2, updated: 0, total: 2 });
      expect((await list(admin)).map(({ id: _i, updatedAt: _a, updatedBy: _b, ...t }) => t)).toEqual(before);
    }
    // Merge updates a term with the same English rendering instead of duplicating it.
    const merged = await data<{ added: number; updated: number; total: number }>(server.url, 'POST', '/api/glossary/import', {
      cookie: admin,
      json: { format: 'csv', content: 'en,ru\nKazakhstan,Казахстан\nAstana,Астана\n' },
    });
    expect(merged).toEqual({ added: 1, updated: 1, total: 3 });
  });

  it('imports TBX 2 (martif, termEntry, langSet, tig) with forbidden variants', async () => {
    const martif = `<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
<termEntry><langSet xml:lang="en-GB"><tig><term>reservoir</term></tig></langSet>
<langSet xml:lang="ru"><tig><term>водохранилище</term></tig><tig><term>резервуар</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="zh-TW"><tig><term>水庫</term></tig></langSet></termEntry></body></text></martif>`;
    expect(await data(server.url, 'POST', '/api/glossary/import', { cookie: admin, json: { format: 'tbx', content: martif } })).toEqual({
      added: 1,
      updated: 0,
      total: 1,
    });
    expect(await list(admin)).toEqual([
      expect.objectContaining({ en: 'reservoir', ru: 'водохранилище', forbidden: [{ lang: 'ru', text: 'резервуар' }] }),
    ]);
  });

  it('passes the glossary to the document checks', async () => {
    await data(server.url, 'POST', '/api/glossary', { cookie: admin, json: TERM });
    const { document } = await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
      cookie: admin,
      json: { title: 'SCO', sourceLang: 'en', targetLangs: ['ru'], paragraphs: ['The Shanghai Cooperation Organization met.'] },
    });
    const live = await joinDoc(await connect(server.url, admin), document.id);
    const pid = live.doc.paragraphs[0]!.id;
    const edit = await call(live.socket, 'cell:edit', {
      docId: document.id,
      paragraphId: pid,
      lang: 'ru',
      opId: opId(),
      baseRev: 0,
      text: 'Шанхайская организация кооперации собралась.',
    });
    live.socket.close();
    if (!edit.ok) throw new Error(edit.error.code);
    const checks = await data<DocumentChecksDto>(server.url, 'GET', `/api/documents/${document.id}/checks`, { cookie: translator });
    expect(checks).toMatchObject({ docId: document.id, seq: edit.data.seq });
    const findings = checks.cells.flatMap((c) =>
      c.findings.map((f) => ({ paragraphId: c.paragraphId, lang: c.lang, check: f.check, messageKey: f.messageKey })),
    );
    expect(findings).toEqual(
      expect.arrayContaining([
        { paragraphId: pid, lang: 'ru', check: 'glossary_forbidden', messageKey: 'qa.finding.glossary_forbidden' },
        { paragraphId: pid, lang: 'ru', check: 'glossary_missing', messageKey: 'qa.finding.glossary_missing' },
      ]),
    );
    expect(await request(server.url, 'GET', '/api/documents/nope/checks', { cookie: translator })).toMatchObject({
      status: 404,
      body: { error: { code: 'document_not_found' } },
    });
  });

  it('refuses bad terms and bad files with coded errors, changing nothing', async () => {
    await data(server.url, 'POST', '/api/glossary', { cookie: admin, json: TERM });
    const before = await list(admin);
    const bad: [string, string, unknown][] = [
      ['POST', '/api/glossary', { note: 'no renderings' }],
      ['POST', '/api/glossary', { en: '   ' }],
      ['POST', '/api/glossary', { en: 'x', forbidden: [{ lang: 'de', text: 'y' }] }],
      ['PUT', '/api/glossary/bad id', { en: 'x' }],
      ['POST', '/api/glossary/import', { format: 'xlsx', content: 'x' }],
      ['POST', '/api/glossary/import', { format: 'tbx', content: '<tbx><unclosed></tbx>', mode: 'replace' }],
      ['POST', '/api/glossary/import', { format: 'tbx', content: '<html/>', mode: 'replace' }],
      ['POST', '/api/glossary/import', { format: 'csv', content: 'name,value\na,b\n', mode: 'replace' }],
      ['POST', '/api/glossary/import', { format: 'csv', content: `en,ru\nok,хорошо\n${'x'.repeat(600)},длинный\n`, mode: 'replace' }],
    ];
    for (const [method, path, json] of bad) {
      const r = await request(server.url, method, path, { cookie: admin, json });
      expect({ path, json, body: r.body }).toMatchObject({ body: { ok: false, error: { code: 'bad_request' } } });
    }
    expect(await request(server.url, 'PUT', '/api/glossary/nope', { cookie: admin, json: { en: 'x' } })).toMatchObject({
      body: { error: { code: 'not_found' } },
    });
    expect(await request(server.url, 'GET', '/api/glossary/export/pdf', { cookie: admin })).toMatchObject({
      body: { error: { code: 'bad_request' } },
    });
    expect(await list(admin)).toEqual(before);
  });

  it('blocks approving a translation that uses a forbidden variant, as an error check', async () => {
    await data(server.url, 'POST', '/api/glossary', { cookie: admin, json: TERM });
    const roles = { en: 'translator', zh: 'translator', ru: 'translator', kk: 'translator', uz: 'translator' };
    await data(server.url, 'POST', '/api/users', { cookie: admin, json: { username: 'writer', password: 'writer-password', roles } });
    const writerCookie = await login(server.url, 'writer', 'writer-password');
    const { document } = await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
      cookie: admin,
      json: { title: 'SCO', sourceLang: 'en', targetLangs: ['ru'], paragraphs: ['The Shanghai Cooperation Organization met.'] },
    });
    const writer = await joinDoc(await connect(server.url, writerCookie), document.id);
    const reviewer = await joinDoc(await connect(server.url, admin), document.id);
    try {
      const cell = { docId: document.id, paragraphId: writer.doc.paragraphs[0]!.id, lang: 'ru' as const };
      const edit = await call(writer.socket, 'cell:edit', {
        ...cell,
        opId: opId(),
        baseRev: 0,
        text: 'Шанхайская организация кооперации собралась.',
      });
      if (!edit.ok) throw new Error(edit.error.code);
      expect(await call(writer.socket, 'cell:status', { ...cell, opId: opId(), rev: 1, status: 'in_review' })).toMatchObject({ ok: true });
      expect(await call(reviewer.socket, 'cell:status', { ...cell, opId: opId(), rev: 1, status: 'approved' })).toMatchObject({
        ok: false,
        error: { code: 'checks_failed' },
      });

      const fix = await call(writer.socket, 'cell:edit', {
        ...cell,
        opId: opId(),
        baseRev: 1,
        text: 'Шанхайская организация сотрудничества собралась.',
      });
      if (!fix.ok) throw new Error(fix.error.code);
      expect(await call(writer.socket, 'cell:status', { ...cell, opId: opId(), rev: 2, status: 'in_review' })).toMatchObject({ ok: true });
      expect(await call(reviewer.socket, 'cell:status', { ...cell, opId: opId(), rev: 2, status: 'approved' })).toMatchObject({
        ok: true,
        data: { status: 'approved' },
      });
    } finally {
      writer.socket.close();
      reviewer.socket.close();
    }
  });
});
