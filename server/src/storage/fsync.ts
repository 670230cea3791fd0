import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { nodeFs, writeText } from './fs.js';
import type { StorageFs } from './fs.js';

/**
 * Durability helpers. A file is replaced durably by writing a temp file,
 * fdatasync'ing it, renaming it over the target and fsync'ing the directory:
 * after a power cut the name points at the old content or the new, never at
 * an empty or partial file (lowdb's own writer renames before anything is
 * synced, which is why the stores do not use it). The order is proven by
 * server/test/powerLoss.test.ts.
 */

/**
 * fsync a file or a directory by path. For a directory this makes renames,
 * creations and unlinks in it survive a crash (Linux allows fsync on an O_RDONLY fd).
 */
export async function fsyncPath(fs: StorageFs, path: string): Promise<void> {
  const fh = await fs.open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Replaces `path` with `text` (or its pieces, one after the other), the new
 * bytes durable before the rename; the caller syncs the directory.
 */
export async function replaceFile(fs: StorageFs, path: string, text: string | readonly string[]): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp`);
  const fh = await fs.open(tmp, 'w');
  try {
    await writeText(fh, text);
    await fh.datasync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, path);
}

/**
 * A lowdb adapter for the small JSON files (users, sessions, shares, memory,
 * glossary): the same JSON as lowdb's JSONFile, written with replaceFile and
 * a directory sync, one write at a time, so `db.write()` resolves only when
 * the change is durable.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly fs: StorageFs = nodeFs,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.fs.readText(this.path);
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return null;
      throw e;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    // Serialised now, so the caller may go on changing `data`.
    const text = JSON.stringify(data, null, 2);
    const run = this.#tail.then(async () => {
      await replaceFile(this.fs, this.path, text);
      await fsyncPath(this.fs, dirname(this.path));
    });
    this.#tail = run.catch(() => {});
    return run;
  }
}

/** mkdir -p, and the new directory's entry made durable (its parent fsync'ed), or a power cut could take it and all in it. */
export async function ensureDir(fs: StorageFs, path: string): Promise<void> {
  await fs.mkdir(path);
  await fsyncPath(fs, dirname(path));
}

export function isErrno(e: unknown, code: string): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === code;
}
