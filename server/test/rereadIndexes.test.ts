import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConcordanceHit } from '../../shared/index.js';
import type {
  CreatedShareDto,
  PublicClientToServerEvents,
  PublicServerToClientEvents,
  ReaderDocument,
} from '../../shared/protocol/share.js';
import { PgDocumentStore } from '../src/storage/pg/documentStore.js';
import { data, login } from './helpers/http.js';
import { tempSchema } from './helpers/pg.js';
import type { TempSchema } from './helpers/pg.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';

type ReaderSocket = Socket<PublicServerToClientEvents, PublicClientToServerEvents>;

const SOURCE = ['The summit opened in Astana.', 'Talks lasted two days.', 'Delegates arrived on time.'];
const SUMMIT = 'Саммит открылся в Астане.';
const DELEGATES = 'Делегаты прибыли вовремя.';

/**
 * Node B's copy of a document falls behind the events PostgreSQL still keeps
 * (its feed is away while A edits, checkpoints and prunes), so B reads the
 * document again whole and never follows the events in between. What B derives
 * from the document must still come out current: its translation memory and
 * the share readers connected to it.
 */
describe('indexes of a node that read a document again', () => {
  let schema: TempSchema;
  let a: TestServer;
  let b: TestServer;
  let docId: string;
  let pids: string[];
  const readers: ReaderSocket[] = [];
  beforeEach(async () => {
    schema = await tempSchema();
    a = await startServer({ databaseUrl: schema.url, sessionSecret: 's'.repeat(40) });
    b = await startServer({ databaseUrl: schema.url, sessionSecret: 's'.repeat(40) });
    const created = await a.documents.engine.create(
      { title: 'Reread', sourceLang: 'en', targetLangs: ['ru'], paragraphs: SOURCE },
      'admin',
    );
    docId = created.id;
    pids = (await a.documents.reads.snapshot(docId)).paragraphs.map((p) => p.id);
    await b.documents.reads.open(docId);
  });
  afterEach(async () => {
    for (const r of readers.splice(0)) r.close();
    await a.stop();
    await b.stop();
    await schema.drop();
  });

  /** Written by one user and approved by another, through A. */
  const approve = async (i: number, text: string): Promise<void> => {
    const ops = a.documents.ops();
    const paragraphId = pids[i]!;
    const edited = await ops.editCell({ docId, paragraphId, lang: 'ru', opId: `w${i}`, baseRev: 0, text }, 'translator');
    for (const status of ['in_review', 'approved'] as const) {
      const by = status === 'approved' ? 'reviewer' : 'translator';
      await ops.setStatus({ docId, paragraphId, lang: 'ru', opId: `${status}${i}`, rev: edited.rev, status }, by);
    }
  };
  const search = async (node: TestServer, q: string): Promise<ConcordanceHit[]> => {
    const cookie = await login(node.url, 'admin', ADMIN_PASSWORD);
    return (await data<{ hits: ConcordanceHit[] }>(node.url, 'POST', '/api/tm/search', { cookie, json: { q } })).hits;
  };
  const headOf = async (node: TestServer): Promise<number> => (await node.documents.reads.snapshot(docId)).seq;

  /**
   * B stops hearing A; A approves paragraph 0, deletes paragraph 2, checkpoints and prunes; `whileAway` runs; then
   * B's feed comes back.
   */
  const lagBehindPruned = async (whileAway: () => Promise<void> = async () => {}): Promise<void> => {
    const old = b.documents.registry.peek(docId);
    if (!old) throw new Error('B does not hold the document');
    b.documents.engine.shared?.stop();
    await approve(0, SUMMIT);
    await a.documents.ops().deleteParagraph({ docId, opId: 'del-2', paragraphId: pids[2]! }, 'admin');
    await a.documents.checkpoint();
    const store = a.storage.documents;
    if (!(store instanceof PgDocumentStore)) throw new Error('not a PostgreSQL store');
    const head = await headOf(a);
    expect(await store.prune(docId, { keepMs: 0, keepOps: 1 })).toMatchObject({ prunedSeq: head });
    await whileAway();
    // What a notice, or the feed coming back, does: B's catch-up is told `pruned` and reads the document again.
    b.documents.engine.shared?.follow(old);
    await expect.poll(() => b.documents.registry.peek(docId)?.doc.seq).toBe(head);
    expect(b.documents.registry.peek(docId)).not.toBe(old);
  };

  it("re-indexes the document in B's translation memory: rows approved in the skipped range are found, a deleted paragraph's are not", async () => {
    // Approved while B follows A: B's memory takes the row from the event.
    await approve(2, DELEGATES);
    await expect.poll(async () => (await search(b, 'Делегаты')).map((h) => h.entryId)).toEqual([`d:${docId}:${pids[2]!}`]);

    await lagBehindPruned();
    // A's memory followed every event; B's must say the same.
    expect(await search(a, 'Саммит')).toHaveLength(1);
    const found = await search(b, 'Саммит');
    expect(found.map((h) => [h.entryId, h.texts])).toEqual([[`d:${docId}:${pids[0]!}`, { en: SOURCE[0], ru: SUMMIT }]]);
    expect(await search(b, 'summit')).toHaveLength(1);
    expect(await search(a, 'Делегаты')).toEqual([]);
    expect(await search(b, 'Делегаты')).toEqual([]);
    expect(await search(b, 'Delegates')).toEqual([]);
  });

  it("drops from B's translation memory the rows of a document deleted in the skipped range", async () => {
    await approve(2, DELEGATES);
    await expect.poll(async () => (await search(b, 'Делегаты')).map((h) => h.entryId)).toEqual([`d:${docId}:${pids[2]!}`]);
    const old = b.documents.registry.peek(docId);
    if (!old) throw new Error('B does not hold the document');
    b.documents.engine.shared?.stop();
    await approve(0, SUMMIT);
    await a.documents.checkpoint();
    const store = a.storage.documents;
    if (!(store instanceof PgDocumentStore)) throw new Error('not a PostgreSQL store');
    expect(await store.prune(docId, { keepMs: 0, keepOps: 1 })).toMatchObject({ prunedSeq: await headOf(a) });
    await a.documents.engine.remove(docId, 'admin');
    expect(await search(a, 'Делегаты')).toEqual([]);

    // B's catch-up is told `pruned`; reading the document again finds it deleted.
    b.documents.engine.shared?.follow(old);
    await expect.poll(() => b.documents.registry.has(docId)).toBe(false);
    await expect.poll(() => search(b, 'Делегаты')).toEqual([]);
    expect(await search(b, 'Delegates')).toEqual([]);
  });

  it('tells the share readers on B to fetch the page again, which then shows the text approved in the skipped range', async () => {
    const cookie = await login(a.url, 'admin', ADMIN_PASSWORD);
    const { token } = await data<CreatedShareDto>(a.url, 'POST', `/api/documents/${docId}/shares`, { cookie, json: {} });
    const reader: ReaderSocket = io(`${b.url}/public`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    readers.push(reader);
    await new Promise<void>((resolve, reject) => {
      reader.once('connect', resolve);
      reader.once('connect_error', reject);
    });
    const read = async (): Promise<ReaderDocument> =>
      (await data<{ document: ReaderDocument }>(b.url, 'GET', `/api/public/share/${token}`)).document;
    // The page as the reading screen keeps it: fetched from B, patched by `share:cell`, fetched again on `share:structure`.
    const page = { doc: await read(), fetches: 0 };
    let fetching = Promise.resolve();
    reader.on('share:structure', () => {
      fetching = fetching.then(async () => {
        page.doc = await read();
        page.fetches++;
      });
    });
    reader.on('share:cell', (u) => {
      const p = page.doc.paragraphs.find((x) => x.id === u.paragraphId);
      if (p) p.texts[u.lang] = u.text;
    });
    const shown = (): [string, string | null | undefined][] => page.doc.paragraphs.map((p) => [p.id, p.texts.ru]);
    expect(shown()).toEqual(pids.map((id) => [id, null]));

    await lagBehindPruned(async () => {
      // A told every node's readers of the deletion, but the page a reader on B fetched then came from B's old copy.
      await expect.poll(() => page.fetches).toBe(1);
      expect(shown()).toEqual(pids.map((id) => [id, null]));
    });
    // Read again, B tells its readers to fetch once more: the page shows what was approved and deleted meanwhile.
    await expect.poll(() => page.fetches).toBe(2);
    expect(shown()).toEqual([
      [pids[0], SUMMIT],
      [pids[1], null],
    ]);
  });
});
