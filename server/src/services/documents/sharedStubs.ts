import type { SharedDocuments } from '../../storage/types.js';
import type { DocumentRegistry } from './registry.js';

/**
 * Keeps a node's stubs of the documents it does not hold (what lists,
 * authorisation and the inbox read) in step with the shared store: one
 * document at once when a notice says its stub changed (created, deleted,
 * settings, comments), every stub written since the last look on a timer
 * (progress, which the holder writes at its checkpoints).
 */
export class StubFollower {
  /** The store's stub version already seen (SharedDocuments.stubsSince). */
  version = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly shared: SharedDocuments,
    private readonly log: (msg: string) => void,
  ) {}

  refresh(docId: string): void {
    this.queue(() => this.readOne(docId));
  }

  refreshAll(): void {
    this.queue(() => this.readChanged());
  }

  /**
   * Stub reads run one after the other: an older answer landing after a newer
   * one (a document's stub after its deletion) would bring a deleted document
   * back into the lists.
   */
  private queue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task, task);
  }

  private async readOne(docId: string): Promise<void> {
    try {
      const stub = await this.shared.stub(docId);
      if (this.registry.isLive(docId)) return;
      if (stub) this.registry.rest(stub);
      else this.registry.forget(docId);
    } catch (err) {
      this.log(`could not read the stub of ${docId}: ${String(err)}`);
    }
  }

  private async readChanged(): Promise<void> {
    try {
      const changed = await this.shared.stubsSince(this.version);
      this.version = changed.version;
      for (const stub of changed.stubs) if (!this.registry.isLive(stub.meta.id)) this.registry.rest(stub);
      for (const id of changed.deleted) if (!this.registry.isLive(id)) this.registry.forget(id);
    } catch (err) {
      this.log(`could not refresh document stubs: ${String(err)}`);
    }
  }
}
