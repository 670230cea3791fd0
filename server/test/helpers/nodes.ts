import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocEvent } from '../../../shared/index.js';
import { DocumentService } from '../../src/services/documents/index.js';
import type { DocumentOps } from '../../src/services/documents/ops.js';
import { createStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/index.js';

/** One Anor node's document service over a shared database (its own data dir, as two hosts would have). */
export interface DocNode {
  storage: Storage;
  service: DocumentService;
  ops: DocumentOps;
  /** Every event this node published, per document, in publication order. */
  published: Map<string, DocEvent[]>;
  close(): Promise<void>;
}

export async function openDocNode(databaseUrl: string): Promise<DocNode> {
  const dataDir = await mkdtemp(join(tmpdir(), 'anor-node-'));
  const storage = await createStorage({ dataDir, databaseUrl, log: () => {} });
  const service = new DocumentService(storage.documents, { stubsEveryMs: 200 });
  await service.load();
  const published = new Map<string, DocEvent[]>();
  service.engine.onCommitted((docId, events) => {
    let list = published.get(docId);
    if (!list) published.set(docId, (list = []));
    list.push(...events);
  });
  let closed = false;
  return {
    storage,
    service,
    ops: service.ops(),
    published,
    async close() {
      if (closed) return;
      closed = true;
      await service.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
