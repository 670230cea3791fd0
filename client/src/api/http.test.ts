import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DocumentSnapshot } from '../../../shared/index.js';
import type { CallResult } from '../modules/sync/transport.js';
import { downloadUrl, fileNameOf, request, routeUrl } from './http.js';
import { interchangeApi } from './interchange.js';

/** Never called: the lines only have to (not) compile against the shared route map. */
function wrongCalls(): void {
  // @ts-expect-error -- a path with :docId needs its params
  void request('GET /api/documents/:docId');
  // @ts-expect-error -- the body is a CreateDocumentBody
  void request('POST /api/documents', { body: { title: 7 } });
  // @ts-expect-error -- a GET has no body
  void request('GET /api/documents', { body: {} });
  // @ts-expect-error -- a download is a link, not a request()
  void request('GET /api/glossary/export/:format', { params: { format: 'csv' } });
  // @ts-expect-error -- the export's query needs a format
  void downloadUrl('GET /api/documents/:docId/export', { params: { docId: 'd' }, query: {} });
  // @ts-expect-error -- not a route of the map
  void request('GET /api/everything');
}

describe('request() and the route URLs follow the shared route map', () => {
  it('types each call by its key', () => {
    expectTypeOf(wrongCalls).toBeFunction();
    expectTypeOf(request<'GET /api/documents/:docId'>).returns.resolves.toEqualTypeOf<CallResult<{ document: DocumentSnapshot }>>();
  });

  it('fills path params (encoded) and leaves unset query values out', () => {
    expect(
      routeUrl('GET /api/documents/:docId/cells/:paragraphId/:lang/history', { params: { docId: 'd 1', paragraphId: 'p/2', lang: 'ru' } }),
    ).toBe('/api/documents/d%201/cells/p%2F2/ru/history');
    expect(routeUrl('POST /api/import/document', { query: { name: 'a.xlf', lang: undefined, targetLangs: 'ru,kk' } })).toBe(
      '/api/import/document?name=a.xlf&targetLangs=ru%2Ckk',
    );
    expect(downloadUrl('GET /api/glossary/export/:format', { params: { format: 'tbx' } })).toBe('/api/glossary/export/tbx');
  });

  it('builds the export link the server reads', () => {
    expect(interchangeApi.exportUrl('d1', 'xliff2', ['ru'], 'latest')).toBe('/api/documents/d1/export?format=xliff2&mode=latest&langs=ru');
    expect(interchangeApi.exportUrl('d1', 'original', ['kk'], 'approved', 'refuse')).toBe(
      '/api/documents/d1/export?format=original&mode=approved&langs=kk&untranslated=refuse',
    );
    expect(interchangeApi.exportUrl('d1', 'tmx', [], 'approved')).toBe('/api/documents/d1/export?format=tmx&mode=approved');
  });

  it('reads a download’s file name from Content-Disposition as the server writes it, the UTF-8 name first', () => {
    expect(fileNameOf(`attachment; filename="report.kk.docx"; filename*=UTF-8''report.kk.docx`)).toBe('report.kk.docx');
    expect(fileNameOf(`attachment; filename="_____.kk.docx"; filename*=UTF-8''${encodeURIComponent('доклад.kk.docx')}`)).toBe(
      'доклад.kk.docx',
    );
    expect(fileNameOf(`attachment; filename="a.md"; filename*=UTF-8''%E0%A4%A`)).toBe('a.md');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
