import pg from 'pg';
import type { ChangeNotice } from '../types.js';

/** The NOTIFY channel every commit (and document creation) is announced on, inside its transaction. */
export const CHANNEL = 'anor_events';

export function noticePayload(n: ChangeNotice): string {
  return JSON.stringify({ d: n.docId, s: n.seq, t: n.stub ? 1 : 0 });
}

function parseNotice(payload: string | undefined): ChangeNotice | undefined {
  try {
    const v = JSON.parse(payload ?? '') as { d?: unknown; s?: unknown; t?: unknown };
    if (typeof v.d !== 'string' || typeof v.s !== 'number') return undefined;
    return { docId: v.d, seq: v.s, stub: v.t === 1 };
  } catch {
    return undefined;
  }
}

/**
 * One LISTEN connection per node, outside the pool (a pooled connection may
 * be handed to anyone). A notice is only a hint: listeners fetch the events
 * from the table, so a lost connection loses nothing as long as, once back,
 * every document is caught up from the table (`onResume`). Until then, the
 * connection is retried every `retryMs`.
 */
export class Feed {
  private client: pg.Client | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<{ onNotice: (n: ChangeNotice) => void; onResume: () => void }>();

  constructor(
    private readonly url: string,
    private readonly log: (msg: string) => void,
    private readonly retryMs = 1000,
  ) {}

  listen(onNotice: (n: ChangeNotice) => void, onResume: () => void): () => void {
    const entry = { onNotice, onResume };
    this.listeners.add(entry);
    if (!this.client && !this.timer) void this.connect();
    return () => this.listeners.delete(entry);
  }

  /** Drops the connection as a network failure would (tests of the catch-up). */
  interrupt(): void {
    this.client?.emit('error', new Error('interrupted'));
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'anor-feed' });
    this.client = client;
    let failed = false;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log(`database: event feed lost (${err.message}); reconnecting`);
      this.timer = setTimeout(() => void this.connect(), this.retryMs);
      this.timer.unref();
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('connection ended')));
    client.on('notification', (msg) => {
      const n = parseNotice(msg.payload);
      if (n) for (const l of this.listeners) l.onNotice(n);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      fail(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    // Listening from here on: whatever was committed before (documents read while the connection was
    // being made, or while it was lost) is caught up from the table.
    for (const l of this.listeners) l.onResume();
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
