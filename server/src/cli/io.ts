import { open, readFile } from 'node:fs/promises';

/** Where a subcommand writes; tests pass their own to capture output in-process. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Raw bytes to standard output (a DOCX); absent where only text can go. */
  bytes?: (data: Buffer) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  bytes: (data) => process.stdout.write(data),
};

/**
 * Reads a user-named input file as UTF-8 (these are the user's files named on
 * the command line, not Anor's store). Undefined plus a message when it cannot.
 */
export async function readUtf8(path: string): Promise<{ text: string } | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { error: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: `${path} is not UTF-8 text` };
  }
}

/** Why a user's input file was not read: it could not be opened, or it is over the import limit. */
export class InputFileError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'too_large',
    message: string,
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}

/**
 * Reads a user-named input file under `limit` bytes without ever holding more
 * than `limit + 1` of it: a regular file whose size is over the limit is
 * refused from its metadata before a byte is read, and anything else (a pipe,
 * a device, a file growing while read) is read in chunks and refused the
 * moment it passes the limit.
 */
export async function readBounded(path: string, limit: number): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new InputFileError('unreadable', `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new InputFileError('unreadable', `cannot read ${path} (EISDIR)`);
    const tooLarge = (): InputFileError =>
      new InputFileError('too_large', `${path} is over the import limit of ${limit} bytes (ANOR_MAX_IMPORT_BYTES)`);
    if (st.isFile() && st.size > limit) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limit) throw tooLarge();
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, size);
  } finally {
    await fh.close();
  }
}
