import { createHash, randomBytes } from 'node:crypto';
import { AppError, can } from '../../../shared/index.js';
import type { DocumentMeta } from '../../../shared/index.js';
import { MAX_SHARE_LIFETIME_MS, MAX_SHARES_PER_DOCUMENT, SHARE_TOKEN_LENGTH } from '../../../shared/protocol/share.js';
import type { CreateShareBody, CreatedShareDto, ReaderDocument, ShareLinkDto } from '../../../shared/protocol/share.js';
import { toReaderDocument } from '../../../shared/reading/reader.js';
import type { ShareRecord, ShareStore, UserRecord } from '../storage/types.js';
import type { DocumentService } from './documents/index.js';
import { newId } from './ids.js';

/** Links that stopped working: revoked, or their document deleted. Live readers are cut. */
export type SharesEndedListener = (shares: readonly ShareRecord[]) => void;

/** The failure throttle counts (address, name) pairs; share lookups use one fixed name. */
export const SHARE_THROTTLE_NAME = '\u0000share';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * "A document admin" may share it: global admins (document.settings is theirs
 * alone in shared/domain/roles.ts) and the document's creator, unless that
 * account has since been made read-only.
 */
export function isDocumentAdmin(user: UserRecord, meta: DocumentMeta): boolean {
  return can(user, 'document.settings', { doc: meta }) || (meta.createdBy === user.id && user.isViewer !== true);
}

function toDto(s: ShareRecord): ShareLinkDto {
  return { id: s.id, docId: s.docId, createdAt: s.createdAt, createdBy: s.createdBy, expiresAt: s.expiresAt };
}

/**
 * Read-only share links as use cases. Tokens are 32 random bytes; only their
 * SHA-256 is stored, so a leaked shares.json opens nothing. Every way a token
 * can fail (malformed, unknown, revoked, expired, document gone) is the same
 * `not_found`, so a caller learns nothing about which links exist.
 */
export class ShareService {
  private readonly listeners = new Set<SharesEndedListener>();

  constructor(
    private readonly store: ShareStore,
    private readonly documents: DocumentService,
    private readonly now: () => number = Date.now,
  ) {}

  onEnded(listener: SharesEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async create(docId: string, user: UserRecord, body: CreateShareBody): Promise<CreatedShareDto> {
    this.authorize(docId, user);
    const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : null;
    if (expiresAt !== null && (expiresAt <= this.now() || expiresAt - this.now() > MAX_SHARE_LIFETIME_MS)) {
      throw new AppError('bad_request', 'expiresAt must be in the future and within a year', [
        { path: ['body', 'expiresAt'], code: 'out_of_range', message: 'in the future, at most a year ahead' },
      ]);
    }
    const existing = (await this.store.list()).filter((s) => s.docId === docId);
    if (existing.length >= MAX_SHARES_PER_DOCUMENT)
      throw new AppError('conflict', `a document has at most ${MAX_SHARES_PER_DOCUMENT} links`);
    const token = randomBytes(32).toString('base64url');
    // base64url of 32 bytes is always 43 characters; the schema on the way back in relies on it.
    if (token.length !== SHARE_TOKEN_LENGTH) throw new Error('unexpected token length');
    const record: ShareRecord = {
      id: newId('s_'),
      docId,
      tokenHash: hashToken(token),
      createdAt: new Date(this.now()).toISOString(),
      createdBy: user.id,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    };
    await this.store.add(record);
    return { share: toDto(record), token };
  }

  async list(docId: string, user: UserRecord): Promise<ShareLinkDto[]> {
    this.authorize(docId, user);
    return (await this.store.list()).filter((s) => s.docId === docId).map(toDto);
  }

  async revoke(docId: string, shareId: string, user: UserRecord): Promise<void> {
    this.authorize(docId, user);
    const share = (await this.store.list()).find((s) => s.id === shareId && s.docId === docId);
    if (!share || !(await this.store.remove(shareId))) throw new AppError('not_found', `no link ${shareId} on document ${docId}`);
    this.ended([share]);
  }

  /** The live link of a token, or `not_found` (whatever the reason). */
  async resolve(token: string): Promise<ShareRecord> {
    const share = await this.store.findByTokenHash(hashToken(token));
    const live = share && (share.expiresAt === null || Date.parse(share.expiresAt) > this.now()) && this.documentExists(share.docId);
    if (!share || !live) throw new AppError('not_found', 'no such link');
    return share;
  }

  /** Whether a link still exists and has not expired (a reader who connected may have raced a revoke). */
  async isLive(shareId: string): Promise<boolean> {
    const share = (await this.store.list()).find((s) => s.id === shareId);
    return (
      share !== undefined && (share.expiresAt === null || Date.parse(share.expiresAt) > this.now()) && this.documentExists(share.docId)
    );
  }

  async readerDocument(token: string): Promise<ReaderDocument> {
    const share = await this.resolve(token);
    return toReaderDocument(await this.documents.reads.snapshot(share.docId));
  }

  /** A deleted document's links go with it (and its readers are cut). */
  async documentDeleted(docId: string): Promise<void> {
    const gone = await this.store.removeForDocument(docId);
    if (gone.length > 0) this.ended(gone);
  }

  private documentExists(docId: string): boolean {
    try {
      this.documents.reads.meta(docId);
      return true;
    } catch {
      return false;
    }
  }

  private authorize(docId: string, user: UserRecord): void {
    if (!isDocumentAdmin(user, this.documents.reads.meta(docId)))
      throw new AppError('forbidden', 'only the document admins manage its links');
  }

  private ended(shares: readonly ShareRecord[]): void {
    for (const l of this.listeners) l(shares);
  }
}
