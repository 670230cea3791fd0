import { join } from 'node:path';
import { LowdbList } from './aidsStore.js';
import type { ShareRecord, ShareStore } from './types.js';

/**
 * `shares.json`: the read-only links, a few per document at most, so one
 * small lowdb list (same durability as users.json: temp file, rename, fsync of
 * file and directory before a change resolves). Lookups scan the list: a
 * thousand links are a microsecond's work and this keeps the file the only
 * state.
 */
export class LowdbShareStore implements ShareStore {
  private constructor(private readonly list_: LowdbList<ShareRecord>) {}

  static async open(dataDir: string): Promise<LowdbShareStore> {
    return new LowdbShareStore(await LowdbList.open<ShareRecord>(join(dataDir, 'shares.json')));
  }

  async list(): Promise<ShareRecord[]> {
    return structuredClone(this.list_.items);
  }

  async findByTokenHash(tokenHash: string): Promise<ShareRecord | undefined> {
    const found = this.list_.items.find((s) => s.tokenHash === tokenHash);
    return found && structuredClone(found);
  }

  add(share: ShareRecord): Promise<void> {
    return this.list_.write((items) => void items.push(structuredClone(share)));
  }

  async remove(id: string): Promise<boolean> {
    if (!this.list_.items.some((s) => s.id === id)) return false;
    await this.list_.write((items) => {
      const i = items.findIndex((s) => s.id === id);
      if (i >= 0) items.splice(i, 1);
    });
    return true;
  }

  async removeForDocument(docId: string): Promise<ShareRecord[]> {
    const gone = this.list_.items.filter((s) => s.docId === docId);
    if (gone.length === 0) return [];
    await this.list_.write((items) => {
      for (let i = items.length - 1; i >= 0; i--) if (items[i]?.docId === docId) items.splice(i, 1);
    });
    return structuredClone(gone);
  }
}
