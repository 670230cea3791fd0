import { Router } from 'express';
import type { Request } from 'express';
import { AppError, docIdParams } from '../../../../shared/index.js';
import { createShareBody, shareParams, shareTokenSchema } from '../../../../shared/protocol/share.js';
import type { CreatedShareDto, ReaderDocument, ShareLinkDto } from '../../../../shared/protocol/share.js';
import type { FailureThrottle } from '../../services/loginThrottle.js';
import { SHARE_THROTTLE_NAME } from '../../services/shares.js';
import type { ShareService } from '../../services/shares.js';
import { currentUser, handle } from '../handle.js';

/** Link management, mounted under /api/documents behind requireSession. */
export function shareRoutes(shares: ShareService): Router {
  const r = Router();

  r.post(
    '/:docId/shares',
    handle({ params: docIdParams, body: createShareBody, status: 201 }, ({ params, body, res }): Promise<CreatedShareDto> =>
      shares.create(params.docId, currentUser(res), body),
    ),
  );

  r.get(
    '/:docId/shares',
    handle({ params: docIdParams }, async ({ params, res }): Promise<{ shares: ShareLinkDto[] }> => ({
      shares: await shares.list(params.docId, currentUser(res)),
    })),
  );

  r.delete(
    '/:docId/shares/:shareId',
    handle({ params: shareParams }, async ({ params, res }): Promise<null> => {
      await shares.revoke(params.docId, params.shareId, currentUser(res));
      return null;
    }),
  );

  return r;
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
export function publicShareRoutes(shares: ShareService, throttle: FailureThrottle): Router {
  const r = Router();
  r.get(
    '/share/:token',
    handle({}, async ({ req, res }): Promise<{ document: ReaderDocument }> => {
      // Nothing a reader's browser may cache for others, nor send on as a referrer (the token is in the URL).
      res.setHeader('cache-control', 'no-store');
      res.setHeader('referrer-policy', 'no-referrer');
      return { document: await readWithThrottle(shares, throttle, addressOf(req), req.params.token) };
    }),
  );
  return r;
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
