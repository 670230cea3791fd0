/** An edit on the wire: what was sent, on which connection. */
export interface SentEdit {
  opId: string;
  text: string;
  epoch: number;
}

/**
 * Which cells have an edit on the wire and which wait out a retry's backoff:
 * one edit in flight per cell. Sending itself waits on no timer, only retries
 * do; the engine's `send` does the I/O and asks here whether its answer still
 * counts.
 */
export class SendQueue {
  /** Edits on the wire, by entry key; a disconnect drops them, so acks from a previous connection count for nothing. */
  private readonly inflight = new Map<string, SentEdit>();
  /** Retries waiting out their backoff, by entry key. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly send: (key: string) => void) {}

  /**
   * Sends what the user has typed in a cell at once, unless an edit of that
   * cell is already on the wire (`send` declines; its ack sends the next, with
   * everything typed meanwhile in one text) or a retry is waiting out its
   * backoff (unless `now`, which cuts the wait short).
   */
  kick(key: string, now = false): void {
    if (this.timers.has(key)) {
      if (!now) return;
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
    }
    this.send(key);
  }

  /** Sends the cell's edit again after `ms`, in place of any retry already waiting. */
  schedule(key: string, ms: number): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.send(key);
      }, ms),
    );
  }

  onWire(key: string): boolean {
    return this.inflight.has(key);
  }

  get onWireCount(): number {
    return this.inflight.size;
  }

  /** `edit` goes on the wire for the cell. */
  sent(key: string, edit: SentEdit): void {
    this.inflight.set(key, edit);
  }

  /** The answer to `edit` came: true if it still counts (its connection did not drop meanwhile). The cell is free again. */
  answered(key: string, edit: SentEdit): boolean {
    if (this.inflight.get(key) !== edit) return false;
    this.inflight.delete(key);
    return true;
  }

  /** The connection dropped: nothing is on the wire any more (the next join sends again). */
  dropInflight(): void {
    this.inflight.clear();
  }
}
