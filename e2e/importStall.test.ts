import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigHtml } from '../server/test/helpers/bigFiles.js';
import { startEditing } from './helpers/editLoad.js';
import { liveDoc } from './helpers/liveDoc.js';
import { removeDir, startBuiltServer, tempDataDir } from './helpers/server.js';
import type { RunningServer } from './helpers/server.js';

/**
 * Making a document of 15,000 paragraphs from a 16 MB HTML file (POST
 * /api/documents/from-file) on the built server while another user keeps
 * editing. The file is read in the import worker; creating the document
 * (building it, writing its creation event, its word counts, its snapshot and
 * its source file) runs on the main thread in steps and slices. Held in one
 * block, that work took most of the import (7 of 12 s on an idle machine),
 * and the editor's longest wait for an acknowledgement was that long. The
 * bound is relative to the import, so that a busy machine slows both alike:
 * no wait may be a third of the whole import, and edits go on being
 * acknowledged throughout.
 */
describe('a 16 MB document import does not hold other users’ edits', () => {
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

  it('acknowledges edits all through the creation of a 15,000-paragraph document', async () => {
    const { api, socket, docId, paragraphId } = await liveDoc(server.url);
    try {
      const html = Buffer.from(bigHtml());
      expect(html.length).toBeGreaterThan(15 * 1024 * 1024);
      const editor = startEditing(socket, { docId, paragraphId, lang: 'ru' });
      const started = performance.now();
      const res = await fetch(`${server.url}/api/documents/from-file?name=big.html&sourceLang=en&targetLangs=ru`, {
        method: 'POST',
        headers: { cookie: api.cookie, 'content-type': 'application/octet-stream' },
        body: html,
      });
      const body = (await res.json()) as { ok: boolean; data?: { document: { paragraphCount: number } } };
      const ended = performance.now();
      const load = await editor.stop();
      expect(res.status).toBe(201);
      expect(body.data?.document.paragraphCount).toBeGreaterThan(14_000);
      const importMs = ended - started;
      const during = load.ackedAt.filter((t) => t > started && t < ended).length;
      // An edit every 50 ms or so when nothing holds the server: a tenth of that is plenty on a busy machine.
      expect(during).toBeGreaterThan(importMs / 500);
      expect(load.maxWaitMs).toBeLessThan(importMs / 3);
    } finally {
      socket.close();
    }
  }, 300_000);
});
