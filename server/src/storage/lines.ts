import type { StorageFs } from './fs.js';

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Calls `onLine` for every line of a file, reading it in 1 MiB chunks so that a
 * long journal segment never has to fit in one string. The last line is passed
 * with `complete: false` when the file does not end with a newline, which is how
 * a write torn by a crash looks.
 */
export async function forEachLine(
  fs: StorageFs,
  path: string,
  onLine: (line: string, lineNo: number, complete: boolean) => void,
): Promise<void> {
  const fh = await fs.open(path, 'r');
  try {
    let carry: Buffer | null = null;
    let lineNo = 0;
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      // Lines may span chunks; the unfinished tail is carried over (copied, since buf is reused).
      const data: Buffer = carry ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      let start = 0;
      let nl = data.indexOf(NEWLINE, start);
      while (nl >= 0) {
        lineNo++;
        if (nl > start) onLine(data.toString('utf8', start, nl), lineNo, true);
        start = nl + 1;
        nl = data.indexOf(NEWLINE, start);
      }
      carry = start < data.length ? Buffer.from(data.subarray(start)) : null;
    }
    if (carry) onLine(carry.toString('utf8'), lineNo + 1, false);
  } finally {
    await fh.close();
  }
}
