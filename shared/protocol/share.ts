import { z } from 'zod';
import type { Lang } from '../languages.js';

/**
 * Read-only share links and the public reader, on the wire.
 *
 * A link is a random token (32 bytes, base64url: 43 characters). The server
 * keeps only its SHA-256, so the token is shown once, when it is made; the
 * list of a document's links names them by `id`. Everything under
 * `/api/public/share/:token` and the `/public` Socket.IO namespace works
 * without an account and exposes a `ReaderDocument` only: approved texts,
 * languages, title and paragraph ids — no user, no draft, no revision.
 */

/** 32 random bytes in base64url without padding. */
export const SHARE_TOKEN_LENGTH = 43;
export const shareTokenSchema = z
  .string()
  .length(SHARE_TOKEN_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/u);
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/u, 'letters, digits, _ and - only');

/** Links live at most a year: a forgotten link should not stay open for ever. */
export const MAX_SHARE_LIFETIME_MS = 366 * 24 * 3600 * 1000;
/** Links per document; past this the admin revokes old ones first. */
export const MAX_SHARES_PER_DOCUMENT = 50;

export const createShareBody = z.object({
  /** When the link stops working (ISO 8601 with an offset); omitted or null: until revoked. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type CreateShareBody = z.infer<typeof createShareBody>;

export const shareTokenParams = z.object({ token: shareTokenSchema });
export const shareParams = z.object({ docId: id, shareId: id });

/** A link as its document's admins see it (never the token: only its hash is stored). */
export interface ShareLinkDto {
  id: string;
  docId: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
}

/** The answer to creating a link: the only time the token is ever sent. */
export interface CreatedShareDto {
  share: ShareLinkDto;
  token: string;
}

/**
 * What a reader without an account receives: approved texts only. The source
 * column shows its approved text, or its current text when it was never
 * reviewed (it is the original everything is translated from); a target never
 * approved is null.
 */
export interface ReaderDocument {
  title: string;
  sourceLang: Lang;
  langs: Lang[];
  paragraphs: ReaderParagraph[];
}

export interface ReaderParagraph {
  id: string;
  texts: Partial<Record<Lang, string | null>>;
}

export interface ShareRoutes {
  'POST /api/documents/:docId/shares': { body: CreateShareBody; res: CreatedShareDto };
  'GET /api/documents/:docId/shares': { body: never; res: { shares: ShareLinkDto[] } };
  /** Revoking deletes the link and disconnects its readers at once. */
  'DELETE /api/documents/:docId/shares/:shareId': { body: never; res: null };
  'GET /api/public/share/:token': { body: never; res: { document: ReaderDocument } };
}

// ---- The `/public` Socket.IO namespace ----

/** The handshake's `auth` object: `io('/public', { auth: { token } })`. */
export const publicHandshakeSchema = z.object({ token: shareTokenSchema });

export { PUBLIC_NAMESPACE } from './shareNames.js';

/** One cell's reader text changed (a new approval). */
export interface ReaderCellUpdate {
  paragraphId: string;
  lang: Lang;
  text: string | null;
}

export interface PublicServerToClientEvents {
  'share:cell': (update: ReaderCellUpdate) => void;
  /** Paragraphs were added, removed, split or joined: fetch the document again. */
  'share:structure': () => void;
  /** The link was revoked, expired or its document deleted; the server disconnects next. */
  'share:ended': (payload: { code: 'not_found' }) => void;
}

/** Readers only listen. */
export type PublicClientToServerEvents = Record<string, never>;
