import type { RestRoutes } from './rest.js';
import type { WireFile } from './wireFile.js';

export type { WireFile };

/**
 * What a route key (`'GET /api/documents/:docId'`) says, as types and as
 * values: the method and the path are spelt once, in the key, and both the
 * client's `request()` and the server's `route()` take them from there.
 */
export type RouteKey = keyof RestRoutes;
export type RouteMethod<K extends RouteKey> = K extends `${infer M} ${string}` ? M : never;
export type RoutePath<K extends RouteKey> = K extends `${string} ${infer P}` ? P : never;

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;
/** The `:name` segments of a route's path. */
export type RouteParamName<K extends RouteKey> = ParamNames<RoutePath<K>>;
export type RouteParams<K extends RouteKey> = Record<RouteParamName<K>, string>;

export type RouteBody<K extends RouteKey> = RestRoutes[K]['body'];
export type RouteRes<K extends RouteKey> = RestRoutes[K]['res'];
export type RouteQuery<K extends RouteKey> = RestRoutes[K] extends { query: infer Q } ? Q : never;

/** Routes whose answer is a file (a download), not a Result envelope. */
export type DownloadRoute = { [K in RouteKey]: RouteRes<K> extends WireFile | string ? K : never }[RouteKey];

export function splitRouteKey(key: RouteKey): { method: string; path: string } {
  const at = key.indexOf(' ');
  return { method: key.slice(0, at), path: key.slice(at + 1) };
}

/** The path with each `:name` replaced by its (URI-encoded) value. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:(\w+)/gu, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
