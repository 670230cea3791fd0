import { bigDocx } from './importFiles.js';
import { liveDoc } from '../e2e/helpers/liveDoc.js';
import { removeDir, startBuiltServer, tempDataDir } from '../e2e/helpers/server.js';
import { call, opId } from '../e2e/helpers/socket.js';
import { round, sleep } from './stats.js';
import type { Row } from './extras.js';

/**
 * How long the server's main thread is held while one user imports a 16 MB
 * DOCX (POST /api/documents/from-file): another user's socket edits, one
 * every 100 ms, and the longest wait for an acknowledgement while the import
 * runs. Before: the file read on the main thread (ANOR_IMPORT_WORKER=off);
 * after: in the import worker. What remains after is creating the document
 * (its paragraphs and word counts) on the main thread.
 */
async function longestWait(env: Record<string, string>, docx: Buffer): Promise<{ importMs: number; maxAckMs: number; acks: number }> {
  const dataDir = await tempDataDir();
  const server = await startBuiltServer({ dataDir, env });
  try {
    const { api, socket, docId, paragraphId } = await liveDoc(server.url);
    let done = false;
    let maxAckMs = 0;
    let acks = 0;
    let rev = 0;
    const editing = (async () => {
      while (!done) {
        const t0 = performance.now();
        const r = await call(socket, 'cell:edit', {
          docId,
          paragraphId,
          lang: 'ru',
          opId: opId(),
          baseRev: rev,
          text: `Правка ${acks}`,
        });
        if (r?.ok) rev = r.data.rev;
        maxAckMs = Math.max(maxAckMs, performance.now() - t0);
        acks++;
        await sleep(100);
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/documents/from-file?name=big.docx&sourceLang=en&targetLangs=ru`, {
      method: 'POST',
      headers: { cookie: api.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(docx),
    });
    await res.arrayBuffer();
    const importMs = performance.now() - t0;
    done = true;
    await editing;
    socket.close();
    return { importMs: round(importMs), maxAckMs: round(maxAckMs), acks };
  } finally {
    await server.stop();
    await removeDir(dataDir);
  }
}

export async function measureImportStall(): Promise<Row[]> {
  const docx = bigDocx();
  const before = await longestWait({ ANOR_IMPORT_WORKER: 'off' }, docx);
  const after = await longestWait({}, docx);
  const mb = round(docx.length / 1024 / 1024, 1);
  return [
    {
      metric: `longest wait for a socket edit's ack during a ${mb} MB DOCX import (main thread held)`,
      value: after.maxAckMs,
      unit: 'ms',
      target: '—',
      baseline: `before (file read on the main thread): ${before.maxAckMs} ms; import ${before.importMs} → ${after.importMs} ms`,
    },
  ];
}
