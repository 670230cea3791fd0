import { readFile } from 'node:fs/promises';

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
