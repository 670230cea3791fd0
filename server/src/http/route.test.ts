import { describe, expect, expectTypeOf, it } from 'vitest';
import { cellParams, createDocumentBody, docIdParams, loginBody } from '../../../shared/index.js';
import type { CreateDocumentBody, DocumentSnapshot, DocumentSummary, RouteParams, RouteQuery, RouteRes } from '../../../shared/index.js';
import { exportQuery } from '../../../shared/protocol/interchange.js';
import type { ExportQuery } from '../../../shared/protocol/interchange.js';
import { FileReply, mount, route } from './route.js';
import type { KeyedHandler, Reply } from './route.js';

/**
 * The contract binds the server: these lines are type-checked by `tsc -b`,
 * and each `@ts-expect-error` fails the build the day the line under it
 * compiles — a route answering a shape the map does not declare, a schema
 * producing another body, a key under another mount.
 */
describe('route() is typed by the shared route map', () => {
  /** Never called: its lines only have to (not) compile. */
  function wrongRoutes(): void {
    const docs = mount('/api/documents');
    const snapshot = {} as DocumentSnapshot;
    route(docs, 'GET /api/documents/:docId', { params: docIdParams }, () => ({ document: snapshot }));
    // @ts-expect-error -- the map says { document: DocumentSnapshot }, not a summary list
    route(docs, 'GET /api/documents/:docId', { params: docIdParams }, () => ({ documents: [] as DocumentSummary[] }));
    // @ts-expect-error -- a wrong field type inside the answer
    route(docs, 'POST /api/documents', { body: createDocumentBody }, () => ({ document: { id: 7 } }));
    // @ts-expect-error -- DELETE answers null
    route(docs, 'DELETE /api/documents/:docId', { params: docIdParams }, async () => ({ deleted: true }));
    // @ts-expect-error -- a download answers a file, not JSON
    route(docs, 'GET /api/documents/:docId/export', { params: docIdParams, query: exportQuery }, () => ({ ok: true }));
    // @ts-expect-error -- the body schema produces { username, password }, not a CreateDocumentBody
    route(docs, 'POST /api/documents', { body: loginBody }, () => ({ document: {} as DocumentSummary }));
    // @ts-expect-error -- a path with :docId needs a params schema
    route(docs, 'GET /api/documents/:docId', {}, () => ({ document: snapshot }));
    // @ts-expect-error -- a GET has no body
    route(docs, 'GET /api/documents', { body: createDocumentBody }, () => ({ documents: [] }));
    // @ts-expect-error -- the export reads a query: it needs its schema
    route(docs, 'GET /api/documents/:docId/export', { params: docIdParams }, () => new FileReply('text/plain', 'a.txt', ''));
    // @ts-expect-error -- /api/users is not under /api/documents
    route(docs, 'GET /api/users', {}, () => ({ users: [] }));
    // @ts-expect-error -- not a key of the map at all
    route(docs, 'GET /api/documents/:docId/everything', { params: docIdParams }, () => null);
  }

  it('refuses, at compile time, a route that answers another shape or takes another input', () => {
    expectTypeOf(wrongRoutes).toBeFunction();
  });

  it('refuses at run time a key outside its mount, whatever a cast says', () => {
    const users = mount('/api/users') as unknown as Parameters<typeof route>[0];
    expect(() => route(users, 'GET /api/documents', {}, () => ({ documents: [] }))).toThrow('is not under /api/users');
  });

  it('hands the handler what its schemas produce', () => {
    const docs = mount('/api/documents');
    route(docs, 'POST /api/documents', { body: createDocumentBody }, ({ body, params }) => {
      expectTypeOf(body).toEqualTypeOf<CreateDocumentBody>();
      expectTypeOf(params).toBeUndefined();
      return { document: {} as DocumentSummary };
    });
    route(docs, 'GET /api/documents/:docId/export', { params: docIdParams, query: exportQuery }, ({ query, params }) => {
      expectTypeOf(params).toEqualTypeOf<{ docId: string }>();
      expectTypeOf(query.mode).toEqualTypeOf<'approved' | 'latest'>();
      return new FileReply('text/plain', 'a.txt', '');
    });
    expect(docs.router.stack.length).toBe(2);
  });

  it('derives params, query and replies from the key', () => {
    expectTypeOf<RouteParams<'GET /api/documents/:docId/cells/:paragraphId/:lang/history'>>().toEqualTypeOf<
      Record<'docId' | 'paragraphId' | 'lang', string>
    >();
    expectTypeOf<RouteQuery<'GET /api/documents/:docId/export'>>().toEqualTypeOf<ExportQuery>();
    expectTypeOf<RouteQuery<'GET /api/documents'>>().toBeNever();
    expectTypeOf<Reply<'GET /api/documents/:docId/export'>>().toEqualTypeOf<FileReply>();
    expectTypeOf<Reply<'GET /api/glossary/export/:format'>>().toEqualTypeOf<FileReply>();
    expectTypeOf<Reply<'GET /api/documents'>>().toEqualTypeOf<RouteRes<'GET /api/documents'>>();
  });

  it('registers the method and path the key spells, under the mount', () => {
    const docs = mount('/api/documents');
    route(docs, 'GET /api/documents/:docId/cells/:paragraphId/:lang/history', { params: cellParams }, () => {
      throw new Error('not called');
    });
    const layer = docs.router.stack[0];
    expect(layer?.route?.path).toBe('/:docId/cells/:paragraphId/:lang/history');
    const handlers = layer?.route?.stack.map((l) => l.handle as Partial<KeyedHandler>) ?? [];
    expect(handlers.map((h) => h.routeKey)).toEqual(['GET /api/documents/:docId/cells/:paragraphId/:lang/history']);
  });
});
