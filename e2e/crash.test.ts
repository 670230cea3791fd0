import { afterEach, describe, expect, it } from 'vitest';
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ADMIN_PASSWORD, removeDir, startBuiltServer, tempDataDir, type RunningServer } from './helpers/server.js';
import { ApiClient } from './helpers/http.js';
import { call, connect, opId, type AnorSocket } from './helpers/socket.js';
import type { DocumentSnapshot, Lang } from '../shared/index.js';

/**
 * Durability: every edit the server acknowledged must survive `kill -9`.
 * Editors hammer the demo document; the server is killed mid-load, restarted on
 * the same data dir, and every acknowledged operation id must be in history.
 */
describe('crash safety', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function start(dataDir: string): Promise<{ server: RunningServer; api: ApiClient; doc: DocumentSnapshot }> {
    const server = await startBuiltServer({ dataDir });
    cleanups.push(() => server.stop('SIGKILL'));
    const api = new ApiClient(server.url);
    await api.login('admin', ADMIN_PASSWORD);
    const { documents } = await api.documents();
    const summary = documents[0];
    if (!summary) throw new Error('demo document missing');
    const { document } = await api.document(summary.id);
    return { server, api, doc: document };
  }

  async function ackedOpsInHistory(api: ApiClient, doc: DocumentSnapshot): Promise<Set<string>> {
    const found = new Set<string>();
    const langs: Lang[] = [doc.sourceLang, ...doc.targetLangs];
    for (const p of doc.paragraphs) {
      for (const lang of langs) {
        const h = await api.history(doc.id, p.id, lang);
        for (const r of h.revisions) if (r.opId) found.add(r.opId);
      }
    }
    return found;
  }

  it('keeps every acknowledged edit after kill -9 mid-load, and starts despite a torn journal line', async () => {
    const dataDir = await tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const { server, api, doc } = await start(dataDir);

    const acked: string[] = [];
    const editors: AnorSocket[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await connect(server.url, api.cookie);
      editors.push(s);
      cleanups.push(async () => void s.close());
      const joined = await call(s, 'doc:join', { docId: doc.id });
      expect(joined?.ok).toBe(true);
    }

    // Each editor owns one target language and keeps typing into the cells of its column.
    let running = true;
    const targets = doc.targetLangs;
    const loops = editors.map(async (s, i) => {
      const lang = targets[i % targets.length]!;
      const revs = new Map<string, number>();
      let n = 0;
      while (running) {
        const p = doc.paragraphs[n % doc.paragraphs.length]!;
        const id = opId();
        const r = await call(s, 'cell:edit', {
          docId: doc.id,
          paragraphId: p.id,
          lang,
          opId: id,
          baseRev: revs.get(p.id) ?? 0,
          text: `${lang} edit ${n} by editor ${i}`,
        });
        if (!r) break; // connection gone: the server was killed
        if (r.ok) {
          acked.push(id);
          revs.set(p.id, r.data.rev);
        }
        n++;
      }
    });

    // Let the load run until a good number of edits are acknowledged, then kill the server hard.
    const deadline = Date.now() + 20_000;
    while (acked.length < 400 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await server.stop('SIGKILL');
    running = false;
    await Promise.all(loops);
    expect(acked.length).toBeGreaterThanOrEqual(400);

    // Simulate a crash mid-write on top: a torn last line in the newest journal segment.
    const journalDir = path.join(dataDir, 'journal');
    const segments = (await readdir(journalDir)).filter((f) => f.endsWith('.jsonl')).sort();
    const last = segments.at(-1);
    expect(last).toBeDefined();
    await appendFile(path.join(journalDir, last!), '{"docId":"torn","seq":99999,"ty');

    const restarted = await start(dataDir);
    const present = await ackedOpsInHistory(restarted.api, restarted.doc);
    const missing = acked.filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    expect(restarted.server.output()).toMatch(/truncat|torn|incomplete/i);
  });
});
