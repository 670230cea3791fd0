import { bigDocx } from './importFiles.js';
import { bigHtml, bigTmx } from '../server/test/helpers/bigFiles.js';
import { startEditing } from '../e2e/helpers/editLoad.js';
import { liveDoc } from '../e2e/helpers/liveDoc.js';
import { removeDir, startBuiltServer, tempDataDir } from '../e2e/helpers/server.js';
import { round } from './stats.js';
import type { Row } from './extras.js';

/**
 * How long the server's main thread is held while one user makes a document
 * from a 16 MB file (POST /api/documents/from-file) or imports a 16 MB TMX
 * into the memory (POST /api/tm/import): another user's socket
 * edits, one every 100 ms, and the longest wait for an acknowledgement while
 * the import runs. Compared with the file read on the main thread
 * (ANOR_IMPORT_WORKER=off); with the worker, what is left on the main thread
 * is creating the document, done in steps and slices (engine.create).
 */
async function longestWait(
  env: Record<string, string>,
  file: { path: string; bytes: Buffer; status: number },
): Promise<{ importMs: number; maxAckMs: number; acksDuring: number }> {
  const dataDir = await tempDataDir();
  const server = await startBuiltServer({ dataDir, env });
  try {
    const { api, socket, docId, paragraphId } = await liveDoc(server.url);
    const editor = startEditing(socket, { docId, paragraphId, lang: 'ru' }, 100);
    const t0 = performance.now();
    const res = await fetch(server.url + file.path, {
      method: 'POST',
      headers: { cookie: api.cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(file.bytes),
    });
    await res.arrayBuffer();
    const t1 = performance.now();
    if (res.status !== file.status) throw new Error(`import answered ${res.status}`);
    const load = await editor.stop();
    socket.close();
    return {
      importMs: round(t1 - t0),
      maxAckMs: round(load.maxWaitMs),
      acksDuring: load.ackedAt.filter((t) => t > t0 && t < t1).length,
    };
  } finally {
    await server.stop();
    await removeDir(dataDir);
  }
}

export async function measureImportStall(): Promise<Row[]> {
  const rows: Row[] = [];
  const doc = (name: string): string => `/api/documents/from-file?name=${name}&sourceLang=en&targetLangs=ru`;
  for (const [kind, path, bytes, status] of [
    ['DOCX document', doc('big.docx'), bigDocx(), 201],
    ['HTML document', doc('big.html'), Buffer.from(bigHtml()), 201],
    ['TMX (into the memory)', '/api/tm/import?name=big.tmx', Buffer.from(bigTmx()), 200],
  ] as const) {
    const file = { path, bytes, status };
    const before = await longestWait({ ANOR_IMPORT_WORKER: 'off' }, file);
    const after = await longestWait({}, file);
    const mb = round(bytes.length / 1024 / 1024, 1);
    rows.push({
      metric: `longest wait for a socket edit's ack during a ${mb} MB ${kind} import (main thread held)`,
      value: after.maxAckMs,
      unit: 'ms',
      target: '—',
      baseline:
        `file read on the main thread: ${before.maxAckMs} ms; import ${before.importMs} → ${after.importMs} ms; ` +
        `acks during the import ${before.acksDuring} → ${after.acksDuring}`,
    });
  }
  return rows;
}
