import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, DocumentSummary } from '../../shared/index.js';
import type { ImportResultDto, InterchangeDocumentDto } from '../../shared/protocol/interchange.js';
import { EN_PARAGRAPHS, RU_PARAGRAPHS } from './helpers/interchangeFixtures.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { upload } from './helpers/upload.js';
import { run } from './helpers/tools.js';

/**
 * Files from other tools over the real REST API: translate-toolkit (Debian's,
 * installed for the tests) converts Anor's exports the way a translator's
 * tool chain would, and the results come back in.
 */
describe("peers' files over REST", () => {
  let server: TestServer;
  let cookie: string;
  let docId: string;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    dir = await mkdtemp(join(tmpdir(), 'anor-peers-'));
    docId = (
      await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
        cookie,
        json: { title: 'Summit', sourceLang: 'en', targetLangs: ['ru', 'kk'], paragraphs: EN_PARAGRAPHS },
      })
    ).document.id;
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const exported = async (format: string, lang: string): Promise<string> =>
    (await fetch(`${server.url}/api/documents/${docId}/export?format=${format}&langs=${lang}&mode=latest`, { headers: { cookie } })).text();
  const snapshot = async (id = docId): Promise<DocumentSnapshot> =>
    (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${id}`, { cookie })).document;

  it('exports PO, and takes it back translated (matched by id), with a tool in between', async () => {
    const po = await exported('po', 'ru');
    expect(po).toContain(`msgctxt "${(await snapshot()).paragraphs[1]!.id}"`);
    let translated = po;
    for (const [i, en] of EN_PARAGRAPHS.entries())
      translated = translated.replace(`msgid "${en}"\nmsgstr ""`, `msgid "${en}"\nmsgstr "${RU_PARAGRAPHS[i]!}"`);
    const r = await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff?name=ru.po`, cookie, translated);
    expect(r.body).toMatchObject({
      ok: true,
      data: { edited: 5, unchanged: 0, matched: { id: 5, reference: 0, source: 0, unmatched: 0 } },
    });
    // The same file again changes nothing and says so: no cell counted as edited, no new seq.
    const again = await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff?name=ru.po`, cookie, translated);
    expect(again.body).toMatchObject({ ok: true, data: { edited: 0, unchanged: 5 } });
    expect(again.body.ok && r.body.ok && again.body.data.seq).toBe(r.body.ok && r.body.data.seq);
    // Not fuzzy means finished, but an importer's own revision cannot be approved by them here (four eyes): in review.
    expect((await snapshot()).paragraphs.map((p) => [p.cells.ru?.text, p.cells.ru?.status])).toEqual(
      RU_PARAGRAPHS.map((t) => [t, 'in_review']),
    );
  });

  it("takes po2xliff's output (no target language, numbered ids) by po-reference once the language is named", async () => {
    // Anor XLIFF 1.2 → xliff2po → translator edits the PO → po2xliff → Anor.
    await writeFile(join(dir, 'kk.xlf'), await exported('xliff12', 'kk'));
    expect((await run('xliff2po', ['--progress=none', '-i', join(dir, 'kk.xlf'), '-o', join(dir, 'kk.po')])).code).toBe(0);
    const po = (await readFile(join(dir, 'kk.po'), 'utf8')).replace(
      `msgid "${EN_PARAGRAPHS[4]!}"\nmsgstr ""`,
      `msgid "${EN_PARAGRAPHS[4]!}"\nmsgstr "Екінші саммит 2025 жылы."`,
    );
    await writeFile(join(dir, 'kk.po'), po);
    expect((await run('po2xliff', ['--progress=none', '-i', join(dir, 'kk.po'), '-o', join(dir, 'back.xlf')])).code).toBe(0);
    const back = await readFile(join(dir, 'back.xlf'), 'utf8');
    expect(back).not.toContain('target-language');
    const refused = await upload(server.url, `/api/documents/${docId}/import/xliff?name=back.xlf`, cookie, back);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'units_mismatch' } });
    expect(JSON.stringify(refused.body)).toContain('import.target-language');
    const r = await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff?name=back.xlf&lang=kk`, cookie, back);
    expect(r.body).toMatchObject({ ok: true, data: { edited: 1, matched: { id: 0, reference: 5, source: 0, unmatched: 0 } } });
    expect((await snapshot()).paragraphs[4]!.cells.kk?.text).toBe('Екінші саммит 2025 жылы.');
  });

  it('creates a document from an XLIFF, a PO and a TMX file, keeping ids and texts', async () => {
    const before = await snapshot();
    const xlf = await exported('xliff2', 'ru');
    const fromXliff = await upload<InterchangeDocumentDto>(
      server.url,
      '/api/import/document?name=summit.ru.xlf&targetLangs=ru,kk',
      cookie,
      xlf,
    );
    if (!fromXliff.body.ok) throw new Error(JSON.stringify(fromXliff.body));
    expect(fromXliff.status).toBe(201);
    expect(fromXliff.body.data).toMatchObject({ title: 'Summit', format: 'xliff2', paragraphs: 5, translated: 5 });
    const created = await snapshot(fromXliff.body.data.docId);
    expect(created.targetLangs).toEqual(['ru', 'kk']);
    expect(created.paragraphs.map((p) => [p.id, p.cells.en?.text, p.cells.ru?.text, p.cells.ru?.status])).toEqual(
      before.paragraphs.map((p) => [p.id, p.cells.en?.text, p.cells.ru?.text, 'in_review']),
    );

    const peerPo = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "Hello"\nmsgstr "Привет"\n\n#, fuzzy\nmsgid "World"\nmsgstr "Мир"\n';
    const noSource = await upload(server.url, '/api/import/document?name=peer.po', cookie, peerPo);
    expect(noSource.body).toMatchObject({ ok: false, error: { code: 'import_refused' } });
    const fromPo = await upload<InterchangeDocumentDto>(
      server.url,
      '/api/import/document?name=peer.po&sourceLang=en&title=Peer',
      cookie,
      peerPo,
    );
    if (!fromPo.body.ok) throw new Error(JSON.stringify(fromPo.body));
    const poDoc = await snapshot(fromPo.body.data.docId);
    expect(poDoc.title).toBe('Peer');
    expect(poDoc.paragraphs.map((p) => [p.cells.en?.text, p.cells.ru?.text, p.cells.ru?.status])).toEqual([
      ['Hello', 'Привет', 'in_review'],
      ['World', 'Мир', 'draft'],
    ]);

    // translate-toolkit's po2tmx: no tuid, srclang en.
    await writeFile(join(dir, 'peer.po'), peerPo.replace('#, fuzzy\n', ''));
    expect((await run('po2tmx', ['--progress=none', '-l', 'ru', '-i', join(dir, 'peer.po'), '-o', join(dir, 'peer.tmx')])).code).toBe(0);
    const fromTmx = await upload<InterchangeDocumentDto>(
      server.url,
      '/api/import/document?name=peer.tmx',
      cookie,
      await readFile(join(dir, 'peer.tmx')),
    );
    if (!fromTmx.body.ok) throw new Error(JSON.stringify(fromTmx.body));
    expect(fromTmx.body.data).toMatchObject({ title: 'peer', format: 'tmx', paragraphs: 2, translated: 2 });
  });

  it("reads the target language from the PO header po2xliff keeps, and an untranslated entry's empty target clears nothing", async () => {
    // Anor PO (ru, translated by the first test) → translator edits one entry and empties another → po2xliff → Anor.
    const po = (await exported('po', 'ru'))
      .replace(`msgstr "${RU_PARAGRAPHS[0]!}"`, 'msgstr "Саммит Китай — Центральная Азия"')
      .replace(`msgstr "${RU_PARAGRAPHS[1]!}"`, 'msgstr ""');
    await writeFile(join(dir, 'ru.po'), po);
    expect((await run('po2xliff', ['--progress=none', '-i', join(dir, 'ru.po'), '-o', join(dir, 'ru.xlf')])).code).toBe(0);
    const back = await readFile(join(dir, 'ru.xlf'), 'utf8');
    expect(back).not.toContain('target-language');
    expect(back).toContain('<target></target>');
    const wrong = await upload(server.url, `/api/documents/${docId}/import/xliff?name=ru.xlf&lang=kk`, cookie, back);
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'units_mismatch' } });
    expect(JSON.stringify(wrong.body)).toContain('import.target-language');
    const r = await upload<ImportResultDto>(server.url, `/api/documents/${docId}/import/xliff?name=ru.xlf`, cookie, back);
    expect(r.body).toMatchObject({ ok: true, data: { matched: { id: 0, reference: 5, source: 0, unmatched: 0 } } });
    expect((await snapshot()).paragraphs.map((p) => p.cells.ru?.text)).toEqual([
      'Саммит Китай — Центральная Азия',
      ...RU_PARAGRAPHS.slice(1),
    ]);
  });
  it('creates a document from a PO whose msgctxt and comments reach the translator as comments on their rows', async () => {
    const po = [
      'msgid ""\nmsgstr "Language: kk\\n"\n',
      '#. Shown on the main menu\n#: src/menu.c:10\nmsgctxt "menu"\nmsgid "Open"\nmsgstr "Ашу"\n',
      '#: src/door.c:5\nmsgctxt "door"\nmsgid "Open"\nmsgstr ""\n',
      '# keep it short\n#: src/files.c:20\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n',
      'msgid "Save"\nmsgstr ""\n',
    ].join('\n');
    const r = await upload<InterchangeDocumentDto>(server.url, '/api/import/document?name=app.po&sourceLang=en', cookie, po);
    if (!r.body.ok) throw new Error(JSON.stringify(r.body));
    const created = await snapshot(r.body.data.docId);
    expect(created.paragraphs.map((p) => p.cells.en?.text)).toEqual(['Open', 'Open', '%d file', '%d files', 'Save']);
    const rowOf = (paragraphId: string): number => created.paragraphs.findIndex((p) => p.id === paragraphId);
    expect((created.comments ?? []).map((c) => [rowOf(c.paragraphId), c.lang, c.text])).toEqual([
      [0, 'en', 'msgctxt: menu\nShown on the main menu'],
      [1, 'en', 'msgctxt: door'],
      [2, 'en', 'keep it short'],
    ]);
  });
});
