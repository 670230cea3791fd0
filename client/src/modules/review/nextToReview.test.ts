import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../../../shared/domain/types.js';
import type { CellStatus, Paragraph } from '../../../../shared/domain/types.js';
import { nextToReview } from './nextToReview.js';

const p = (id: string, status: CellStatus, outdated = false): Paragraph => ({
  id,
  cells: { en: { ...emptyCell(), text: 'x', rev: 1, status: 'draft' }, ru: { ...emptyCell(), text: 'x', rev: 1, status, outdated } },
});

describe('nextToReview', () => {
  const doc = [p('a', 'in_review'), p('b', 'draft'), p('c', 'approved'), p('d', 'in_review'), p('e', 'approved', true)];

  it('goes down to the next cell in review or approved but outdated', () => {
    expect(nextToReview(doc, 'ru', 'a')).toBe('d');
    expect(nextToReview(doc, 'ru', 'd')).toBe('e');
    expect(nextToReview(doc, 'ru', 'b')).toBe('d');
  });

  it('wraps round to the top and never returns the cell it starts from', () => {
    expect(nextToReview(doc, 'ru', 'e')).toBe('a');
    expect(nextToReview([p('a', 'in_review'), p('b', 'draft')], 'ru', 'a')).toBeNull();
  });

  it('starts from the top when the paragraph is gone, and finds nothing in a language without cells', () => {
    expect(nextToReview(doc, 'ru', 'gone')).toBe('a');
    expect(nextToReview(doc, 'kk', 'a')).toBeNull();
  });
});
