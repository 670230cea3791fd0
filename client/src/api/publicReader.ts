import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PUBLIC_NAMESPACE } from '../../../shared/protocol/shareNames.js';
import type { PublicClientToServerEvents, PublicServerToClientEvents, ReaderCellUpdate } from '../../../shared/protocol/share.js';

export interface PublicReaderHandlers {
  onCell: (update: ReaderCellUpdate) => void;
  /** Paragraphs changed, or we reconnected and may have missed updates: fetch the document again. */
  onStale: () => void;
  /** The link was revoked or expired (or never worked). */
  onEnded: () => void;
}

/**
 * The share reader's live channel: the `/public` namespace with the token in
 * the handshake, no cookie needed. Refusals (`not_found`) and a server-side
 * disconnect are final — socket.io-client does not retry either — while a
 * network drop reconnects and then refetches, since updates sent meanwhile
 * are lost.
 */
export function connectPublicReader(token: string, h: PublicReaderHandlers): () => void {
  const socket: Socket<PublicServerToClientEvents, PublicClientToServerEvents> = io(PUBLIC_NAMESPACE, {
    auth: { token },
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    withCredentials: false,
  });
  let connectedBefore = false;
  socket.on('connect', () => {
    if (connectedBefore) h.onStale();
    connectedBefore = true;
  });
  socket.on('share:cell', h.onCell);
  socket.on('share:structure', h.onStale);
  socket.on('share:ended', h.onEnded);
  socket.on('connect_error', (err) => {
    if (err.message === 'not_found') h.onEnded();
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') h.onEnded();
  });
  return () => void socket.disconnect();
}
