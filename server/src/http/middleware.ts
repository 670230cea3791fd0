import express from 'express';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, HTTP_STATUS, MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH, MAX_REST_JSON_VALUES } from '../../../shared/index.js';
import { jsonShape } from '../edge/jsonShape.js';
import { toFail } from '../errors.js';
import type { Log } from '../errors.js';
import type { UserService } from '../services/users.js';

/**
 * Refuses a JSON body nested deeper than MAX_JSON_DEPTH or holding more than
 * MAX_REST_JSON_VALUES values, measured on the bytes before they are parsed
 * (jsonShape). JSON between systems is UTF-8 (RFC 8259 §8.1); other charsets
 * are refused rather than measured in another encoding.
 */
export function checkJsonText(bytes: Uint8Array, charset?: string): void {
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    throw new AppError('bad_request', 'JSON bodies must be UTF-8');
  }
  const shape = jsonShape(bytes, { maxDepth: MAX_JSON_DEPTH, maxValues: MAX_REST_JSON_VALUES });
  if (shape === 'too_deep') throw new AppError('bad_request', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (shape === 'too_many_values') throw new AppError('payload_too_large', `JSON of more than ${MAX_REST_JSON_VALUES} values`);
}

export function jsonBody(): RequestHandler {
  return express.json({
    limit: MAX_JSON_BODY_BYTES,
    verify: (_req, _res, buf, encoding) => checkJsonText(buf, encoding),
  });
}

/** Loads the session's user into `res.locals.user`, or fails with `unauthenticated`. */
export function requireSession(users: UserService): RequestHandler {
  return async (req, res, next) => {
    try {
      const { userId, startedAt } = req.session;
      const user = userId && startedAt ? await users.sessionUser(userId, startedAt) : undefined;
      if (!user) throw new AppError('unauthenticated', 'sign in first');
      res.locals.user = user;
      next();
    } catch (err) {
      next(err);
    }
  };
}

export const requireAdmin: RequestHandler = (_req, res, next) => {
  next(res.locals.user?.isAdmin ? undefined : new AppError('forbidden', 'administrators only'));
};

/** Unknown /api routes are coded errors, not the SPA's index.html. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no route ${req.method} ${req.originalUrl}`));
};

function bodyParserError(err: unknown): AppError | undefined {
  // body-parser wraps what `verify` threw (checkJsonText) as a 403; the AppError inside is what counts.
  if (err instanceof AppError) return err;
  if (typeof err !== 'object' || err === null || !('type' in err) || typeof err.type !== 'string') return undefined;
  if (err.type === 'entity.too.large') return new AppError('payload_too_large', `request body over ${MAX_JSON_BODY_BYTES} bytes`);
  if (err.type === 'entity.parse.failed') return new AppError('bad_request', 'malformed JSON body');
  // Unsupported charset/encoding, aborted or wrong-length bodies: all the client's doing.
  if ('status' in err && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    return new AppError('bad_request', `unreadable request body (${err.type})`);
  }
  return undefined;
}

/**
 * A path with a malformed percent-escape (`/api/documents/%ZZ`): the router
 * throws a URIError (status 400) while decoding a route parameter. It is the
 * client's mistake, so it is answered, not logged as a bug.
 */
function urlError(err: unknown): AppError | undefined {
  return err instanceof URIError ? new AppError('bad_request', 'malformed percent-escape in the URL') : undefined;
}

/** The one error handler; registered after every route. */
export function errorHandler(log: Log): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const failure = toFail(urlError(err) ?? bodyParserError(err) ?? err, log);
    res.status(HTTP_STATUS[failure.error.code]).json(failure);
  };
}
