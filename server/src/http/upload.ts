import type { Request, Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../../../shared/index.js';
import { badRequest, issuesOf } from '../errors.js';

/**
 * Reads an uploaded file (the raw request body) into memory, counting bytes as
 * they arrive. A declared Content-Length over the cap is refused before a byte
 * is read; a chunked body is refused the moment it passes the cap, and the
 * rest is never read: the connection is marked to close, so the error
 * response goes out at once and the sender's remaining bytes are dropped with
 * the socket instead of being drained (a 200 MB upload costs 16 MB at most).
 * `limit` is the installation's import limit (ANOR_MAX_IMPORT_BYTES).
 */
export function readUpload(req: Request, res: Response, limit: number): Promise<Buffer> {
  const tooLarge = (): AppError => {
    res.setHeader('connection', 'close');
    return new AppError('payload_too_large', `the file is over ${limit} bytes`, { limit });
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: AppError | null): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (err) {
        req.pause();
        chunks.length = 0;
        reject(err);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(tooLarge());
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish(null));
    req.on('aborted', () => finish(new AppError('bad_request', 'the upload was interrupted')));
    req.on('error', () => finish(new AppError('bad_request', 'the upload was interrupted')));
  });
}

/** A body already read (e.g. JSON from an upload) through its zod schema. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw badRequest(issuesOf(r.error, 'body'));
  return r.data;
}

/** A file sent inside a JSON body (TMX, glossary) is held to the same import limit as an upload. */
export function refuseOverLimit(content: string, limit: number): void {
  if (Buffer.byteLength(content, 'utf8') > limit) {
    throw new AppError('payload_too_large', `the file is over ${limit} bytes`, { limit });
  }
}
