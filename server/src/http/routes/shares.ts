import type { Request } from 'express';
import { z } from 'zod';
import { AppError, docIdParams } from '../../../../shared/index.js';
import { createShareBody, shareParams, shareTokenSchema } from '../../../../shared/protocol/share.js';
import type { ReaderDocument } from '../../../../shared/protocol/share.js';
import type { FailureThrottle } from '../../services/loginThrottle.js';
import { SHARE_THROTTLE_NAME } from '../../services/shares.js';
import type { ShareService } from '../../services/shares.js';
import { currentUser } from '../currentUser.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';

const anyToken = z.object({ token: z.string() });

/** Link management, mounted under /api/documents behind requireSession. */
export function shareRoutes(m: Mount<'/api/documents'>, shares: ShareService): void {
  route(m, 'POST /api/documents/:docId/shares', { params: docIdParams, body: createShareBody, status: 201 }, ({ params, body, res }) =>
    shares.create(params.docId, currentUser(res), body),
  );
  route(m, 'GET /api/documents/:docId/shares', { params: docIdParams }, async ({ params, res }) => ({
    shares: await shares.list(params.docId, currentUser(res)),
  }));
  route(m, 'DELETE /api/documents/:docId/shares/:shareId', { params: shareParams }, async ({ params, res }) => {
    await shares.revoke(params.docId, params.shareId, currentUser(res));
    return null;
  });
}

/** The `address` key for the failure throttle (the same as login's). */
export function addressOf(req: Request): string {
  return req.ip ?? 'unknown';
}

/**
 * The reader's one route, mounted under /api/public without a session. A
 * malformed token is `not_found` like an unknown one (not `bad_request`), so
 * probing learns nothing; failures count per address and past the budget
 * every lookup from there is `rate_limited` for the window.
 */
export function publicShareRoutes(m: Mount<'/api/public'>, shares: ShareService, throttle: FailureThrottle): void {
  // Any string: the token's shape is checked by readWithThrottle, and counts as a failure there.
  route(m, 'GET /api/public/share/:token', { params: anyToken }, async ({ params, req, res }) => {
    // Nothing a reader's browser may cache for others, nor send on as a referrer (the token is in the URL).
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    return { document: await readWithThrottle(shares, throttle, addressOf(req), params.token) };
  });
}

export async function readWithThrottle(
  shares: ShareService,
  throttle: FailureThrottle,
  address: string,
  token: unknown,
): Promise<ReaderDocument> {
  await throttle.check(address, SHARE_THROTTLE_NAME);
  try {
    const parsed = shareTokenSchema.safeParse(token);
    if (!parsed.success) throw new AppError('not_found', 'no such link');
    return await shares.readerDocument(parsed.data);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') await throttle.failed(address, SHARE_THROTTLE_NAME);
    throw err;
  }
}
