import { vi } from 'vitest';
import { DocSync } from '../docSync.js';
import { LocalStorageOutboxStorage, Outbox } from '../outbox.js';
import type { MemoryHub, MemoryTransport } from './memoryHub.js';

/** Opening engines over a MemoryHub for the DocSync tests, and closing them after each. */

/** vi.waitFor with room for a busy machine (its default is 1 s). */
export function until<T>(check: () => T): Promise<T> {
  return vi.waitFor(check, { timeout: 8000, interval: 10 });
}

const opened: DocSync[] = [];

export function open(hub: MemoryHub, userId: string, transport?: MemoryTransport): { sync: DocSync; t: MemoryTransport } {
  const t = transport ?? hub.connect(userId);
  const sync = new DocSync(hub.doc.id, t, new Outbox(new LocalStorageOutboxStorage(userId)), {
    retryBaseMs: 5,
    fetchHistory: async (pid, lang) => hub.history(pid, lang),
  });
  sync.start();
  opened.push(sync);
  return { sync, t };
}

/** For afterEach: stops every engine the test opened. */
export function closeAll(): void {
  for (const s of opened.splice(0)) s.stop();
}

export function ruText(hub: MemoryHub, i = 0): string | undefined {
  return hub.doc.paragraphs[i]?.cells.ru?.text;
}
