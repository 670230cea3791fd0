import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellEditAck, Lang, Result } from '../../../shared/index.js';
import { login } from '../helpers/http.js';
import { NODE_ADMIN_PASSWORD, startCluster } from '../helpers/processes.js';
import type { Cluster } from '../helpers/processes.js';
import { TEST_DATABASE_URL } from '../helpers/pg.js';
import { createDoc } from '../helpers/review.js';
import { connect, joinDoc, opId } from '../helpers/sockets.js';
import type { LiveDoc } from '../helpers/sockets.js';
import { TcpProxy } from '../helpers/tcpProxy.js';

/**
 * Two real nodes reach PostgreSQL through a relay the test cuts and
 * restores: while the database is away, edits are refused with the coded
 * `database_unavailable` and sockets stay open; once it is back, both nodes
 * take edits again without a restart, and everything acknowledged before,
 * during and after is there.
 */
describe('the database going away under two nodes', () => {
  let cluster: Cluster;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    cluster = await startCluster(2, (schemaUrl) => {
      const viaProxy = new URL(schemaUrl);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      return { DATABASE_URL: viaProxy.toString() };
    });
  }, 120_000);
  afterAll(async () => {
    await proxy.restore();
    await cluster.close();
    await proxy.close();
  }, 60_000);

  it('refuses writes with a coded error, keeps sockets, and recovers without losing acknowledged edits', { timeout: 90_000 }, async () => {
    const urls = cluster.nodes.map((n) => n.url);
    const cookie = await login(urls[0]!, 'admin', NODE_ADMIN_PASSWORD);
    const langs: Lang[] = ['kk', 'ru'];
    const docId = await createDoc(urls[0]!, cookie, ['Outage.'], langs);
    const lives: LiveDoc[] = [];
    for (const url of urls) lives.push(await joinDoc(await connect(url, cookie), docId));
    const pid = lives[0]!.doc.paragraphs[0]!.id;
    const texts: Record<string, string> = { kk: '', ru: '' };
    const revs: Record<string, number> = { kk: 0, ru: 0 };
    // The answer may take the pool's connection timeout (5 s): a hang guard of 30 s, not a speed check.
    const edit = (i: number, token: string) => {
      const lang = langs[i]!;
      const payload = { docId, paragraphId: pid, lang, opId: opId(), baseRev: revs[lang]!, text: texts[lang] + token };
      return new Promise<Result<CellEditAck>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to ${token} on node ${i} in 30 s`)), 30_000);
        lives[i]!.socket.emit('cell:edit', payload, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
      });
    };
    const accept = async (i: number, token: string): Promise<void> => {
      const r = await edit(i, token);
      if (!r.ok) throw new Error(`edit refused: ${r.error.code}`);
      texts[langs[i]!] = r.data.text;
      revs[langs[i]!] = r.data.rev;
    };

    try {
      await accept(0, '«before-a»');
      await accept(1, '«before-b»');

      await proxy.cut();
      for (const i of [0, 1]) {
        const refused = await edit(i, '«during»');
        expect(refused).toMatchObject({ ok: false, error: { code: 'database_unavailable' } });
      }
      for (const l of lives) expect(l.socket.connected).toBe(true);

      await proxy.restore();
      // Each node's pool reconnects on its next query: the first edit after the outage goes through.
      await expect.poll(async () => (await edit(0, '«after-a»')).ok, { timeout: 20_000, interval: 500 }).toBe(true);
      const check = await joinDoc(lives[1]!.socket.connected ? lives[1]!.socket : await connect(urls[1]!, cookie), docId);
      texts.kk = check.doc.paragraphs[0]!.cells.kk!.text;
      revs.kk = check.doc.paragraphs[0]!.cells.kk!.rev;
      await accept(1, '«after-b»');

      // Both nodes hold the same document, with every acknowledged edit and nothing of the refused ones.
      // (A node hears of the other's commits a moment later: asked again until it has.)
      const fresh = async (u: string) => {
        const live = await joinDoc(await connect(u, cookie), docId);
        live.socket.close();
        return live.doc;
      };
      const later = await fresh(urls[1]!);
      await expect.poll(() => fresh(urls[0]!), { timeout: 15_000, interval: 500 }).toEqual(later);
      const finals = [later];
      const cells = finals[0]!.paragraphs[0]!.cells;
      expect(cells.kk!.text).toBe('«before-a»«after-a»');
      expect(cells.ru!.text).toBe('«before-b»«after-b»');
      for (const l of lives) expect(l.socket.connected).toBe(true);
    } finally {
      for (const l of lives) l.socket.close();
    }
  });
});
