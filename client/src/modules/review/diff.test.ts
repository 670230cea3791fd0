import { describe, expect, it } from 'vitest';
import type { Revision } from '../../../../shared/domain/types.js';
import { graphemeDiff, historyLines, textDiff, wordTokens } from './diff.js';
import type { DiffPart } from './diff.js';

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

const side = (parts: DiffPart[], skip: DiffPart['op']): string =>
  parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');

describe('textDiff', () => {
  it('diffs Kazakh by whole words: a changed word is struck out and the new one inserted', () => {
    const parts = textDiff('Асқорда ашылды', 'Астқорданада ашылды', 'kk');
    expect(parts).toEqual([
      { op: 'delete', text: 'Асқорда' },
      { op: 'insert', text: 'Астқорданада' },
      { op: 'equal', text: ' ашылды' },
    ]);
  });

  it('diffs Russian and English by words, spaces and punctuation kept apart', () => {
    expect(textDiff('Саммит открылся во вторник.', 'Саммит открылся в среду.', 'ru')).toEqual([
      { op: 'equal', text: 'Саммит открылся ' },
      { op: 'delete', text: 'во вторник' },
      { op: 'insert', text: 'в среду' },
      { op: 'equal', text: '.' },
    ]);
    expect(textDiff('The summit opened.', 'The second summit opened.', 'en')).toEqual([
      { op: 'equal', text: 'The ' },
      { op: 'insert', text: 'second ' },
      { op: 'equal', text: 'summit opened.' },
    ]);
  });

  it('keeps an Uzbek word with its ‘ and ʻ letters whole', () => {
    expect(wordTokens('O‘zbekiston gʻalaba', 'uz')).toEqual(['O‘zbekiston', ' ', 'gʻalaba']);
    expect(textDiff('O‘zbekiston', 'Oʻzbekiston', 'uz')).toEqual([
      { op: 'delete', text: 'O‘zbekiston' },
      { op: 'insert', text: 'Oʻzbekiston' },
    ]);
  });

  it('diffs Chinese character by character', () => {
    expect(textDiff('第二届峰会', '第二届中亚峰会', 'zh')).toEqual(graphemeDiff('第二届峰会', '第二届中亚峰会'));
  });

  it('always gives back both texts, in every language', () => {
    const pairs: [string, string, 'en' | 'ru' | 'kk' | 'uz' | 'zh'][] = [
      ['Hello, world!', 'Hello there, world?', 'en'],
      ['Сәлем, дос! 🇰🇿', 'Сәлеметсіз бе, достар 🇺🇿', 'kk'],
      ['Yangi yil', 'Yangi yil bayrami', 'uz'],
      ['会议在周二开幕。', '会议于周三开幕！', 'zh'],
      ['', 'Новый текст', 'ru'],
    ];
    for (const [a, b, lang] of pairs) {
      const parts = textDiff(a, b, lang);
      expect(side(parts, 'insert')).toBe(a);
      expect(side(parts, 'delete')).toBe(b);
    }
  });
});

describe('historyLines', () => {
  const r = (
    rev: number,
    text: string,
    kind: Revision['kind'],
    status: Revision['status'],
    author = 'u',
    at = '2026-01-01T00:00:00Z',
  ): Revision => ({
    rev,
    text,
    kind,
    status,
    author,
    at,
    opId: null,
  });

  it('shows text changes against the previous applied text, status changes with their origin, newest first', () => {
    const lines = historyLines(
      [
        r(1, 'Сәлем', 'edit', 'draft'),
        r(1, 'Сәлем', 'status', 'in_review'),
        r(1, 'Сәлем!', 'conflict', 'in_review'),
        r(2, 'Сәлеметсіз', 'edit', 'draft'),
      ],
      'zh',
    );
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

  it('shows consecutive edits of one author in one sitting as one line, the diff over all of them', () => {
    const at = (s: number): string => new Date(Date.UTC(2026, 0, 1, 9, 0, s)).toISOString();
    const lines = historyLines(
      [
        r(1, 'С', 'edit', 'draft', 'aida', at(0)),
        r(2, 'Сә', 'edit', 'draft', 'aida', at(1)),
        r(3, 'Сәл', 'merge', 'draft', 'aida', at(2)),
        r(4, 'Сәлем', 'edit', 'draft', 'aida', at(3)),
        r(4, 'Сәлем!', 'conflict', 'draft', 'dana', at(4)),
        r(5, 'Сәлем,', 'edit', 'draft', 'aida', at(5)),
        r(6, 'Сәлем, дос', 'edit', 'draft', 'dana', at(6)),
        r(7, 'Сәлем, досым', 'edit', 'draft', 'dana', at(7)),
        r(8, 'Сәлем, досым!', 'edit', 'draft', 'dana', at(7 + 6 * 60)), // another sitting
      ],
      'kk',
    );
    expect(lines.map((l) => [l.revision.rev, l.revision.kind, l.revision.author, l.count, l.diff])).toEqual([
      [
        8,
        'edit',
        'dana',
        1,
        [
          { op: 'equal', text: 'Сәлем, досым' },
          { op: 'insert', text: '!' },
        ],
      ],
      [
        7,
        'edit',
        'dana',
        2,
        [
          { op: 'equal', text: 'Сәлем,' },
          { op: 'insert', text: ' досым' },
        ],
      ],
      [
        5,
        'edit',
        'aida',
        1,
        [
          { op: 'equal', text: 'Сәлем' },
          { op: 'insert', text: ',' },
        ],
      ],
      [
        4,
        'conflict',
        'dana',
        1,
        [
          { op: 'equal', text: 'Сәлем' },
          { op: 'insert', text: '!' },
        ],
      ],
      [4, 'edit', 'aida', 4, [{ op: 'insert', text: 'Сәлем' }]],
    ]);
    expect(lines[4]).toMatchObject({ since: at(0), statusFrom: 'empty' });
  });
});
