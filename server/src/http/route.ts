import { Router } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ok, splitRouteKey } from '../../../shared/index.js';
import type { RouteBody, RouteKey, WireFile, RouteParamName, RouteQuery, RouteRes } from '../../../shared/index.js';
import { badRequest, issuesOf } from '../errors.js';
import type { IssueDto } from '../errors.js';

/**
 * REST routes registered by their key in the shared route map
 * (shared/protocol/rest.ts), the one the client's `request()` is typed by:
 * the method and the path come from the key, the schemas must produce what
 * the map declares, and the handler must answer the map's `res` — a route
 * answering another shape does not compile (route.test.ts).
 */

/** A router mounted at `base`; its routes are the map's keys under that path. */
export interface Mount<B extends string> {
  readonly base: B;
  readonly router: Router;
}

export function mount<B extends `/api${string}`>(base: B): Mount<B> {
  return { base, router: Router() };
}

type KeyUnder<B extends string> = Extract<RouteKey, `${string} ${B}` | `${string} ${B}/${string}`>;
type Json<K extends RouteKey> = Exclude<RouteBody<K>, WireFile>;

/** No schema where the map has no part; where it has one, a schema whose output is what the map declares. */
type BodySpec<K extends RouteKey> = [Json<K>] extends [never]
  ? { body?: never }
  : WireFile extends RouteBody<K>
    ? { body?: z.ZodType<Json<K>> }
    : { body: z.ZodType<Json<K>> };
type ParamsSpec<K extends RouteKey> = [RouteParamName<K>] extends [never]
  ? { params?: never }
  : { params: z.ZodType<Record<RouteParamName<K>, string>> };
type QuerySpec<K extends RouteKey> = [RouteQuery<K>] extends [never] ? { query?: never } : { query: z.ZodType<unknown, RouteQuery<K>> };

export type RouteSpec<K extends RouteKey> = BodySpec<K> &
  ParamsSpec<K> &
  QuerySpec<K> & {
    /** Success status (default 200). */
    status?: number;
    /** Middleware between the mount's and this handler (an authorisation gate). */
    before?: RequestHandler[];
    /** The raw body for the schema when it is not the JSON parser's (a JSON body sent as an upload). */
    readBody?: (req: Request, res: Response) => Promise<unknown>;
    /** Answer `res` itself, without the Result envelope (/api/health only). */
    bare?: true;
  };

type Out<S, P extends string> = S extends Record<P, z.ZodType> ? z.output<S[P]> : undefined;

export interface RouteInput<S> {
  body: Out<S, 'body'>;
  params: Out<S, 'params'>;
  query: Out<S, 'query'>;
  req: Request;
  res: Response;
}

/** What a download route's handler returns: sent as an attachment, not in an envelope. */
export class FileReply {
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    readonly body: Buffer | string,
  ) {}
}

export type Reply<K extends RouteKey> = RouteRes<K> extends WireFile | string ? FileReply : RouteRes<K>;

/** The handler registered for a key carries it, so a test can list what the app serves. */
export type KeyedHandler = RequestHandler & { routeKey: RouteKey };

export function route<B extends string, K extends KeyUnder<B>, S extends RouteSpec<K>>(
  m: Mount<B>,
  key: K,
  spec: S,
  fn: (input: RouteInput<S>) => Reply<K> | Promise<Reply<K>>,
): void {
  const { method, path } = splitRouteKey(key);
  // The types already refuse a key outside the mount; this keeps a cast from registering it elsewhere.
  if (path !== m.base && !path.startsWith(`${m.base}/`)) throw new Error(`${key} is not under ${m.base}`);
  const sub = path.slice(m.base.length) || '/';
  const handler = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const issues: IssueDto[] = [];
      const params = parsePart(spec.params, req.params, 'params', issues);
      const query = parsePart(spec.query, req.query, 'query', issues);
      // A body read here (an upload-sized JSON) is not read at all for a request already refused.
      if (spec.readBody && issues.length > 0) throw badRequest(issues);
      const body = parsePart(spec.body, spec.readBody ? await spec.readBody(req, res) : req.body, 'body', issues);
      if (issues.length > 0) throw badRequest(issues);
      const input = { body, params, query, req, res } as RouteInput<S>;
      send(res, spec, await fn(input));
    } catch (err) {
      // Refused before an upload was read: close, or Node would drain the unread body, however large.
      if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
      next(err);
    }
  };
  const keyed: KeyedHandler = Object.assign((req: Request, res: Response, next: NextFunction) => void handler(req, res, next), {
    routeKey: key,
  });
  const register = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  m.router[register](sub, ...(spec.before ?? []), keyed);
}

function send(res: Response, spec: { status?: number; bare?: true }, data: unknown): void {
  res.status(spec.status ?? 200);
  if (data instanceof FileReply) {
    res.setHeader('content-type', data.contentType);
    // RFC 6266/5987: an ASCII fallback plus the UTF-8 name (titles are often Cyrillic or Chinese).
    const ascii = data.fileName.replace(/[^\x20-\x7E]/gu, '_').replace(/["\\]/gu, '_');
    res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(data.fileName)}`);
    res.setHeader('cache-control', 'no-store');
    res.send(data.body);
  } else res.json(spec.bare ? data : ok(data));
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string, issues: IssueDto[]): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  issues.push(...issuesOf(r.error, where));
  return undefined;
}
