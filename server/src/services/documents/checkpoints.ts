import type { DocumentStore } from '../../storage/types.js';
import type { DocRuntime } from './runtime.js';

/**
 * Snapshots of changed documents, on a timer and on demand. Snapshots only
 * shorten recovery (the journal alone is enough to rebuild everything), so a
 * failed checkpoint is logged and retried on the next tick, not fatal.
 */
export class Checkpoints {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** A snapshot write is under way (documents it took are no longer `dirty` but not yet durable). */
  busy = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly runtimes: () => Iterable<DocRuntime>,
    private readonly log: (msg: string) => void,
    /** False once the journal failed: a snapshot would then make unacknowledged changes durable. */
    private readonly enabled: () => boolean = () => true,
  ) {}

  /** Snapshots every document changed since the last checkpoint (no-op when none). */
  run(): Promise<void> {
    // One at a time: a slow disk must not pile up overlapping snapshot writes.
    // Chained on the previous run's settlement, so one failure does not poison the rest.
    const next = this.running
      .catch(() => {})
      .then(async () => {
        const dirty = [...this.runtimes()].filter((rt) => rt.dirty);
        if (dirty.length === 0 || !this.enabled()) return;
        for (const rt of dirty) rt.dirty = false;
        this.busy = true;
        try {
          await this.store.checkpoint(dirty.map((rt) => rt.doc));
        } catch (err) {
          for (const rt of dirty) rt.dirty = true;
          throw err;
        } finally {
          this.busy = false;
        }
      });
    this.running = next;
    return next;
  }

  /** Resolves once the checkpoint under way, if any, has finished (failed or not). */
  settled(): Promise<void> {
    return this.running.catch(() => {});
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      this.run().catch((err: unknown) => this.log(`checkpoint failed: ${String(err)}`));
    }, intervalMs);
    // The timer alone must not keep the process alive (tests, CLI one-shots).
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
