/**
 * The rejoins the sync engine makes besides the one on each connect: at most
 * one on the way, and what is asked meanwhile decides whether another follows.
 *
 * - a gap (an event ahead of our seq): a rejoin since our seq; one on the way fills it as well;
 * - a mismatch (the copy no longer fits the server's): a snapshot, after the rejoin on the way;
 * - stale (`doc:stale`: the server's copy was read again, events in between never sent): a rejoin
 *   since our seq after the one on the way, which may have been answered from the old copy.
 *
 * A join that fails is retried by the join itself or by the next connect.
 */
export class Rejoins {
  private running = false;
  private snapshot = false;
  private again = false;

  constructor(
    private readonly join: () => Promise<void>,
    private readonly connected: () => boolean,
  ) {}

  gap(): void {
    this.start();
  }

  mismatch(): void {
    this.snapshot = true;
    this.start();
  }

  stale(): void {
    if (this.running) this.again = true;
    else this.start();
  }

  /** Whether the next join must ask for a snapshot; asking clears it (any join takes it, a connect's too). */
  takeSnapshot(): boolean {
    const wanted = this.snapshot;
    this.snapshot = false;
    return wanted;
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    void this.join().finally(() => {
      this.running = false;
      const more = this.snapshot || this.again;
      this.again = false;
      if (more && this.connected()) this.start();
    });
  }
}
