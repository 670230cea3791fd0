import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/postgres-adapter';
import { presenceNodeStateSchema } from '../../../shared/index.js';
import type { Log } from '../errors.js';
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
