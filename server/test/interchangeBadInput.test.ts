import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, DocumentSummary, ErrorCode } from '../../shared/index.js';
import { MAX_UPLOAD_BYTES } from '../../shared/protocol/interchange.js';
import type { TranslationPreviewDto } from '../../shared/protocol/interchange.js';
import { buildDocx, buildDocxBomb } from './helpers/docx.js';
import { data, login } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { createUser } from './helpers/review.js';
import { streamUpload, upload } from './helpers/upload.js';
import { EN_PARAGRAPHS, RU_PARAGRAPHS } from './helpers/interchangeFixtures.js';

/**
 * Every bad file gets its own coded error and leaves the data as it was:
 * the document list and the document are compared before and after.
 */
describe('bad imports', () => {
  let server: TestServer;
  let cookie: string;
  let docId: string;

  beforeAll(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    docId = (
      await data<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
        cookie,
        json: { title: 'Summit', sourceLang: 'en', targetLangs: ['ru'], paragraphs: EN_PARAGRAPHS },
      })
    ).document.id;
  });
  afterAll(() => server.stop());

  const state = async (): Promise<{ list: unknown; doc: DocumentSnapshot }> => ({
    list: await data(server.url, 'GET', '/api/documents', { cookie }),
    doc: (await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie })).document,
  });

  async function refused(path: string, bytes: Uint8Array | string, code: ErrorCode): Promise<unknown> {
    const before = await state();
    const r = await upload(server.url, path, cookie, bytes);
    expect(r.body).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    expect(await state()).toEqual(before);
    return r.body;
  }

  const xliff = `/api/documents/PLACEHOLDER/import/xliff?name=f.xlf`;
  const preview = `/api/documents/PLACEHOLDER/import/translation/preview?name=ru.txt&lang=ru`;
  const at = (p: string): string => p.replace('PLACEHOLDER', docId);

  it('malformed XML', async () => {
    const r = await refused(
      at(xliff),
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file id="f"><unit',
      'malformed_file',
    );
    expect(r).toMatchObject({ error: { details: { problems: expect.any(Array) } } });
  });

  it('an XLIFF whose unit ids do not match the document', async () => {
    const res = await fetch(`${server.url}/api/documents/${docId}/export?format=xliff2&langs=ru&mode=latest`, { headers: { cookie } });
    // Neither the id nor the source text is the document's: nothing matches by id, reference or text.
    const foreign = (await res.text())
      .replace(/unit id="p_[^"]+"/u, 'unit id="p_not_in_this_document"')
      .replace(/<source xml:space="preserve">[^<]*<\/source>/u, '<source xml:space="preserve">Not a paragraph of this document</source>');
    const r = await refused(at(xliff), foreign, 'units_mismatch');
    expect(JSON.stringify(r)).toContain('import.unknown-unit');
  });

  it('a TMX or an unknown XML sent as XLIFF', async () => {
    await refused(at(xliff), '<?xml version="1.0"?><html><body/></html>', 'unsupported_format');
  });

  it('a zip bomb disguised as DOCX', async () => {
    await refused(
      at(`/api/documents/PLACEHOLDER/import/translation/preview?name=ru.docx&lang=ru`),
      buildDocxBomb(60 * 1024 * 1024),
      'import_refused',
    );
    await refused('/api/import/parse?name=report.docx&lang=en', buildDocxBomb(5 * 1024 * 1024), 'import_refused');
  });

  it('a file in the wrong encoding; UTF-16 with a BOM is decoded', async () => {
    const cp1251 = Buffer.from([0xcf, 0xe5, 0xf0, 0xe2, 0xfb, 0xe9, 0x20, 0xf1, 0xe0, 0xec, 0xec, 0xe8, 0xf2]);
    await refused(at(preview), cp1251, 'invalid_encoding');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RU_PARAGRAPHS.join('\n\n'), 'utf16le')]);
    const r = await upload<TranslationPreviewDto>(server.url, at(preview), cookie, utf16);
    expect(r.body.ok && r.body.data.target).toEqual(RU_PARAGRAPHS);
  });

  it('a damaged DOCX, an unknown extension, bad query', async () => {
    const docx = buildDocx([{ text: 'hello' }]);
    await refused('/api/import/parse?name=x.docx&lang=en', docx.subarray(0, 200), 'malformed_file');
    await refused('/api/import/parse?name=x.pdf&lang=en', '%PDF-1.4', 'unsupported_format');
    await refused('/api/import/parse?name=x.txt&lang=xx', 'text', 'bad_request');
    await refused(at('/api/documents/PLACEHOLDER/import/translation/preview?name=en.txt&lang=en'), 'text', 'language_not_in_document');
  });

  it('an upload over the cap with a Content-Length is refused before its body is read', async () => {
    await refused('/api/import/parse?name=big.txt&lang=en', Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x61), 'payload_too_large');
  });

  it('a 200 MB streamed upload gets payload_too_large quickly, without being read to its end', async () => {
    const before = await state();
    const r = await streamUpload(server.url, at(preview), cookie, 200 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    // The server answered once the cap was passed; the sender was nowhere near 200 MB.
    expect(r.sent).toBeLessThan(MAX_UPLOAD_BYTES * 3);
    expect(await state()).toEqual(before);
  });

  it('a large upload refused before reading (no permission) is not drained either', async () => {
    const kk = await createUser(server.url, cookie, 'aigerim', { roles: { kk: 'translator' } });
    const before = await state();
    const r = await streamUpload(server.url, at(preview), kk.cookie, 200 * 1024 * 1024);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(r.sent).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await state()).toEqual(before);
  });
});
