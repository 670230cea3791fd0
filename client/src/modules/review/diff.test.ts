import { describe, expect, it } from 'vitest';
import type { Revision } from '../../../../shared/domain/types.js';
import { graphemeDiff, historyLines } from './diff.js';

describe('graphemeDiff', () => {
  it('diffs Chinese character by character and keeps both texts recoverable', () => {
    const parts = graphemeDiff('第二届峰会', '第二届中亚峰会');
    expect(parts).toEqual([
      { op: 'equal', text: '第二届' },
      { op: 'insert', text: '中亚' },
      { op: 'equal', text: '峰会' },
    ]);
    expect(
      parts
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe('第二届峰会');
    expect(
      parts
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe('第二届中亚峰会');
  });

  it('never splits a grapheme: a flag, a family emoji and a combining accent stay whole', () => {
    const before = 'a🇰🇿b e\u0301';
    const after = 'a🇺🇿b e\u0300';
    const parts = graphemeDiff(before, after);
    expect(parts).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: '🇰🇿' },
      { op: 'insert', text: '🇺🇿' },
      { op: 'equal', text: 'b ' },
      { op: 'delete', text: 'e\u0301' },
      { op: 'insert', text: 'e\u0300' },
    ]);
  });
});

describe('historyLines', () => {
  const r = (rev: number, text: string, kind: Revision['kind'], status: Revision['status']): Revision => ({
    rev,
    text,
    kind,
    status,
    author: 'u',
    at: '2026-01-01T00:00:00Z',
    opId: null,
  });

  it('shows text changes against the previous applied text, status changes with their origin, newest first', () => {
    const lines = historyLines([
      r(1, 'Сәлем', 'edit', 'draft'),
      r(1, 'Сәлем', 'status', 'in_review'),
      r(1, 'Сәлем!', 'conflict', 'in_review'),
      r(2, 'Сәлеметсіз', 'edit', 'draft'),
    ]);
    expect(lines.map((l) => [l.revision.kind, l.statusFrom, l.diff])).toEqual([
      [
        'edit',
        'in_review',
        [
          { op: 'equal', text: 'Сәлем' },
          { op: 'insert', text: 'етсіз' },
        ],
      ],
      [
        'conflict',
        null,
        [
          { op: 'equal', text: 'Сәлем' },
          { op: 'insert', text: '!' },
        ],
      ],
      ['status', 'draft', []],
      ['edit', 'empty', [{ op: 'insert', text: 'Сәлем' }]],
    ]);
  });
});
