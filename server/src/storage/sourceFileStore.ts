import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFileRecord, SourceFileStore } from './types.js';
import { nodeFs, writeText } from './fs.js';
import { timeSlicer } from '../slices.js';
import { ensureDir, fsyncPath, isErrno } from './fsync.js';

/**
 * `sources/<docId>.json`: one file per document imported from a DOCX, HTML,
 * Markdown or PO file — the record with the file's bytes in base64. Written to a
 * temporary name, fsync'd, renamed over, and the directory fsync'd, so a crash
 * leaves the old record or the new one, never half of one. Nothing is cached:
 * records are read only when someone exports the original.
 */
interface OnDisk extends Omit<SourceFileRecord, 'bytes'> {
  bytes: string;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/u;
const RECORD_RE = /^([A-Za-z0-9_-]{1,64})\.json$/u;

export class FileSourceFileStore implements SourceFileStore {
  private constructor(private readonly dir: string) {}

  /** The directory is made on the first put: most installations never import a file. */
  static open(dataDir: string): Promise<FileSourceFileStore> {
    return Promise.resolve(new FileSourceFileStore(join(dataDir, 'sources')));
  }

  private path(docId: string): string {
    if (!SAFE_ID.test(docId)) throw new Error(`not a document id: ${docId}`);
    return join(this.dir, `${docId}.json`);
  }

  async get(docId: string): Promise<SourceFileRecord | undefined> {
    let raw: string;
    try {
      raw = await readFile(this.path(docId), 'utf8');
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return undefined;
      throw err;
    }
    const disk = JSON.parse(raw) as OnDisk;
    return { ...disk, bytes: Buffer.from(disk.bytes, 'base64') };
  }

  async put(record: SourceFileRecord): Promise<void> {
    const path = this.path(record.docId);
    const tmp = `${path}.tmp`;
    await ensureDir(nodeFs, this.dir);
    const fh = await open(tmp, 'w');
    try {
      await writeText(fh, await recordPieces(record));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    await fsyncPath(nodeFs, this.dir);
  }

  async remove(docId: string): Promise<boolean> {
    try {
      await unlink(this.path(docId));
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return false;
      throw err;
    }
    await fsyncPath(nodeFs, this.dir);
    return true;
  }

  async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return [];
      throw err;
    }
    // `<id>.json.tmp` is a put a crash interrupted: the record it would have replaced (if any) is the one that counts.
    return names.flatMap((n) => RECORD_RE.exec(n)?.[1] ?? []).sort();
  }
}

/** base64 of this many bytes at a time (a multiple of 3, so the pieces join into one valid base64 string). */
const BASE64_PIECE = 3 << 18;

/**
 * The record's JSON (`OnDisk`) in pieces, made in slices of the event loop:
 * a 16 MB file has a skeleton of 19,000 slots and 22 MB of base64, and one
 * JSON.stringify of it all, then one encoding of that string, would hold
 * every other user up for most of a second.
 */
async function recordPieces(record: SourceFileRecord): Promise<string[]> {
  const { bytes, skeleton, ...rest } = record;
  const { slots, ...frame } = skeleton;
  const pause = timeSlicer(8);
  const head = JSON.stringify({ ...rest, skeleton: frame });
  // head ends with the skeleton's closing brace and the record's: the slots go in before them.
  const pieces = [`${head.slice(0, -2)},"slots":[`];
  for (let i = 0; i < slots.length; i++) {
    pieces.push(`${i > 0 ? ',' : ''}${JSON.stringify(slots[i])}`);
    if ((i & 255) === 255) await pause();
  }
  pieces.push(']},"bytes":"');
  for (let at = 0; at < bytes.length; at += BASE64_PIECE) {
    pieces.push(bytes.subarray(at, at + BASE64_PIECE).toString('base64'));
    await pause();
  }
  pieces.push('"}');
  return pieces;
}
