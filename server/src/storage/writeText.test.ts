import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs, writeText } from './fs.js';

describe('writeText', () => {
  it('writes long text a megabyte at a time without splitting a surrogate pair, and counts the bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'anor-writetext-'));
    try {
      // An emoji (two UTF-16 units) straddles every 1 MiB boundary of the first piece.
      const text = 'a'.repeat((1 << 20) - 1) + '😀'.repeat(600_000) + 'end';
      const pieces = [text, '', 'second piece ✓'];
      const file = path.join(dir, 'out.txt');
      const fh = await nodeFs.open(file, 'w');
      const bytes = await writeText(fh, pieces);
      await fh.close();
      const back = await readFile(file, 'utf8');
      expect(back).toBe(pieces.join(''));
      expect(bytes).toBe(Buffer.byteLength(pieces.join(''), 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
