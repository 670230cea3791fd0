import { io, type Socket } from 'socket.io-client';
import { randomUUID } from 'node:crypto';
import { percentile, round, sleep } from './stats.js';
import { WireClient } from './wireClient.js';

/**
 * Load scenarios shared by Anor and the bare relay: same clients, same event
 * names, same payload sizes. Only the server on the other end differs.
 */
type AnySocket = Socket;

export interface Target {
  url: string;
  cookie: string | null;
  docId: string;
  /** Cells the editors may write, one per editor at least (paragraphId × lang). */
  cells: Array<{ paragraphId: string; lang: string }>;
  /** Several nodes behind one address: client i connects to nodes[i % length] (the writer to the first); `url` otherwise. */
  nodes?: string[];
}

/** Where client `i` connects. */
function urlFor(t: Target, i: number): string {
  return t.nodes && t.nodes.length > 0 ? t.nodes[i % t.nodes.length]! : t.url;
}

export async function connectMany(t: Target, n: number): Promise<AnySocket[]> {
  const sockets: AnySocket[] = [];
  for (let i = 0; i < n; i++) {
    const s = io(urlFor(t, i), {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(t.cookie ? { extraHeaders: { cookie: t.cookie } } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    await new Promise<void>((resolve, reject) =>
      s.emit('doc:join', { docId: t.docId }, (r: { ok: boolean }) => (r.ok ? resolve() : reject(new Error('join failed')))),
    );
    sockets.push(s);
  }
  return sockets;
}

function closeAll(sockets: AnySocket[]): void {
  for (const s of sockets) s.close();
}

const SENTENCE = 'The heads of state reviewed the achievements of cooperation across various fields since the first summit, edit ';

function opId(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * Each editor types into its own cell once a second (a debounced typist); peers time the arrival.
 * Edits sent in the first `warmupMs` are not counted, for the server and for the relay alike: the
 * first edits run cold code (JIT) in the server and in this harness's decoder, and whichever
 * target runs first would otherwise carry that in its tail.
 */
export async function measureLatency(
  t: Target,
  editors: number,
  durationMs: number,
  warmupMs = 2000,
): Promise<{ p50: number; p99: number; samples: number }> {
  const sockets = await connectMany(t, editors);
  const sentAt = new Map<string, number>();
  const sentBy = new Map<string, number>();
  const samples: number[] = [];
  sockets.forEach((s, i) => {
    s.on('doc:event', (ev: { opId?: string | null }) => {
      if (!ev.opId) return;
      const started = sentAt.get(ev.opId);
      // The sender also receives its own event; only peers count.
      if (started === undefined || sentBy.get(ev.opId) === i) return;
      samples.push(performance.now() - started);
    });
  });
  const revs = new Map<number, number>();
  const countFrom = performance.now() + warmupMs;
  const stopAt = countFrom + durationMs;
  await Promise.all(
    sockets.map(async (s, i) => {
      const cell = t.cells[i % t.cells.length]!;
      await sleep(Math.random() * 1000);
      let n = 0;
      while (performance.now() < stopAt) {
        const id = opId();
        sentBy.set(id, i);
        if (performance.now() >= countFrom) sentAt.set(id, performance.now());
        const ack = await new Promise<{ ok: boolean; data?: { rev?: number } }>((resolve) =>
          s.emit(
            'cell:edit',
            { docId: t.docId, paragraphId: cell.paragraphId, lang: cell.lang, opId: id, baseRev: revs.get(i) ?? 0, text: SENTENCE + n },
            resolve,
          ),
        );
        if (ack.ok && typeof ack.data?.rev === 'number') revs.set(i, ack.data.rev);
        n++;
        await sleep(1000);
      }
    }),
  );
  await sleep(300);
  closeAll(sockets);
  return { p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), samples: samples.length };
}

/**
 * One writer keeps a window of edits in flight; nine peers receive every event.
 * Uses the lightweight wire client (see wireClient.ts) so the harness is not the bottleneck.
 */
export async function measureThroughput(
  t: Target,
  durationMs: number,
  window = 64,
  warmupMs = 1000,
): Promise<{ perSecond: number; acked: number; delivered: number }> {
  const clients: WireClient[] = [];
  for (let i = 0; i < 10; i++) {
    const c = await WireClient.connect(urlFor(t, i), t.cookie);
    const joined = (await c.emit('doc:join', { docId: t.docId })) as { ok: boolean };
    if (!joined.ok) throw new Error('join failed');
    clients.push(c);
  }
  const writer = clients[0]!;
  const peers = clients.slice(1);
  const revs = new Map<number, number>();
  let acked = 0;
  // The first second warms the JIT and the socket buffers; only what follows is counted.
  const measureFrom = performance.now() + warmupMs;
  const stopAt = measureFrom + durationMs;
  let ackedBeforeMeasure = -1;
  let next = 0;
  await Promise.all(
    Array.from({ length: window }, async (_, lane) => {
      // Each lane owns its own cell so that no two edits in flight race on one revision.
      const cell = t.cells[lane % t.cells.length]!;
      while (performance.now() < stopAt) {
        const n = next++;
        const ack = (await writer.emit('cell:edit', {
          docId: t.docId,
          paragraphId: cell.paragraphId,
          lang: cell.lang,
          opId: opId(),
          baseRev: revs.get(lane) ?? 0,
          text: SENTENCE + n,
        })) as { ok: boolean; data?: { rev?: number } };
        if (!ack.ok) throw new Error(`edit refused: ${JSON.stringify(ack)}`);
        if (typeof ack.data?.rev === 'number') revs.set(lane, ack.data.rev);
        acked++;
        if (ackedBeforeMeasure < 0 && performance.now() >= measureFrom) ackedBeforeMeasure = acked;
      }
    }),
  );
  const elapsed = performance.now() - measureFrom;
  const counted = acked - Math.max(ackedBeforeMeasure, 0);
  await sleep(500);
  const delivered = Math.min(...peers.map((p) => p.events));
  for (const c of clients) c.close();
  // Every peer must have received every acknowledged edit, or the figure is not a fan-out figure.
  if (delivered < acked) throw new Error(`peers received ${delivered} of ${acked} events`);
  return { perSecond: Math.round((counted / elapsed) * 1000), acked, delivered };
}
