import type { Namespace } from 'socket.io';
import { AppError } from '../../../shared/index.js';
import type { DocEvent } from '../../../shared/index.js';
import { PUBLIC_NAMESPACE, publicHandshakeSchema } from '../../../shared/protocol/share.js';
import { shareEndSchema } from '../../../shared/protocol/cluster.js';
import type { PublicClientToServerEvents, PublicServerToClientEvents } from '../../../shared/protocol/share.js';
import { approvedTextOf } from '../../../shared/reading/reader.js';
import type { Log } from '../errors.js';
import type { DocumentService } from '../services/documents/index.js';
import type { FailureThrottle } from '../services/loginThrottle.js';
import { clientAddress } from '../http/proxy.js';
import type { TrustFn } from '../http/proxy.js';
import { SHARE_THROTTLE_NAME } from '../services/shares.js';
import type { ShareService } from '../services/shares.js';
import { eventBoundary } from './boundary.js';
import type { AnorServer } from './types.js';

interface ReaderData {
  shareId: string;
  docId: string;
  expiresAt: string | null;
}

/** Between nodes: a link revoked on one node ends its readers on every node. */
interface PublicServerSideEvents {
  'share:end': (room: unknown) => void;
}
type PublicNamespace = Namespace<PublicClientToServerEvents, PublicServerToClientEvents, PublicServerSideEvents, ReaderData>;

const docRoom = (docId: string): string => `public-doc:${docId}`;
const shareRoom = (shareId: string): string => `public-share:${shareId}`;
/** setTimeout's ceiling (~24.8 days); a later expiry is checked again when that timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const STRUCTURAL: ReadonlySet<DocEvent['type']> = new Set([
  'paragraph.inserted',
  'paragraph.deleted',
  'paragraph.split',
  'paragraph.joined',
]);

/**
 * The `/public` namespace: share-link readers without an account. A reader
 * connects with `auth: { token }`; the handshake is refused (`connect_error`
 * with message `not_found`, or `rate_limited`) unless the link is live. Readers
 * receive derived updates only — the new approved text of a cell, or "the
 * paragraphs changed, fetch again" — never a DocEvent, which names its author.
 * Revoking, expiry and deleting the document end the connection.
 */
export function attachPublicReaders(deps: {
  io: AnorServer;
  shares: ShareService;
  documents: DocumentService;
  throttle: FailureThrottle;
  /** Which proxies' X-Forwarded-For to believe for the throttle's address (TRUST_PROXY), as REST does. */
  trust: TrustFn;
  /** Several nodes on one database (the adapter carries serverSideEmit). */
  clustered: boolean;
  log: Log;
}): PublicNamespace {
  const { shares, documents, throttle, log } = deps;
  // The server is typed with the workbench's event maps; this namespace has its own.
  const nsp = deps.io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace;

  nsp.use((socket, next) => {
    const address = clientAddress(socket.request, deps.trust);
    const refuse = (code: 'not_found' | 'rate_limited' | 'internal'): void => next(new Error(code));
    const admit = async (): Promise<void> => {
      await throttle.check(address, SHARE_THROTTLE_NAME);
      const parsed = publicHandshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) throw new AppError('not_found', 'no such link');
      const share = await shares.resolve(parsed.data.token);
      socket.data.shareId = share.id;
      socket.data.docId = share.docId;
      socket.data.expiresAt = share.expiresAt;
    };
    admit().then(
      () => next(),
      async (err: unknown) => {
        if (err instanceof AppError && err.code === 'rate_limited') return refuse('rate_limited');
        if (err instanceof AppError && err.code === 'not_found') {
          await throttle.failed(address, SHARE_THROTTLE_NAME).catch((e: unknown) => log(`share throttle failed: ${String(e)}`));
          return refuse('not_found');
        }
        log(`public reader handshake failed: ${String(err)}`);
        refuse('internal');
      },
    );
  });

  // Readers send nothing: every event from them is answered `bad_request` (if it has an ack).
  const boundary = eventBoundary(new Set(), log);
  nsp.on('connection', (socket) => {
    socket.use(boundary);
    void socket.join([docRoom(socket.data.docId), shareRoom(socket.data.shareId)]);
    if (socket.data.expiresAt !== null) endAt(socket, Date.parse(socket.data.expiresAt));
    // A revoke between the handshake's lookup and joining the rooms above would have been missed.
    shares.isLive(socket.data.shareId).then(
      (live) => {
        if (live) return;
        socket.emit('share:ended', { code: 'not_found' });
        socket.disconnect(true);
      },
      (err: unknown) => log(`public reader check failed: ${String(err)}`),
    );
  });

  function endAt(
    socket: { emit: PublicNamespace['emit']; disconnect(close?: boolean): unknown; on(ev: 'disconnect', cb: () => void): unknown },
    at: number,
  ): void {
    const wait = Math.max(0, at - Date.now());
    const timer = setTimeout(
      () => {
        if (Date.now() < at) {
          endAt(socket, at);
          return;
        }
        socket.emit('share:ended', { code: 'not_found' });
        socket.disconnect(true);
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    timer.unref();
    socket.on('disconnect', () => clearTimeout(timer));
  }

  // Told, then closed, by each node for its own readers: sent apart through the adapter, the two could overtake each other.
  function endRoom(room: string): void {
    nsp.local.to(room).emit('share:ended', { code: 'not_found' });
    nsp.local.in(room).disconnectSockets(true);
  }

  // A link ends on the node that revoked it (or saw it expire): the others are told.
  shares.onEnded((gone) => {
    for (const s of gone) {
      endRoom(shareRoom(s.id));
      if (deps.clustered) nsp.serverSideEmit('share:end', shareRoom(s.id));
    }
  });
  if (deps.clustered) {
    nsp.on('share:end', (raw) => {
      const room = shareEndSchema.safeParse(raw);
      if (room.success && room.data.startsWith('public-share:')) endRoom(room.data);
    });
  }

  function documentGone(docId: string): void {
    endRoom(docRoom(docId));
    shares.documentDeleted(docId).catch((err: unknown) => log(`could not drop the links of ${docId}: ${String(err)}`));
  }

  documents.engine.onCommitted((docId, events) => {
    const room = docRoom(docId);
    // Most documents have no public reader at any moment: then only a deletion matters here.
    // With several nodes, readers may be on a node that does not hold the document: every holder sends
    // through the adapter (a reader may get one update from each holder; each sets the same text).
    const hasReaders = deps.clustered || (nsp.adapter.rooms.get(room)?.size ?? 0) > 0;
    for (const ev of events) {
      if (ev.type === 'document.deleted') {
        documentGone(docId);
        return;
      }
      if (!hasReaders) continue;
      if (STRUCTURAL.has(ev.type)) {
        nsp.to(room).emit('share:structure');
        continue;
      }
      if (ev.type !== 'cell.status' && ev.type !== 'cell.edited') continue;
      if (ev.type === 'cell.status' && ev.status !== 'approved') continue;
      const found = documents.reads.paragraph(docId, ev.paragraphId);
      if (!found) continue;
      const isSource = ev.lang === found.meta.sourceLang;
      const cell = found.paragraph.cells[ev.lang];
      // Typing changes what readers see only in a source column nobody reviewed (shown as it is).
      if (ev.type === 'cell.edited' && !(isSource && cell?.approvedRev === null)) continue;
      nsp.to(room).emit('share:cell', { paragraphId: ev.paragraphId, lang: ev.lang, text: approvedTextOf(cell, isSource) });
    }
  });

  // A copy read again was stale until now, and this node's readers fetch their page from it (after every structural
  // change, told by whichever node committed it): they fetch it again, from the new copy.
  // Found deleted, it goes as on its deletion event.
  documents.engine.onReread((docId, doc) => {
    if (!doc) documentGone(docId);
    else if ((nsp.adapter.rooms.get(docRoom(docId))?.size ?? 0) > 0) nsp.local.to(docRoom(docId)).emit('share:structure');
  });

  return nsp;
}
