import { ApiClient } from './http.js';
import { ADMIN_PASSWORD } from './server.js';
import { call, connect } from './socket.js';
import type { AnorSocket } from './socket.js';

/** An administrator signed in over REST with a one-paragraph en→ru document joined over the socket. */
export async function liveDoc(url: string): Promise<{ api: ApiClient; socket: AnorSocket; docId: string; paragraphId: string }> {
  const api = new ApiClient(url);
  await api.login('admin', ADMIN_PASSWORD);
  const { document } = await api.data<{ document: { id: string } }>('POST', '/api/documents', {
    title: 'Live',
    sourceLang: 'en',
    targetLangs: ['ru'],
    paragraphs: ['The summit opened in Astana.'],
  });
  const { document: snap } = await api.document(document.id);
  const socket = await connect(url, api.cookie);
  await call(socket, 'doc:join', { docId: document.id });
  return { api, socket, docId: document.id, paragraphId: snap.paragraphs[0]!.id };
}
