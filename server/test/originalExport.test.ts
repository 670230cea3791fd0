import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSnapshot } from '../../shared/index.js';
import { closeTag, openTag, stripTags } from '../../shared/inline/index.js';
import type { CreatedFromFileDto, ParsedSourceDto, SourceFileDto } from '../../shared/protocol/interchange.js';
import { decideImport } from '../src/services/interchange/decideImport.js';
import { data, login, request } from './helpers/http.js';
import { original } from './helpers/original.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { upload } from './helpers/upload.js';

/** The routes of the round trip over real HTTP: create from a file, ask for it, export it, delete it. */
describe('documents from files and the export of the original', () => {
  let server: TestServer;
  let cookie: string;

  beforeEach(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterEach(async () => {
    await server.stop();
  });

  async function fromFile(name: string, bytes: Buffer, extra = ''): Promise<CreatedFromFileDto> {
    const r = await upload<CreatedFromFileDto>(
      server.url,
      `/api/documents/from-file?name=${name}&sourceLang=en&targetLangs=ru,kk${extra}`,
      cookie,
      bytes,
    );
    if (!r.body.ok) throw new Error(JSON.stringify(r.body));
    expect(r.status).toBe(201);
    return r.body.data;
  }

  const exportOriginal = (docId: string, q: string): Promise<Response> =>
    fetch(`${server.url}/api/documents/${docId}/export?format=original&${q}`, { headers: { cookie } });

  const snapshot = async (docId: string): Promise<DocumentSnapshot> =>
    (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie })).document;

  async function translate(docId: string, lang: 'ru' | 'kk', texts: Record<number, string>): Promise<void> {
    const doc = await snapshot(docId);
    await server.app.ops.importCells(docId, 'admin', (d) =>
      decideImport(
        d,
        Object.entries(texts).map(([i, text]) => ({ paragraphId: doc.paragraphs[Number(i)]!.id, lang, text, status: 'approved' as const })),
      ),
    );
  }

  it('titles the document after the file (H1, then <title>), keeps the file, and says what it has', async () => {
    const created = await fromFile('news.html', await original('news.html'));
    expect(created.keepsLayout).toBe(true);
    expect(created.document.title).toBe("Summit in Xi'an ends with a joint declaration");
    const info = await data<SourceFileDto>(server.url, 'GET', `/api/documents/${created.document.id}/source-file`, { cookie });
    expect(info).toMatchObject({ name: 'news.html', format: 'html', paragraphs: created.report.paragraphs });
    // A title given wins; a plain text file keeps nothing to rebuild.
    const named = await fromFile('a.md', Buffer.from('# Heading\n\nText.'), '&title=Mine');
    expect(named.document.title).toBe('Mine');
    const txt = await fromFile('notes.txt', Buffer.from('One.\n\nTwo.'));
    expect(txt.keepsLayout).toBe(false);
    expect(txt.document.title).toBe('notes');
    const none = await request(server.url, 'GET', `/api/documents/${txt.document.id}/source-file`, { cookie });
    expect(none.body).toMatchObject({ ok: false, error: { code: 'no_source_file' } });
    const r = await exportOriginal(txt.document.id, 'langs=ru');
    expect(r.status).toBe(404);
  });

  it('leaves navigation out unless asked, honours translate="no", offers alt, title and <title>', async () => {
    const html = await original('news.html');
    const parse = async (q: string): Promise<ParsedSourceDto> => {
      const r = await upload<ParsedSourceDto>(server.url, `/api/import/parse?name=news.html&lang=en${q}`, cookie, html);
      if (!r.body.ok) throw new Error(JSON.stringify(r.body));
      return r.body.data;
    };
    const plain = await parse('');
    expect(plain.paragraphs).not.toContain('World');
    expect(plain.paragraphs).toContain("Summit in Xi'an ends with a joint declaration | Steppe Daily");
    expect(plain.paragraphs).toContain('Six leaders at the opening ceremony');
    expect(plain.paragraphs).toContain('Opening ceremony');
    expect(plain.paragraphs).toContain("Xi'an on Wikipedia");
    expect(plain.paragraphs).toContain('By , 19 May 2026');
    expect(plain.paragraphs.join('\n')).not.toContain('wire copy');
    expect(plain.paragraphs.join('\n')).not.toContain('Aigerim');
    expect(plain.title).toBe("Summit in Xi'an ends with a joint declaration");
    const withNav = await parse('&keepNav=1');
    expect(withNav.paragraphs).toEqual(expect.arrayContaining(['World', 'Business', 'Opinion']));
  });

  it('exports the approved translation; untranslated paragraphs keep their source bytes, or the export is refused', async () => {
    const md = '# Summit\n\nLeaders *met* in Xi’an.\n\n- one item\n- two  items\n';
    const { document } = await fromFile('summit.md', Buffer.from(md));
    const doc = await snapshot(document.id);
    expect(doc.paragraphs.map((p) => p.cells.en?.text)).toEqual([
      'Summit',
      `Leaders ${openTag(1)}met${closeTag(1)} in Xi’an.`,
      'one item',
      'two  items',
    ]);
    await translate(document.id, 'ru', { 0: 'Саммит', 1: `Лидеры ${openTag(1)}встретились${closeTag(1)} в Сиане.` });
    const r = await exportOriginal(document.id, 'langs=ru');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/markdown');
    expect(r.headers.get('content-disposition')).toContain('summit.ru.md');
    expect(await r.text()).toBe('# Саммит\n\nЛидеры *встретились* в Сиане.\n\n- one item\n- two  items\n');
    const refused = await exportOriginal(document.id, 'langs=ru&untranslated=refuse');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'export_incomplete', details: { count: 2 } } });
    // The source column exports the file as it came.
    expect(await (await exportOriginal(document.id, 'langs=en')).text()).toBe(md);
  });

  it('follows structure edits: a split paragraph is written back into its place, a deleted one leaves it empty', async () => {
    const { document } = await fromFile('s.md', Buffer.from('# Title\n\nFirst sentence. Second sentence.\n\nGone.\n'));
    let doc = await snapshot(document.id);
    const [title, body, gone] = doc.paragraphs.map((p) => p.id);
    const rev = doc.paragraphs[1]!.cells.en!.rev;
    await server.app.ops.splitParagraph({ docId: document.id, paragraphId: body!, baseRev: rev, offset: 16, opId: 'split-op-1' }, 'admin');
    await server.app.ops.deleteParagraph({ docId: document.id, paragraphId: gone!, opId: 'delete-op-1' }, 'admin');
    doc = await snapshot(document.id);
    expect(doc.paragraphs.map((p) => p.cells.en?.text)).toEqual(['Title', 'First sentence. ', 'Second sentence.']);
    expect(doc.paragraphs[0]!.id).toBe(title);
    await translate(document.id, 'kk', { 0: 'Тақырып', 1: 'Бірінші сөйлем. ', 2: 'Екінші сөйлем.' });
    const out = await (await exportOriginal(document.id, 'langs=kk')).text();
    expect(out).toBe('# Тақырып\n\nБірінші сөйлем. Екінші сөйлем.\n\n\n');
  });

  it('reads a page in its declared windows-1251 and writes it back as UTF-8 that says so', async () => {
    const { document } = await fromFile('ru.html', await original('news-1251.html'));
    const doc = await snapshot(document.id);
    expect(doc.paragraphs.map((p) => stripTags(p.cells.en?.text ?? ''))).toEqual([
      'Саммит в Сиане',
      'Саммит в Сиане',
      'Лидеры шести стран подписали декларацию.',
    ]);
    await translate(document.id, 'kk', { 2: `Алты ${openTag(1)}елдің${closeTag(1)} көшбасшылары декларацияға қол қойды.` });
    const out = Buffer.from(await (await exportOriginal(document.id, 'langs=kk')).arrayBuffer()).toString('utf8');
    expect(out).toContain('content="text/html; charset=utf-8"');
    expect(out).toContain('<p>Алты <b>елдің</b> көшбасшылары декларацияға қол қойды.</p>');
    expect(out).toContain('<title>Саммит в Сиане</title>');
  });

  it('refuses a page whose declared charset it cannot read, and drops the kept file with the document', async () => {
    const r = await upload(
      server.url,
      '/api/documents/from-file?name=x.html&sourceLang=en&targetLangs=ru',
      cookie,
      '<meta charset="x-unknown-7"><p>Hi</p>',
    );
    expect(r.body).toMatchObject({ ok: false, error: { code: 'invalid_encoding' } });
    const { document } = await fromFile('a.md', Buffer.from('# A\n\nB.'));
    expect(await server.storage.sources.get(document.id)).toBeDefined();
    await data(server.url, 'DELETE', `/api/documents/${document.id}`, { cookie });
    await expect.poll(() => server.storage.sources.get(document.id)).toBeUndefined();
  });
});
