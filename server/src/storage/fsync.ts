import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Durability helpers. lowdb (via steno) writes a temp file and renames it over
 * the target but never fsyncs, so after a crash the new name may point at an
 * empty or partial file. Syncing the file and then its directory makes both the
 * bytes and the rename durable.
 */

/**
 * fsync a file or a directory by path. For a directory this makes renames,
 * creations and unlinks in it survive a crash (Linux allows fsync on an O_RDONLY fd).
 */
export async function fsyncPath(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The lowdb write of a whole file made durable: bytes, then the directory entry. */
export async function syncAfterLowdbWrite(path: string): Promise<void> {
  await fsyncPath(path);
  await fsyncPath(dirname(path));
}

export async function ensureDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
}

export function isErrno(e: unknown, code: string): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === code;
}
