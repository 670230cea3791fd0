import type { Glossary } from '../../../../shared/qa/types.js';
import type { DocumentStore } from '../../storage/types.js';
import { CommitEngine } from './engine.js';
import { DocumentOps } from './ops.js';
import { DocumentReads } from './reads.js';
import { DocumentRegistry } from './registry.js';
import type { RegistryOptions } from './registry.js';

export interface DocumentServiceOptions extends RegistryOptions {
  /** With a shared store: how often the stubs of documents not in memory are refreshed from it (ms). */
  stubsEveryMs?: number;
}

/**
 * The collaborative core, in parts (docs/documents.md, "The document
 * service"): the registry knows which documents exist and keeps the ones in
 * use in memory; the engine is the one path of every change (decide → apply →
 * append → publish); the read models answer copies. Single-step changes are
 * DocumentOps; multi-step use cases are in server/src/commands.
 */
export class DocumentService {
  readonly registry: DocumentRegistry;
  readonly engine: CommitEngine;
  readonly reads: DocumentReads;
  private readonly stubsEveryMs: number | undefined;

  constructor(store: DocumentStore, opts: DocumentServiceOptions = {}) {
    this.stubsEveryMs = opts.stubsEveryMs;
    this.registry = new DocumentRegistry(store, opts);
    this.engine = new CommitEngine(this.registry, store, opts.log);
    this.reads = new DocumentReads(this.registry);
  }

  /** Start-up: recovery, then every document is in the registry; with a shared store, follows other nodes from then on. */
  async load(): Promise<{ warnings: string[]; replayed: number }> {
    const { warnings, replayed, stubVersion } = await this.registry.load();
    this.engine.shared?.start(stubVersion, this.stubsEveryMs);
    return { warnings, replayed };
  }

  /** The single-step changes, with the glossary that gates approval when there is one. */
  ops(glossary?: () => Glossary | undefined): DocumentOps {
    return new DocumentOps({ engine: this.engine, registry: this.registry, ...(glossary ? { glossary } : {}) });
  }

  /** Snapshots every document changed since the last checkpoint (no-op when none). */
  checkpoint(): Promise<void> {
    return this.registry.checkpoints.run();
  }

  /** Checkpoints every `intervalMs`, and evicts idle documents (RegistryOptions.idleMs). */
  startCheckpoints(intervalMs: number): void {
    this.registry.checkpoints.start(intervalMs);
    this.registry.startEviction();
  }

  /** Waits for pending appends, then writes a final checkpoint. */
  async close(): Promise<void> {
    this.registry.checkpoints.stop();
    this.registry.stopEviction();
    this.engine.shared?.stop();
    await this.engine.drain();
    await this.checkpoint();
  }
}
