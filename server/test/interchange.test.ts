import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, DocumentSummary } from '../../shared/index.js';
import type { CellHistoryDto } from '../../shared/index.js';
import { COMMIT_MEDIA_TYPE } from '../../shared/protocol/interchange.js';
import type { ImportResultDto, ParsedSourceDto, TranslationPreviewDto } from '../../shared/protocol/interchange.js';
import { buildDocx } from './helpers/docx.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { createUser } from './helpers/review.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';
import { upload } from './helpers/upload.js';
import { EN_PARAGRAPHS, RU_PARAGRAPHS } from './helpers/interchangeFixtures.js';

describe('import and export over REST', () => {
  let server: TestServer;
  let cookie: string;
  let docId: string;

  beforeEach(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const created = await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
      cookie,
      json: { title: 'Саммит 2023', sourceLang: 'en', targetLangs: ['ru', 'kk'], paragraphs: EN_PARAGRAPHS },
    });
    docId = created.document.id;
  });
  afterEach(() => server.stop());

  const snapshot = async (): Promise<DocumentSnapshot> =>
    (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie })).document;

  /** The document setting that lets a reviewer approve revisions they wrote (off by default). */
  async function allowSelfApproval(): Promise<void> {
    const socket = await connect(server.url, cookie);
    try {
      await joinDoc(socket, docId);
      const r = await call(socket, 'doc:settings', { docId, opId: opId(), allowSelfApproval: true });
      if (!r.ok) throw new Error(r.error.code);
    } finally {
      socket.close();
    }
  }

  it('parses a DOCX into paragraphs with a report, writing nothing', async () => {
    const before = await data<{ documents: DocumentSummary[] }>(server.url, 'GET', '/api/documents', { cookie });
    const docx = buildDocx([{ heading: 1, text: EN_PARAGRAPHS[0]! }, ...EN_PARAGRAPHS.slice(1).map((text) => ({ text }))]);
    const r = await upload<ParsedSourceDto>(server.url, '/api/import/parse?name=summit.docx&lang=ru', cookie, docx);
    expect(r.status).toBe(200);
    if (!r.body.ok) throw new Error(r.body.error.code);
    expect(r.body.data.paragraphs).toEqual(EN_PARAGRAPHS);
    expect(r.body.data.report.language).toMatchObject({ verdict: 'language_mismatch', detected: { lang: 'en' } });
    expect(await data(server.url, 'GET', '/api/documents', { cookie })).toEqual(before);
  });

  it('previews a translation without writing, then commits it as import drafts broadcast to a joined client', async () => {
    const socket = await connect(server.url, cookie);
    try {
      const live = await joinDoc(socket, docId);
      const before = await snapshot();
      // The translator split one paragraph in two: the aligner proposes a 1–2 link, flagged.
      const ru = [
        ...RU_PARAGRAPHS.slice(0, 3),
        'Они подписали Сианьскую декларацию.',
        'И договорились проводить саммит раз в два года.',
        RU_PARAGRAPHS[4]!,
      ];
      const preview = await upload<TranslationPreviewDto>(
        server.url,
        `/api/documents/${docId}/import/translation/preview?name=ru.txt&lang=ru`,
        cookie,
        `\uFEFF${ru.join('\n\n')}`,
      );
      if (!preview.body.ok) throw new Error(preview.body.error.code);
      const p = preview.body.data;
      expect(p.target).toEqual(ru);
      expect(p.links.flatMap((l) => l.target)).toEqual([0, 1, 2, 3, 4, 5]);
      const merged = p.links.find((l) => l.target.length === 2);
      expect(merged).toMatchObject({ paragraphIds: [before.paragraphs[3]!.id], target: [3, 4], low: true });
      expect(await snapshot()).toEqual(before);

      const commit = await request<ImportResultDto>(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
        cookie,
        json: { lang: 'ru', target: p.target, links: p.links.map(({ paragraphIds, target }) => ({ paragraphIds, target })) },
      });
      if (!commit.body.ok) throw new Error(commit.body.error.message);
      expect(commit.body.data.edited).toBe(5);
      await live.reach(commit.body.data.seq);
      const after = await snapshot();
      const ruCells = after.paragraphs.map((x) => x.cells.ru!);
      expect(ruCells.map((c) => c.status)).toEqual(['draft', 'draft', 'draft', 'draft', 'draft']);
      expect(ruCells[3]!.text).toBe('Они подписали Сианьскую декларацию. И договорились проводить саммит раз в два года.');
      expect(live.doc.paragraphs.map((x) => x.cells.ru?.text)).toEqual(ruCells.map((c) => c.text));
      const hist = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${after.paragraphs[1]!.id}/ru/history`, {
        cookie,
      });
      expect(hist.revisions.at(-1)).toMatchObject({ kind: 'import', status: 'draft', text: RU_PARAGRAPHS[1] });
    } finally {
      socket.close();
    }
  });

  it('imports as approved when the text is already reviewed, only where approving one’s own revisions is allowed', async () => {
    const doc = await snapshot();
    const links = doc.paragraphs.map((x, i) => ({ paragraphIds: [x.id], target: [i] }));
    const refused = await request(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie,
      json: { lang: 'ru', target: RU_PARAGRAPHS, links, approved: true },
    });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden', details: { reason: 'self_approval' } } });
    expect((await snapshot()).paragraphs).toEqual(doc.paragraphs);
    await allowSelfApproval();
    await data(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie,
      json: { lang: 'ru', target: RU_PARAGRAPHS, links, approved: true },
    });
    const after = await snapshot();
    expect(after.paragraphs.map((x) => [x.cells.ru?.status, x.cells.ru?.approvedText])).toEqual(RU_PARAGRAPHS.map((t) => ['approved', t]));
  });

  it('refuses a commit whose links lose a translated paragraph, changing nothing', async () => {
    const doc = await snapshot();
    const before = await snapshot();
    const links = doc.paragraphs.slice(0, 4).map((x, i) => ({ paragraphIds: [x.id], target: [i] }));
    const r = await request(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie,
      json: { lang: 'ru', target: RU_PARAGRAPHS, links },
    });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await snapshot()).toEqual(before);
  });

  it('round-trips XLIFF 2.0: export, edit a target, import by unit id', async () => {
    const doc = await snapshot();
    const links = doc.paragraphs.map((x, i) => ({ paragraphIds: [x.id], target: [i] }));
    await data(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie,
      json: { lang: 'ru', target: RU_PARAGRAPHS, links },
    });
    const res = await fetch(`${server.url}/api/documents/${docId}/export?format=xliff2&langs=ru&mode=latest`, { headers: { cookie } });
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''%D0%A1%D0%B0%D0%BC");
    const xliff = await res.text();
    expect(xliff).toContain(RU_PARAGRAPHS[4]);
    const edited = xliff.replace(RU_PARAGRAPHS[4]!, 'Второй саммит состоится в Астане в 2025 году.');
    const r = await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff?name=ru.xlf`, cookie, edited);
    if (!r.body.ok) throw new Error(r.body.error.message);
    expect(r.body.data.edited).toBe(1);
    const after = await snapshot();
    expect(after.paragraphs[4]!.cells.ru).toMatchObject({ text: 'Второй саммит состоится в Астане в 2025 году.', status: 'draft' });
    const hist = await data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${after.paragraphs[4]!.id}/ru/history`, {
      cookie,
    });
    expect(hist.revisions.at(-1)?.kind).toBe('import');
  });

  it('exports approved texts by default and the latest on request, as HTML, Markdown and TMX', async () => {
    await allowSelfApproval();
    const doc = await snapshot();
    const links = doc.paragraphs.map((x, i) => ({ paragraphIds: [x.id], target: [i] }));
    await data(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie,
      json: { lang: 'ru', target: RU_PARAGRAPHS.slice(0, 5), links, approved: true },
    });
    const newer = RU_PARAGRAPHS.map((t, i) => (i === 0 ? 'Черновик заголовка' : t));
    await data(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie,
      json: { lang: 'ru', target: newer, links },
    });
    const get = async (q: string): Promise<{ type: string | null; text: string }> => {
      const res = await fetch(`${server.url}/api/documents/${docId}/export?${q}`, { headers: { cookie } });
      return { type: res.headers.get('content-type'), text: await res.text() };
    };
    const md = await get('format=md&langs=ru');
    expect(md.text).toContain(RU_PARAGRAPHS[0]);
    expect(md.text).not.toContain('Черновик');
    expect((await get('format=md&langs=ru&mode=latest')).text).toContain('Черновик заголовка');
    const html = await get('format=html&langs=en,ru,kk');
    expect(html.type).toContain('text/html');
    expect(html.text).toContain(`<td lang="ru">${RU_PARAGRAPHS[1]}</td>`);
    expect(html.text).toContain('<td class="empty" lang="kk"></td>');
    expect(html.text).not.toMatch(/<link|<script|src=/u);
    const tmx = await get('format=tmx');
    expect(tmx.text).toContain(`<seg>${RU_PARAGRAPHS[0]}</seg>`);
    expect((await request(server.url, 'GET', `/api/documents/${docId}/export?format=xliff2`, { cookie })).body).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('round-trips XLIFF 1.2 with statuses: an approved unit comes back approved for a reviewer, in review for a translator', async () => {
    const doc = await snapshot();
    const links = doc.paragraphs.map((x, i) => ({ paragraphIds: [x.id], target: [i] }));
    await data(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie,
      json: { lang: 'kk', target: RU_PARAGRAPHS.map((t) => `${t} (kk)`), links },
    });
    const res = await fetch(`${server.url}/api/documents/${docId}/export?format=xliff12&langs=kk&mode=latest`, { headers: { cookie } });
    const xliff = await res.text();
    expect(xliff).toContain('urn:oasis:names:tc:xliff:document:1.2');
    const approvedFile = xliff.replace(/state="translated"/u, 'state="final" approved="yes"');
    const translator = await createUser(server.url, cookie, 'dana', { roles: { kk: 'translator' } });
    const r1 = await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff`, translator.cookie, approvedFile);
    if (!r1.body.ok) throw new Error(r1.body.error.message);
    expect((await snapshot()).paragraphs[0]!.cells.kk?.status).toBe('in_review');
    // The admin reviews kk, but the revisions are their own: approval only once the document allows that.
    await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff`, cookie, approvedFile);
    expect((await snapshot()).paragraphs[0]!.cells.kk?.status).toBe('in_review');
    await allowSelfApproval();
    const r2 = await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff`, cookie, approvedFile);
    if (!r2.body.ok) throw new Error(r2.body.error.message);
    expect((await snapshot()).paragraphs[0]!.cells.kk).toMatchObject({ status: 'approved', approvedText: `${RU_PARAGRAPHS[0]} (kk)` });
  });

  it('imports only into languages the user holds a role in, and as approved only for reviewers', async () => {
    const translator = await createUser(server.url, cookie, 'marat', { roles: { kk: 'translator' } });
    const before = await snapshot();
    const preview = await upload(
      server.url,
      `/api/documents/${docId}/import/translation/preview?name=ru.txt&lang=ru`,
      translator.cookie,
      RU_PARAGRAPHS.join('\n\n'),
    );
    expect(preview.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const links = before.paragraphs.map((x, i) => ({ paragraphIds: [x.id], target: [i] }));
    const approved = await request(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, {
      cookie: translator.cookie,
      json: { lang: 'kk', target: RU_PARAGRAPHS, links, approved: true },
    });
    expect(approved.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const xliff = await (
      await fetch(`${server.url}/api/documents/${docId}/export?format=xliff2&langs=ru&mode=latest`, { headers: { cookie } })
    ).text();
    expect((await upload(server.url, `/api/documents/${docId}/import/xliff`, translator.cookie, xliff)).body).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await snapshot()).toEqual(before);
    const exported = await fetch(`${server.url}/api/documents/${docId}/export?format=html`, { headers: { cookie: translator.cookie } });
    expect(exported.status).toBe(200);
  });

  it('takes a commit over the 4 MB JSON cap when sent as the commit media type', async () => {
    const many = await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
      cookie,
      json: { title: 'Long', sourceLang: 'en', targetLangs: ['ru'], paragraphs: Array.from({ length: 200 }, (_, i) => `Paragraph ${i}.`) },
    });
    const doc = (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${many.document.id}`, { cookie })).document;
    const target = doc.paragraphs.map((_, i) => `${i} ${'ж'.repeat(12_500)}`);
    const body = JSON.stringify({ lang: 'ru', target, links: doc.paragraphs.map((p, i) => ({ paragraphIds: [p.id], target: [i] })) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(4 * 1024 * 1024);
    const path = `${server.url}/api/documents/${many.document.id}/import/translation/commit`;
    const asJson = await fetch(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(await asJson.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const asCommit = await fetch(path, { method: 'POST', headers: { cookie, 'content-type': COMMIT_MEDIA_TYPE }, body });
    expect(await asCommit.json()).toMatchObject({ ok: true, data: { edited: 200 } });
  });
});
