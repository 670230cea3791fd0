import { join } from 'node:path';
import { Low } from 'lowdb';
import type { GlossaryStore, GlossaryTermRecord, TmEntryRecord, TmStore } from './types.js';
import { nodeFs } from './fs.js';
import type { StorageFs } from './fs.js';
import { DurableJsonFile } from './fsync.js';

/**
 * Small lowdb files for the translation aids: `tm.json` (TMX-imported memory
 * entries) and `glossary.json`. Both follow users.json: the data lives in
 * memory, every change rewrites the file durably (DurableJsonFile) before the
 * promise resolves. Writes are chained so two
 * concurrent changes never interleave their renames. Exported for the other
 * small lists (shares.json).
 */
export class LowdbList<T> {
  #tail: Promise<void> = Promise.resolve();

  private constructor(readonly db: Low<{ items: T[] }>) {}

  static async open<T>(path: string, fs: StorageFs = nodeFs): Promise<LowdbList<T>> {
    const db = new Low<{ items: T[] }>(new DurableJsonFile<{ items: T[] }>(path, fs), { items: [] });
    await db.read();
    if (!Array.isArray(db.data.items)) throw new Error(`${path} has no "items" list`);
    return new LowdbList(db);
  }

  get items(): T[] {
    return this.db.data.items;
  }

  /** Applies `change` now (so readers see it at once) and resolves when it is durable. */
  write(change: (items: T[]) => void): Promise<void> {
    change(this.db.data.items);
    const run = this.#tail.then(async () => {
      await this.db.write();
    });
    this.#tail = run.catch(() => {});
    return run;
  }
}

export class LowdbTmStore implements TmStore {
  private constructor(private readonly list_: LowdbList<TmEntryRecord>) {}

  static async open(dataDir: string): Promise<LowdbTmStore> {
    return new LowdbTmStore(await LowdbList.open<TmEntryRecord>(join(dataDir, 'tm.json')));
  }

  async list(): Promise<TmEntryRecord[]> {
    return structuredClone(this.list_.items);
  }

  addMany(entries: readonly TmEntryRecord[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return this.list_.write((items) => {
      for (const e of entries) items.push(structuredClone(e));
    });
  }
}

export class LowdbGlossaryStore implements GlossaryStore {
  private constructor(private readonly list_: LowdbList<GlossaryTermRecord>) {}

  static async open(dataDir: string): Promise<LowdbGlossaryStore> {
    return new LowdbGlossaryStore(await LowdbList.open<GlossaryTermRecord>(join(dataDir, 'glossary.json')));
  }

  async list(): Promise<GlossaryTermRecord[]> {
    return structuredClone(this.list_.items);
  }

  putMany(terms: readonly GlossaryTermRecord[]): Promise<void> {
    return this.list_.write((items) => {
      for (const t of terms) {
        const i = items.findIndex((x) => x.id === t.id);
        if (i >= 0) items[i] = structuredClone(t);
        else items.push(structuredClone(t));
      }
    });
  }

  async remove(id: string): Promise<boolean> {
    if (!this.list_.items.some((x) => x.id === id)) return false;
    await this.list_.write((items) => {
      const i = items.findIndex((x) => x.id === id);
      if (i >= 0) items.splice(i, 1);
    });
    return true;
  }

  replaceAll(terms: readonly GlossaryTermRecord[]): Promise<void> {
    return this.list_.write((items) => {
      items.splice(0, items.length, ...terms.map((t) => structuredClone(t)));
    });
  }
}
