import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../../../shared/index.js';
import type { Cell, DocumentSnapshot } from '../../../../shared/index.js';
import { filterParagraphs, isFiltering, NO_FILTER } from './filter.js';

const cell = (text: string, over: Partial<Cell> = {}): Cell => ({
  ...emptyCell(),
  text,
  rev: text ? 1 : 0,
  status: text ? 'draft' : 'empty',
  ...over,
});
const doc: DocumentSnapshot = {
  id: 'd',
  title: 't',
  sourceLang: 'en',
  targetLangs: ['zh', 'ru'],
  createdAt: '',
  createdBy: 'u',
  seq: 1,
  updatedAt: '',
  paragraphs: [
    { id: 'a', cells: { en: cell('Astana summit'), zh: cell('阿斯塔纳峰会', { updatedBy: 'me' }), ru: cell('') } },
    {
      id: 'b',
      cells: {
        en: cell('Trade grew'),
        zh: cell(''),
        ru: cell('Торговля выросла', { status: 'approved', outdated: true, updatedBy: 'other' }),
      },
    },
    { id: 'c', cells: { en: cell('Railway'), zh: cell(''), ru: cell('') } },
  ],
};
const ctx = {
  shownLangs: ['en', 'zh', 'ru'] as const,
  userId: 'me',
  textOf: (p: string, l: 'en' | 'zh' | 'ru' | 'kk' | 'uz') => doc.paragraphs.find((x) => x.id === p)?.cells[l]?.text ?? '',
};

describe('filterParagraphs', () => {
  it('finds text in any shown language, case-insensitively', () => {
    expect(filterParagraphs(doc, { ...NO_FILTER, text: 'ASTANA' }, ctx)).toEqual([0]);
    expect(filterParagraphs(doc, { ...NO_FILTER, text: 'торговля' }, ctx)).toEqual([1]);
    expect(filterParagraphs(doc, { ...NO_FILTER, text: '峰会' }, ctx)).toEqual([0]);
  });
  it('filters by status and language together', () => {
    expect(filterParagraphs(doc, { ...NO_FILTER, status: 'empty', lang: 'zh' }, ctx)).toEqual([1, 2]);
    expect(filterParagraphs(doc, { ...NO_FILTER, status: 'approved' }, ctx)).toEqual([1]);
  });
  it('has outdated-only and mine-only', () => {
    expect(filterParagraphs(doc, { ...NO_FILTER, outdatedOnly: true }, ctx)).toEqual([1]);
    expect(filterParagraphs(doc, { ...NO_FILTER, mineOnly: true }, ctx)).toEqual([0]);
  });
  it('keeps the rows being edited in place, whatever the filter says', () => {
    const f = { ...NO_FILTER, status: 'empty' as const, lang: 'zh' as const };
    expect(filterParagraphs(doc, f, { ...ctx, editing: new Set(['a']) })).toEqual([0, 1, 2]);
    expect(filterParagraphs(doc, { ...NO_FILTER, text: 'railway' }, { ...ctx, editing: new Set(['b']) })).toEqual([1, 2]);
  });
  it('knows when nothing is filtered', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '  ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, mineOnly: true })).toBe(true);
  });
});
