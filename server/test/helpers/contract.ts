import { z } from 'zod';
import { ERROR_CODES, splitRouteKey } from '../../../shared/index.js';
import type { RouteKey } from '../../../shared/index.js';
import { DOWNLOAD_ROUTES, responseSchemas } from '../../../shared/protocol/responses.js';

/** Every key of the route map, read from the runtime tables that the types hold complete. */
export const ROUTE_KEYS: readonly RouteKey[] = [...(Object.keys(responseSchemas) as RouteKey[]), ...DOWNLOAD_ROUTES];

const matchers = ROUTE_KEYS.map((key) => {
  const { method, path } = splitRouteKey(key);
  const pattern = path.replace(/:\w+/gu, '[^/]+');
  return { key, method, re: new RegExp(`^${pattern}$`, 'u') };
});

/** The route a request went to, by method and path (query left out); null for a path outside the map. */
export function routeOf(method: string, url: string): RouteKey | null {
  const path = url.split('?')[0] ?? '';
  // The most specific template wins: '/api/users/directory' over '/api/users/:userId'.
  const hits = matchers.filter((m) => m.method === method.toUpperCase() && m.re.test(path));
  hits.sort((a, b) => a.re.source.split('[^/]+').length - b.re.source.split('[^/]+').length);
  return hits[0]?.key ?? null;
}

const errorEnvelope = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});

/**
 * A real answer against the contract: a success's `data` must parse with its
 * route's response schema (strict: an undeclared field fails), a failure
 * must be a coded error envelope. Throws a readable error otherwise; returns
 * the route it checked against (null: a path the map does not have).
 */
export function checkAnswer(method: string, url: string, body: unknown): RouteKey | null {
  const key = routeOf(method, url);
  if (key === null || (DOWNLOAD_ROUTES as readonly string[]).includes(key)) return key;
  const schema = responseSchemas[key as keyof typeof responseSchemas];
  const okBody = typeof body === 'object' && body !== null && 'ok' in body && body.ok === true;
  const r =
    key === 'GET /api/health'
      ? schema.safeParse(body)
      : okBody
        ? schema.safeParse((body as { data?: unknown }).data)
        : errorEnvelope.safeParse(body);
  if (!r.success)
    throw new Error(`${key}: the answer breaks the contract: ${z.prettifyError(r.error)}\n${JSON.stringify(body).slice(0, 500)}`);
  return key;
}
