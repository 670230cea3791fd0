import fc from 'fast-check';
import { PacketType } from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, HTTP_STATUS, PUBLIC_NAMESPACE } from '../../shared/index.js';
import type { ErrorCode } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { hostileBody, hostileEmit, hostileSegment } from './helpers/hostile.js';
import type { HostileEmit } from './helpers/hostile.js';
import { connectRaw } from './helpers/rawSocket.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { joinDoc } from './helpers/sockets.js';
import type { TestSocket } from './helpers/sockets.js';

/**
 * Issue 13: hostile payloads thrown at a running server, over real
 * socket.io-client connections and real HTTP. After every case the server
 * still answers /api/health; every event sent with an ack is answered exactly
 * once with a Result whose code is a documented one (never `internal`); and at
 * the end every stored thing a signed-in user can read is as it was, and no
 * prototype was polluted. The actors cannot change data when they behave (a
 * viewer joined to the document, a share-link reader, and an admin whose
 * bodies are never JSON objects), so any change is a breach.
 */
const DOCUMENTED = new Set<string>(ERROR_CODES.filter((c) => c !== 'internal'));

describe('fuzz: hostile input at a running server', () => {
  let server: TestServer;
  let adminCookie: string;
  let viewerCookie: string;
  let viewer: TestSocket;
  let reader: TestSocket;
  let real: { docId: string; paragraphId: string };
  /** ACK packets received per socket and ack id: each must come exactly once. */
  const acks = new Map<TestSocket, Map<number, number>>();

  const countAcks = (socket: TestSocket): void => {
    const seen = new Map<number, number>();
    acks.set(socket, seen);
    socket.io.on('packet', (p: Packet) => {
      if (p.type === PacketType.ACK && p.id !== undefined) seen.set(p.id, (seen.get(p.id) ?? 0) + 1);
    });
  };

  const visibleState = async (): Promise<unknown> => {
    const get = (path: string): Promise<unknown> => data(server.url, 'GET', path, { cookie: adminCookie });
    return {
      documents: await get('/api/documents'),
      demo: await get(`/api/documents/${real.docId}`),
      users: await get('/api/users'),
      glossary: await get('/api/glossary'),
      shares: await get(`/api/documents/${real.docId}/shares`),
      tm: await get('/api/tm/stats'),
    };
  };

  beforeAll(async () => {
    server = await startServer();
    adminCookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    await data(server.url, 'POST', '/api/users', {
      cookie: adminCookie,
      json: { username: 'onlooker', password: 'onlooker-password', isViewer: true },
    });
    viewerCookie = await login(server.url, 'onlooker', 'onlooker-password');
    viewer = await connectRaw(server.url, viewerCookie);
    const live = await joinDoc(viewer, server.demoDocId);
    real = { docId: server.demoDocId, paragraphId: live.doc.paragraphs[0]!.id };
    const share = await data<{ token: string }>(server.url, 'POST', `/api/documents/${real.docId}/shares`, {
      cookie: adminCookie,
      json: {},
    });
    reader = await connectRaw(server.url, undefined, PUBLIC_NAMESPACE, { token: share.token });
    countAcks(viewer);
    countAcks(reader);
  });
  afterAll(async () => {
    viewer.close();
    reader.close();
    await server.stop();
  });

  /** Sends one hostile emit; with an ack, resolves with what the ack carried. */
  function send(socket: TestSocket, e: HostileEmit): Promise<unknown> {
    const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => void;
    if (!e.withAck) {
      emit(e.event, ...e.args);
      return Promise.resolve(undefined);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(e.event)} in 5 s`)), 5_000);
      emit(e.event, ...e.args, (r: unknown) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  function expectDocumented(r: unknown): void {
    expect(r).toMatchObject({ ok: expect.any(Boolean) });
    const result = r as { ok: boolean; error?: { code: string; message: unknown } };
    if (!result.ok) {
      expect(DOCUMENTED.has(result.error?.code ?? ''), `code ${result.error?.code}`).toBe(true);
      expect(result.error?.message).toEqual(expect.any(String));
    }
  }

  it('answers every socket event once with a documented code, and keeps serving', async () => {
    const before = await visibleState();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), hostileEmit(real)), { minLength: 1, maxLength: 4 }), async (emits) => {
        for (const [toReader, e] of emits) {
          const socket = toReader ? reader : viewer;
          const r = await send(socket, e);
          if (e.withAck) expectDocumented(r);
        }
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        expect(viewer.connected && reader.connected).toBe(true);
      }),
      { numRuns: 150 },
    );
    // A duplicate ack would arrive after the first; give it a moment to show up.
    await new Promise((r) => setTimeout(r, 100));
    for (const seen of acks.values()) for (const [id, n] of seen) expect(n, `ack ${id}`).toBe(1);
    expect(await visibleState()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(server.logs.filter((l) => l.includes('internal error'))).toEqual([]);
  });

  const ROUTES: [method: string, path: (seg: string) => string][] = [
    ['POST', () => '/api/auth/login'],
    ['POST', () => '/api/auth/password'],
    ['POST', () => '/api/documents'],
    ['GET', (s) => `/api/documents/${s}`],
    ['DELETE', (s) => `/api/documents/${s}`],
    ['GET', (s) => `/api/documents/${s}/cells/${s}/zh/history`],
    ['GET', (s) => `/api/documents/${s}/activity`],
    ['POST', (s) => `/api/documents/${s}/pretranslate`],
    ['GET', (s) => `/api/documents/${s}/checks`],
    ['POST', (s) => `/api/documents/${s}/shares`],
    ['DELETE', (s) => `/api/documents/${real.docId}/shares/${s}`],
    ['GET', (s) => `/api/public/share/${s}`],
    ['POST', () => '/api/users'],
    ['PATCH', (s) => `/api/users/${s}`],
    ['POST', () => '/api/tm/lookup'],
    ['POST', () => '/api/tm/search'],
    ['POST', () => '/api/tm/import'],
    ['POST', () => '/api/glossary'],
    ['PUT', (s) => `/api/glossary/${s}`],
    ['POST', () => '/api/glossary/import'],
    ['GET', (s) => `/api/glossary/export/${s}`],
    ['POST', (s) => `/api/documents/${s}/import/translation/commit`],
    ['GET', (s) => `/api/documents/${s}/export?format=${s}`],
    ['POST', (s) => `/api/${s}`],
  ];

  it('answers hostile REST bodies and paths with a documented code, never 5xx', async () => {
    const before = await visibleState();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        hostileSegment,
        hostileBody,
        fc.constantFrom('viewer', 'admin', 'nobody'),
        async ([method, path], segment, body, who) => {
          // The admin sends bodies that are never JSON objects to the document's real id (refused by
          // every body schema); a route without a body (GET, DELETE) gets the hostile segment instead.
          const bodyRoute = method !== 'GET' && method !== 'DELETE';
          const target = path(who === 'admin' && bodyRoute ? real.docId : segment);
          const cookie = who === 'admin' ? adminCookie : who === 'viewer' ? viewerCookie : undefined;
          const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
          const res = await fetch(server.url + target, { method, headers, ...(method === 'GET' ? {} : { body }) });
          expect(res.status, `${method} ${target}`).toBeLessThan(500);
          const text = await res.text();
          if (res.status >= 400) {
            const parsed = JSON.parse(text) as { ok: false; error: { code: ErrorCode } };
            expectDocumented(parsed);
            expect(HTTP_STATUS[parsed.error.code]).toBe(res.status);
          }
          expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        },
      ),
      { numRuns: 150 },
    );
    expect(await visibleState()).toEqual(before);
    expect(server.logs.filter((l) => l.includes('internal error'))).toEqual([]);
  });
});
