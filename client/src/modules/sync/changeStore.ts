/**
 * What React subscribes to (useSyncExternalStore): listeners and two
 * counters. `version` moves on every change; `layout` only when the frame
 * around the cells changes (load state, paragraph list, settings), so a
 * screen can re-render on that alone while what shows cell content follows
 * the version (hooks.ts): a remote keystroke re-renders the row it touched,
 * not the page.
 */
export class ChangeStore {
  private listeners = new Set<() => void>();
  private version = 0;
  private layout = 0;

  subscribe = (cb: () => void): (() => void) => {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  };
  /** Bumps on every change: text, statuses, comments, outbox, presence, connection. */
  getVersion = (): number => this.version;
  /** Bumps only when the frame around the cells changes: the load state, the document replaced, its paragraphs or settings. */
  getLayout = (): number => this.layout;

  protected changed(layout = false): void {
    this.version++;
    if (layout) this.layout++;
    for (const l of [...this.listeners]) l();
  }
}
