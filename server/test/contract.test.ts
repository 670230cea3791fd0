import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { CLIENT_EVENT_NAMES, SERVER_EVENT_NAMES } from '../../shared/index.js';
import type { DownloadRoute, RouteKey } from '../../shared/index.js';
import type { DOWNLOAD_ROUTES } from '../../shared/protocol/responses.js';
import type { KeyedHandler } from '../src/http/route.js';
import { ROUTE_KEYS, routeOf } from './helpers/contract.js';
import { startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';

/** A layer of Express 5's router stack, as far as this test reads it. */
interface Layer {
  rawPath?: unknown;
  handle: { stack?: Layer[]; routeKey?: unknown };
  route?: { path: unknown; methods: Record<string, boolean>; stack: Layer[] };
}

/** What the app serves under /api: each route's method, full path and the key its handler was registered with. */
function servedRoutes(stack: readonly Layer[], base = ''): { spelt: string; key: unknown }[] {
  const out: { spelt: string; key: unknown }[] = [];
  for (const layer of stack) {
    const at = typeof layer.rawPath === 'string' ? layer.rawPath : '';
    if (layer.route) {
      const path = `${base}${String(layer.route.path)}`.replace(/(.)\/$/u, '$1');
      if (!path.startsWith('/api')) continue;
      const keys = layer.route.stack.map((l) => (l.handle as Partial<KeyedHandler>).routeKey).filter((k) => k !== undefined);
      for (const method of Object.keys(layer.route.methods)) out.push({ spelt: `${method.toUpperCase()} ${path}`, key: keys[0] });
    } else if (layer.handle.stack) out.push(...servedRoutes(layer.handle.stack, `${base}${at === '/' ? '' : at}`));
  }
  return out;
}

describe('one contract: the route map, the app and docs/protocol.md list the same routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop({ remove: true }));

  it('holds every key of the map in its runtime tables', () => {
    expectTypeOf<(typeof ROUTE_KEYS)[number]>().toEqualTypeOf<RouteKey>();
    expectTypeOf<(typeof DOWNLOAD_ROUTES)[number]>().toEqualTypeOf<DownloadRoute>();
    expect(new Set(ROUTE_KEYS).size).toBe(ROUTE_KEYS.length);
  });

  it('serves exactly the keys of the map, each registered by route() under the path its key spells', () => {
    const stack = (server.app.app as unknown as { router: { stack: Layer[] } }).router.stack;
    const served = servedRoutes(stack);
    for (const r of served) expect(r.key, `${r.spelt} is registered without route()`).toBe(r.spelt);
    expect(served.map((r) => r.spelt).sort()).toEqual([...ROUTE_KEYS].sort());
  });

  it('documents exactly the keys of the map in docs/protocol.md', async () => {
    const doc = await readFile(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `((?:GET|POST|PUT|PATCH|DELETE) \/api[^`]*)` \|/gmu)].map((m) => m[1] ?? '');
    expect(new Set(documented).size, 'a route documented twice').toBe(documented.length);
    expect(documented.sort()).toEqual([...ROUTE_KEYS].sort());
  });

  it('finds the route of a concrete request, the most specific template first', () => {
    expect(routeOf('GET', '/api/users/directory')).toBe('GET /api/users/directory');
    expect(routeOf('PATCH', '/api/users/u_1')).toBe('PATCH /api/users/:userId');
    expect(routeOf('GET', '/api/documents/d1/cells/p1/ru/history?x=1')).toBe('GET /api/documents/:docId/cells/:paragraphId/:lang/history');
    expect(routeOf('GET', '/api/nothing')).toBeNull();
  });
});

describe('one contract: the socket event maps and docs/protocol.md list the same events', () => {
  /** The event names in the first column of the table under `heading`, up to the next heading. */
  const documentedUnder = async (heading: string): Promise<string[]> => {
    const doc = await readFile(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
    const start = doc.indexOf(`\n${heading}\n`);
    expect(start, `no heading ${heading}`).toBeGreaterThan(0);
    const end = doc.indexOf('\n#', start + heading.length + 2);
    const section = doc.slice(start, end === -1 ? undefined : end);
    return [...section.matchAll(/^\| `([a-z]+:[a-zA-Z]+)` \|/gmu)].map((m) => m[1] ?? '');
  };

  it('documents every client event once', async () => {
    const documented = await documentedUnder('### Client → server');
    expect(documented.sort()).toEqual([...CLIENT_EVENT_NAMES].sort());
  });

  it('documents every server event once', async () => {
    const documented = await documentedUnder('### Server → client');
    expect(documented.sort()).toEqual([...SERVER_EVENT_NAMES].sort());
  });
});
