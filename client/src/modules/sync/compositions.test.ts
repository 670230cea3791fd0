import { describe, expect, it } from 'vitest';
import { Compositions } from './compositions.js';

describe('Compositions', () => {
  it('shows typing inside a composition only, and ends it with the text it started from', () => {
    const c = new Compositions();
    expect(c.typed('k', 'ni')).toBe(false);
    expect(c.shown('k')).toBeUndefined();
    c.start('k', '你');
    expect(c.typed('k', '你hao')).toBe(true);
    expect(c.shown('k')).toBe('你hao');
    expect(c.end('k')).toMatchObject({ base: '你' });
    expect([c.shown('k'), c.end('k')]).toEqual([undefined, undefined]);
  });

  it('drops unfinished compositions', () => {
    const c = new Compositions();
    c.start('a', 'x');
    c.start('b', 'y');
    c.clear();
    expect([c.end('a'), c.end('b')]).toEqual([undefined, undefined]);
  });
});
