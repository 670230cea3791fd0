import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSourceFileStore } from './sourceFileStore.js';
import type { SourceFileRecord } from './types.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function record(slots: number, byteCount: number): SourceFileRecord {
  return {
    docId: 'd_source1',
    name: 'big.docx',
    format: 'docx',
    createdAt: '2026-12-03T10:00:00.000Z',
    createdBy: 'u_1',
    bytes: randomBytes(byteCount),
    skeleton: {
      format: 'docx',
      parts: ['word/document.xml'],
      charset: null,
      fixed: [{ part: 0, start: 1, end: 2, text: 'x' }],
      slots: Array.from({ length: slots }, (_, i) => ({
        part: 0,
        start: i * 10,
        end: i * 10 + 5,
        prefix: '<w:r>',
        suffix: '</w:r>',
        text: `Paragraph ${i} «текст» 文本 😀 "quoted"`,
        tags: { b1: { kind: 'pair', open: '<b>', close: '</b>', label: 'b' } },
        mode: { kind: 'docx', style: '' },
      })),
    },
    paragraphIds: Array.from({ length: slots }, (_, i) => `p_${i}`),
  };
}

describe('FileSourceFileStore', () => {
  it('writes a record in pieces that reads back whole: slots past one slice, bytes past one base64 piece', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'anor-sources-'));
    dirs.push(dir);
    const store = await FileSourceFileStore.open(dir);
    // 1000 slots cross the 256-slot batches; 2,000,001 bytes cross the 786,432-byte base64 pieces and end on a partial group.
    for (const [slots, bytes] of [
      [1000, 2_000_001],
      [0, 0],
      [1, 5],
    ] as const) {
      const rec = record(slots, bytes);
      await store.put(rec);
      const back = await store.get(rec.docId);
      // The bytes compared apart: a deep equal of two megabytes byte by byte takes seconds.
      expect(back && { ...back, bytes: null }).toEqual({ ...rec, bytes: null });
      expect(back?.bytes.equals(rec.bytes)).toBe(true);
    }
  });
});
