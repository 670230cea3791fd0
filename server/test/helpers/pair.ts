import type { Lang } from '../../../shared/index.js';
import { data, login } from './http.js';
import { ADMIN_PASSWORD, startServer } from './server.js';
import type { TestServer } from './server.js';
import { connect, joinDoc } from './sockets.js';
import type { LiveDoc } from './sockets.js';

export interface EditorPair {
  server: TestServer;
  cookie: string;
  docId: string;
  a: LiveDoc;
  b: LiveDoc;
  close(): Promise<void>;
}

/** A real server, a fresh English-source document, and two signed-in clients joined to it. */
export async function editorPair(title: string, targetLangs: Lang[], paragraphs: string[]): Promise<EditorPair> {
  const server = await startServer();
  const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
  const created = await data<{ document: { id: string } }>(server.url, 'POST', '/api/documents', {
    cookie,
    json: { title, sourceLang: 'en', targetLangs, paragraphs },
  });
  const docId = created.document.id;
  const a = await joinDoc(await connect(server.url, cookie), docId);
  const b = await joinDoc(await connect(server.url, cookie), docId);
  return {
    server,
    cookie,
    docId,
    a,
    b,
    async close() {
      a.socket.close();
      b.socket.close();
      await server.stop();
    },
  };
}
