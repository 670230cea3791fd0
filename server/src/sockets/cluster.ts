import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/postgres-adapter';
import { aidsChangedSchema, presenceNodeStateSchema, tmRowsChangeSchema } from '../../../shared/index.js';
import type { Log } from '../errors.js';
import type { GlossaryService } from '../glossary/service.js';
import type { TmService } from '../tm/service.js';
import type { PresenceService } from '../services/presence.js';
import { ATTACHMENTS_TABLE } from '../storage/pg/pubsub.js';
import type { PubSub } from '../storage/index.js';
import type { AnorServer } from './types.js';

/**
 * Several nodes on one database: Socket.IO's official PostgreSQL adapter
 * carries room broadcasts, `disconnectSockets` and `serverSideEmit` between
 * them over LISTEN/NOTIFY. Chosen over the Redis streams adapter by
 * measurement (bench/adapters.ts, docs/deploy.md): with the two side by side
 * the latency and throughput Anor needs are met by both, and PostgreSQL is
 * already there, so no further service has to be run, secured and backed up.
 */
export function useClusterAdapter(io: AnorServer, pubsub: PubSub, log: Log): void {
  io.adapter(
    createAdapter(pubsub.pool, {
      channelPrefix: pubsub.channelPrefix,
      // Payloads over NOTIFY's 8000 bytes go through this table (created by openPubSub).
      tableName: ATTACHMENTS_TABLE,
      errorHandler: (err) => log(`cluster bus: ${err.message}`),
    }),
  );
}

/** How often a node repeats its whole presence, and after how many missed beats the others forget it. */
export const PRESENCE_HEARTBEAT_MS = 5_000;
const MISSED_BEATS = 3;

/**
 * Presence across nodes: each node publishes its own connections' entries
 * when they change (on the presence throttle) and all of them every
 * heartbeat; the others merge them into what their rooms see. A node killed
 * without a word stops beating and its entries expire.
 */
export function linkPresence(io: AnorServer, presence: PresenceService, log: Log, heartbeatMs = PRESENCE_HEARTBEAT_MS): () => void {
  const nodeId = randomUUID();
  const publishAll = (): void => void io.serverSideEmit('presence:node', { nodeId, full: true, docs: presence.localSnapshot() });
  presence.onLocalChange((docId, entries) => io.serverSideEmit('presence:node', { nodeId, full: false, docs: { [docId]: entries } }));
  io.on('presence:node', (raw) => {
    const parsed = presenceNodeStateSchema.safeParse(raw);
    if (!parsed.success) {
      log(`cluster bus: malformed presence from another node: ${parsed.error.message}`);
      return;
    }
    if (parsed.data.nodeId !== nodeId) presence.applyRemote(parsed.data);
  });
  io.on('presence:hello', (other) => {
    if (other !== nodeId) publishAll();
  });
  const beat = setInterval(() => {
    publishAll();
    presence.expireRemote(performance.now() - MISSED_BEATS * heartbeatMs);
  }, heartbeatMs);
  beat.unref();
  // A node that starts (or restarts) learns who is where now, not a heartbeat later.
  io.serverSideEmit('presence:hello', nodeId);
  return () => clearInterval(beat);
}

/** How often a node reads the glossary and imported memory again even without a word from the others. */
export const AIDS_REFRESH_MS = 30_000;

/**
 * Glossary and imported memory across nodes: each node keeps them in memory
 * (the checks read the glossary synchronously on every approval), so a change
 * stored through one node is announced, and the others read the store again
 * at once. A notice lost while the database was away is made up for by a
 * slow periodic refresh. Memory rows derived from documents follow committed
 * events, which only the nodes holding a document hear: those pass the rows
 * they derived on to the rest.
 */
export function linkAids(
  io: AnorServer,
  aids: { glossary: GlossaryService; tm: TmService },
  log: Log,
  refreshMs = AIDS_REFRESH_MS,
): () => void {
  const reload = (what: 'glossary' | 'tm'): void => {
    const done = what === 'glossary' ? aids.glossary.load() : aids.tm.refreshImported();
    done.catch((err: unknown) => log(`cluster bus: could not reload the ${what}: ${err instanceof Error ? err.message : String(err)}`));
  };
  aids.glossary.onChange(() => io.serverSideEmit('aids:changed', 'glossary'));
  aids.tm.onImported(() => io.serverSideEmit('aids:changed', 'tm'));
  // Rows of documents: a node only follows the commits of documents it holds, so it passes what it derived on.
  aids.tm.onRowsChanged((change) => io.serverSideEmit('tm:rows', change));
  io.on('tm:rows', (raw) => {
    const change = tmRowsChangeSchema.safeParse(raw);
    if (change.success) aids.tm.applyRemoteRows(change.data);
    else log(`cluster bus: malformed memory rows from another node: ${change.error.message}`);
  });
  io.on('aids:changed', (raw) => {
    const what = aidsChangedSchema.safeParse(raw);
    if (what.success) reload(what.data);
  });
  const timer = setInterval(() => {
    reload('glossary');
    reload('tm');
  }, refreshMs);
  timer.unref();
  return () => clearInterval(timer);
}
