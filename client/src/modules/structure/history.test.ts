import { describe, expect, it } from 'vitest';
import type { Revision } from '../../../../shared/domain/types.js';
import { beforeJoin, lastText, splitOffset } from './history.js';

const r = (rev: number, text: string, kind: Revision['kind']): Revision => ({
  rev,
  text,
  kind,
  status: 'draft',
  author: 'u',
  at: '2026-01-01T00:00:00Z',
  opId: 'o',
});

describe('structure history', () => {
  it('takes the last applied text, never a conflict that lost', () => {
    expect(lastText([r(1, 'Один.', 'edit'), r(2, 'Один!', 'edit'), r(2, 'Одна.', 'conflict')])).toBe('Один!');
    expect(lastText([])).toBe('');
  });

  it('finds the revision before the last join, and nothing for a cell no join changed', () => {
    const joined = [r(1, 'One.', 'edit'), r(1, 'One.', 'status'), r(2, 'One. Two.', 'join'), r(2, 'One! Two.', 'conflict')];
    expect(beforeJoin(joined)).toMatchObject({ rev: 1, text: 'One.' });
    expect(beforeJoin([r(1, 'One.', 'edit')])).toBeNull();
    // The cell was empty before the join gave it the next paragraph's text.
    expect(beforeJoin([r(1, 'Two.', 'join')])).toMatchObject({ rev: 0, text: '' });
  });

  it('counts the split point in graphemes and refuses a split before the first one', () => {
    expect(splitOffset('Қазақ 🇰🇿 тілі', 10)).toBe(7);
    expect(splitOffset('Hello world', 6)).toBe(6);
    expect(splitOffset('Hello', 0)).toBeNull();
    expect(splitOffset('Hello', 99)).toBe(5);
  });
});
