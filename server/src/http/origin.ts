import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../../../shared/index.js';
import { requestHost, requestProtocol } from './proxy.js';
import type { TrustFn } from './proxy.js';

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
 * that TRUST_PROXY trusts, X-Forwarded-Proto and X-Forwarded-Host say it (the
 * browser sent `Origin: https://public.example` to the proxy, which reached
 * us over http on an inner address); otherwise the connection and Host decide.
 */
export function ownOrigin(req: IncomingMessage, trust: TrustFn): string | undefined {
  const host = requestHost(req, trust);
  if (!host) return undefined;
  return normalizeOrigin(`${requestProtocol(req, trust)}://${host}`);
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * A request's `Origin` against the server's own and the allowed ones. No
 * Origin at all is a client that is not a browser page (curl, the CLI, a
 * same-origin GET), accepted — unless `Sec-Fetch-Site: cross-site` says a
 * browser sent it from another site, which then must have sent Origin too.
 */
export function judgeOrigin(req: IncomingMessage, allowed: ReadonlySet<string>, trust: TrustFn): OriginVerdict {
  const header = req.headers.origin;
  if (header === undefined) {
    return req.headers['sec-fetch-site'] === 'cross-site' ? { ok: false, reason: 'a cross-site request without Origin' } : { ok: true };
  }
  const origin = normalizeOrigin(header);
  if (origin !== undefined && (origin === ownOrigin(req, trust) || allowed.has(origin))) return { ok: true };
  return { ok: false, reason: `origin ${JSON.stringify(header.slice(0, 200))} is not allowed` };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses state-changing requests (not GET/HEAD/OPTIONS) from other origins with 403 `forbidden_origin`. */
export function requireAllowedOrigin(allowed: ReadonlySet<string>, trust: TrustFn): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const verdict = judgeOrigin(req, allowed, trust);
    next(verdict.ok ? undefined : new AppError('forbidden_origin', verdict.reason));
  };
}
