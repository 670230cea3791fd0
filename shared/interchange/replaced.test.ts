import { describe, expect, it } from 'vitest';
import { emptyCell } from '../domain/types.js';
import type { CellStatus, Paragraph } from '../domain/types.js';
import type { IdLink } from '../protocol/interchange.js';
import { replacedCells } from './replaced.js';

const para = (id: string, en: string, ru = '', status: CellStatus = ru ? 'draft' : 'empty'): Paragraph => ({
  id,
  cells: { en: { ...emptyCell(), text: en, rev: 1, status: 'draft' }, ru: { ...emptyCell(), text: ru, rev: ru ? 1 : 0, status } },
});

describe('replacedCells', () => {
  const paragraphs = [
    para('p0', 'Summit'),
    para('p1', 'The leaders met.', 'Лидеры встречались.'),
    para('p2', 'They signed.', 'Они подписали.', 'approved'),
  ];
  const target = ['Саммит', 'Лидеры встретились.', 'Они подписали.'];
  const oneToOne: IdLink[] = [
    { paragraphIds: ['p0'], target: [0] },
    { paragraphIds: ['p1'], target: [1] },
    { paragraphIds: ['p2'], target: [2] },
  ];

  it('lists only cells that hold a different text now: empty cells are filled, equal ones untouched', () => {
    expect(replacedCells(paragraphs, 'ru', target, oneToOne)).toEqual([
      { paragraphId: 'p1', current: 'Лидеры встречались.', status: 'draft', imported: 'Лидеры встретились.' },
    ]);
  });

  it('follows the links as edited: a merged row replaces the first cell with both texts', () => {
    const merged: IdLink[] = [
      { paragraphIds: ['p0'], target: [0] },
      { paragraphIds: ['p1', 'p2'], target: [1, 2] },
    ];
    expect(replacedCells(paragraphs, 'ru', target, merged)).toEqual([
      { paragraphId: 'p1', current: 'Лидеры встречались.', status: 'draft', imported: 'Лидеры встретились. Они подписали.' },
    ]);
  });

  it('replaces nothing when the links no longer fit the document', () => {
    expect(replacedCells(paragraphs.slice(0, 2), 'ru', target, oneToOne)).toEqual([]);
  });
});
