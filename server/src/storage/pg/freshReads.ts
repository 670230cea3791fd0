/**
 * Reads of one key that start no earlier than they were asked for, shared by
 * the callers that ask while one is in flight: each socket operation checks
 * its author's permissions against the user's row as it is now, and one
 * writer with 64 edits in flight asked PostgreSQL 64 times for the same row
 * per commit (the bench: the pool's connections went to it, and commits
 * waited for one). A caller never gets a read that had started before it
 * asked (a role changed meanwhile would be missed): it waits for the read in
 * flight to end and shares the next one with whoever asked meanwhile.
 */
export class FreshReads<K, V> {
  private readonly running = new Map<K, Promise<V>>();
  private readonly next = new Map<K, Promise<V>>();

  constructor(private readonly read: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    const waiting = this.next.get(key);
    if (waiting) return waiting;
    const running = this.running.get(key);
    if (!running) return this.start(key);
    const after = running.then(
      () => undefined,
      () => undefined,
    );
    const queued = after.then(() => {
      this.next.delete(key);
      return this.start(key);
    });
    this.next.set(key, queued);
    return queued;
  }

  private start(key: K): Promise<V> {
    const run = this.read(key);
    this.running.set(key, run);
    const clear = (): void => {
      if (this.running.get(key) === run) this.running.delete(key);
    };
    run.then(clear, clear);
    return run;
  }
}
