import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigHtml } from '../server/test/helpers/bigFiles.js';
import { liveDoc } from './helpers/liveDoc.js';
import { removeDir, startBuiltServer, tempDataDir } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';
import { call, opId } from './helpers/socket.js';

/**
 * The built server reads uploaded files in a worker thread
 * (server/src/interchange/offThread/): while one user's large file is being
 * read, another user's edit over the socket is acknowledged. The assertion is
 * on order, not on a time: the edit, sent once the upload has gone out, is
 * acknowledged before the import answers. On the main thread the read would
 * hold the event loop and the acknowledgement would come after.
 */
describe('a large import does not hold other users’ edits', () => {
  let server: RunningServer;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await tempDataDir();
    server = await startBuiltServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await removeDir(dataDir);
  });

  it('acknowledges a socket edit while a 12 MB HTML file is being read', async () => {
    const { api, socket, docId, paragraphId } = await liveDoc(server.url);
    try {
      const html = Buffer.from(bigHtml(12_000));
      expect(html.length).toBeGreaterThan(10 * 1024 * 1024);
      const order: string[] = [];
      const upload = fetch(`${server.url}/api/import/parse?name=big.html&lang=en`, {
        method: 'POST',
        headers: { cookie: api.cookie, 'content-type': 'application/octet-stream' },
        body: html,
      }).then(async (res) => {
        order.push('import answered');
        return { status: res.status, body: (await res.json()) as { ok: boolean; data?: { paragraphs: string[] } } };
      });
      // Let the upload reach the server (local, a few hundred ms at most), then edit.
      await new Promise((r) => setTimeout(r, 1_000));
      const edit = call(socket, 'cell:edit', {
        docId,
        paragraphId,
        lang: 'ru',
        opId: opId(),
        baseRev: 0,
        text: 'Саммит открылся в Астане.',
      }).then((r) => {
        order.push('edit acknowledged');
        return r;
      });
      const [imported, acked] = await Promise.all([upload, edit]);
      expect(acked).toMatchObject({ ok: true });
      expect(imported.status).toBe(200);
      expect(imported.body.data?.paragraphs.length).toBeGreaterThan(10_000);
      expect(order).toEqual(['edit acknowledged', 'import answered']);
    } finally {
      socket.close();
    }
  }, 180_000);
});
