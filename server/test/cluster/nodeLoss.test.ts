import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellEditAck, Lang, Result } from '../../../shared/index.js';
import { login } from '../helpers/http.js';
import { NODE_ADMIN_PASSWORD, startCluster } from '../helpers/processes.js';
import type { Cluster } from '../helpers/processes.js';
import { createDoc } from '../helpers/review.js';
import { call, connect, joinDoc, opId } from '../helpers/sockets.js';
import type { TestSocket } from '../helpers/sockets.js';

/** An ack, or a rejection when the connection drops first (the node died with the edit in flight). */
function ask(socket: TestSocket, payload: Parameters<typeof call<'cell:edit'>>[2]): Promise<Result<CellEditAck>> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      reject(new Error('disconnected'));
      return;
    }
    const dropped = (): void => reject(new Error('disconnected'));
    socket.once('disconnect', dropped);
    socket.emit('cell:edit', payload, (r) => {
      socket.off('disconnect', dropped);
      resolve(r);
    });
  });
}

/**
 * `kill -9` of one of two real nodes while clients on both type: the clients
 * of the dead node reconnect to the other, catch up from their last seq and
 * send the edit that was in flight again with the same op id, as the real
 * client does. Nothing acknowledged is lost and nothing is applied twice: each
 * cell's revision count equals the edits its writer saw acknowledged.
 */
describe('a node killed under load', () => {
  let cluster: Cluster;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster.close();
  }, 60_000);

  it('loses no acknowledged edit, and applies the ones in flight exactly once', async () => {
    const [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    const cookie = await login(b, 'admin', NODE_ADMIN_PASSWORD);
    const langs: Lang[] = ['kk', 'ru', 'zh'];
    const docId = await createDoc(b, cookie, ['Under load.'], langs);
    let ackedTotal = 0;
    let killed = false;
    const ROUNDS = 30;

    // Writers 0 and 1 start on node A (the one killed), writer 2 on node B; each types into its own cell.
    const writer = async (i: number) => {
      const lang = langs[i]!;
      let socket = await connect(i < 2 ? a : b, cookie);
      sockets.push(socket);
      const live = await joinDoc(socket, docId);
      const pid = live.doc.paragraphs[0]!.id;
      let { text, rev } = live.doc.paragraphs[0]!.cells[lang]!;
      let lastSeq = live.doc.seq;
      const tokens: string[] = [];
      let resent = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const token = `«w${i}r${round}»`;
        const payload = { docId, paragraphId: pid, lang, opId: opId(), baseRev: rev, text: text + token };
        for (;;) {
          try {
            const r = await ask(socket, payload);
            if (!r.ok) throw new Error(`edit refused: ${r.error.code}`);
            ({ text, rev } = r.data);
            lastSeq = Math.max(lastSeq, r.data.seq);
            break;
          } catch (err) {
            if (!(err instanceof Error) || err.message !== 'disconnected') throw err;
            // The node is gone: the survivor, caught up from the last seq this client had, then the same edit again.
            socket = await connect(b, cookie);
            sockets.push(socket);
            const rejoined = await call(socket, 'doc:join', { docId, sinceSeq: lastSeq });
            if (!rejoined.ok) throw new Error(`rejoin failed: ${rejoined.error.code}`, { cause: err });
            // What others committed meanwhile comes as the events after lastSeq.
            if (rejoined.data.mode === 'events') expect(rejoined.data.events.every((ev) => ev.seq > lastSeq)).toBe(true);
            resent++;
          }
        }
        tokens.push(token);
        if (++ackedTotal === 20 && !killed) {
          killed = true;
          void cluster.nodes[0]!.stop('SIGKILL');
        }
      }
      return { lang, tokens, rev, resent };
    };

    const results = await Promise.all([0, 1, 2].map(writer));
    expect(killed).toBe(true);
    expect(results[0]!.resent + results[1]!.resent).toBeGreaterThanOrEqual(2);

    const check = await joinDoc(await connect(b, cookie), docId);
    sockets.push(check.socket);
    for (const { lang, tokens } of results) {
      const cell = check.doc.paragraphs[0]!.cells[lang]!;
      // Every acknowledged token, in order, each once.
      expect(cell.text).toBe(tokens.join(''));
      // One revision per acknowledged edit: none applied twice, none lost.
      expect(cell.rev).toBe(ROUNDS);
    }
  });
});
