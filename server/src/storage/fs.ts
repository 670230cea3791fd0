import * as fsp from 'node:fs/promises';

/**
 * The file-system calls the storage layer makes, and nothing more, so that a
 * test can run the real journal, snapshots, checkpoints and small JSON files
 * over a file system that records every write and sync and can lose power
 * (server/test/helpers/powerLossFs.ts). Production uses node:fs/promises
 * (`nodeFs`). Only what durability depends on is here: a new storage backend
 * on local files takes a StorageFs too.
 */
export interface StorageFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  /** `position: null` reads on from the current position. */
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }>;
  /** fdatasync(2): the file's data (and size) are durable when it resolves. */
  datasync(): Promise<void>;
  /** fsync(2); on a directory opened with 'r', its entries (creates, renames, unlinks) become durable. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageFs {
  /** 'r' read (files and directories), 'w' create or truncate, 'wx'/'ax' create exclusively (EEXIST otherwise). */
  open(path: string, flags: 'r' | 'w' | 'wx' | 'ax'): Promise<StorageFile>;
  /** The whole file as UTF-8; ENOENT when it is absent. */
  readText(path: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
  /** mkdir -p. */
  mkdir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFs: StorageFs = {
  open: (path, flags) => fsp.open(path, flags),
  readText: (path) => fsp.readFile(path, 'utf8'),
  readdir: (path) => fsp.readdir(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
};

/** Writes all of `buf` at the file's position, however many calls it takes. */
export async function writeAll(file: StorageFile, buf: Uint8Array): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await file.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

/** Characters encoded per write: a large snapshot is encoded a piece at a time, the event loop running between. */
const TEXT_PIECE = 1 << 20;

/**
 * Writes text as UTF-8 a megabyte at a time, so that encoding a file of tens
 * of megabytes (a document made from a 16 MB file) is not one long block of
 * the main thread. Resolves with the bytes written. A piece never ends between the two halves of a surrogate pair.
 */
export async function writeText(file: StorageFile, text: string | readonly string[]): Promise<number> {
  let bytes = 0;
  for (const piece of typeof text === 'string' ? [text] : text) {
    for (let at = 0; at < piece.length;) {
      let end = Math.min(piece.length, at + TEXT_PIECE);
      const last = piece.charCodeAt(end - 1);
      if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end--;
      const buf = Buffer.from(end - at === piece.length ? piece : piece.slice(at, end), 'utf8');
      await writeAll(file, buf);
      bytes += buf.length;
      at = end;
    }
  }
  return bytes;
}
