import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStorage } from '../index.js';
import { LowdbDocumentStore } from '../documentStore.js';
import type { TransferStores } from './content.js';

/** One end of `anor migrate --from … --to …`: an embedded data directory, or a PostgreSQL database. */
export type Place = { kind: 'dir'; dataDir: string } | { kind: 'database'; url: string };

export function parsePlace(raw: string): Place {
  return /^postgres(ql)?:\/\//u.test(raw) ? { kind: 'database', url: raw } : { kind: 'dir', dataDir: resolve(raw) };
}

/** How a place is printed: a database URL without its password. */
export function describePlace(place: Place): string {
  if (place.kind === 'dir') return `data directory ${place.dataDir}`;
  const url = new URL(place.url);
  if (url.password !== '') url.password = '***';
  return `database ${url.toString()}`;
}

export function samePlace(a: Place, b: Place): boolean {
  return a.kind === 'dir' && b.kind === 'dir' ? a.dataDir === b.dataDir : a.kind === b.kind && describePlace(a) === describePlace(b);
}

/** A place that is to be read must be there: an empty directory made by a typo would copy nothing, silently. */
export class PlaceMissingError extends Error {
  readonly code = 'source_missing';
}

export interface OpenPlace {
  stores: TransferStores;
  /** What recovery said on load (an interrupted write skipped, say). */
  warnings: string[];
  close(): Promise<void>;
}

/**
 * Opens a place as `anor serve` would (a data directory is locked, so a
 * server running on it is refused; a database gets its schema migrated) and
 * loads its documents. A database needs no data directory: the empty one
 * storage opens beside it is private to this run and removed on close.
 */
export async function openPlace(place: Place, opts: { mustExist: boolean; log: (msg: string) => void }): Promise<OpenPlace> {
  let scratch: string | undefined;
  if (place.kind === 'dir' && opts.mustExist) {
    const found = await stat(place.dataDir).catch(() => undefined);
    if (!found?.isDirectory()) throw new PlaceMissingError(`${place.dataDir} is not a directory`);
  }
  if (place.kind === 'database') scratch = await mkdtemp(join(tmpdir(), 'anor-migrate-'));
  const dataDir = place.kind === 'dir' ? place.dataDir : (scratch ?? '');
  try {
    const storage = await createStorage({ dataDir, databaseUrl: place.kind === 'database' ? place.url : undefined, log: opts.log });
    try {
      // Documents in the scratch directory would vanish with it: only a build whose documents live in the database copies one.
      if (scratch !== undefined && storage.documents instanceof LowdbDocumentStore) {
        throw new Error('this build keeps documents in the data directory even with a database, so a database cannot be copied whole');
      }
      // Stubs: recovery without holding every document; exportDocuments reads them one at a time.
      const loaded = await storage.documents.load({ stubs: true });
      return {
        stores: storage,
        warnings: loaded.warnings,
        async close() {
          await storage.close();
          if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
        },
      };
    } catch (err) {
      await storage.close();
      throw err;
    }
  } catch (err) {
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
    throw err;
  }
}
