import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { RequestHandler } from 'express';
import { AppError } from '../../../shared/index.js';

/**
 * Cross-site protection: which origins may change state over REST and open a
 * Socket.IO connection (docs/protocol.md, "Origins"). The server's own origin
 * — the scheme and Host the request was addressed to — and the origins listed
 * in ALLOWED_ORIGINS. Everything that decides lives in this file.
 */

/** `scheme://host[:port]` as browsers send it in `Origin` (lower case, default port dropped), or undefined. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === 'null') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * The origin this request was addressed to. Behind a TLS-terminating proxy
 * this is where X-Forwarded-Proto/-Host would be read, once TRUST_PROXY says
 * they can be believed; until then, the connection itself and Host decide.
 */
export function ownOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  return normalizeOrigin(`${scheme}://${host}`);
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * A request's `Origin` against the server's own and the allowed ones. No
 * Origin at all is a client that is not a browser page (curl, the CLI, a
 * same-origin GET), accepted — unless `Sec-Fetch-Site: cross-site` says a
 * browser sent it from another site, which then must have sent Origin too.
 */
export function judgeOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): OriginVerdict {
  const header = req.headers.origin;
  if (header === undefined) {
    return req.headers['sec-fetch-site'] === 'cross-site' ? { ok: false, reason: 'a cross-site request without Origin' } : { ok: true };
  }
  const origin = normalizeOrigin(header);
  if (origin !== undefined && (origin === ownOrigin(req) || allowed.has(origin))) return { ok: true };
  return { ok: false, reason: `origin ${JSON.stringify(header.slice(0, 200))} is not allowed` };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses state-changing requests (not GET/HEAD/OPTIONS) from other origins with 403 `forbidden_origin`. */
export function requireAllowedOrigin(allowed: ReadonlySet<string>): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const verdict = judgeOrigin(req, allowed);
    next(verdict.ok ? undefined : new AppError('forbidden_origin', verdict.reason));
  };
}
