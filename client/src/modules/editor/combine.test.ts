import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../../shared/languages.js';
import { bothVersions, compareVersions } from './combine.js';

describe('compareVersions', () => {
  it('marks whole words that differ in languages written with spaces', () => {
    expect(compareVersions('Пёс сидит на ковре.', 'Кошка лежит на ковре.', 'ru')).toEqual([
      { side: 'theirs', text: 'Пёс сидит' },
      { side: 'yours', text: 'Кошка лежит' },
      { side: 'both', text: ' на ковре.' },
    ]);
    expect(compareVersions('Пёс сидит.', 'Кошка сидит.', 'ru')).toEqual([
      { side: 'theirs', text: 'Пёс' },
      { side: 'yours', text: 'Кошка' },
      { side: 'both', text: ' сидит.' },
    ]);
    expect(compareVersions('Azat jol.', 'Azat joldyń besinshisi.', 'uz')).toEqual([
      { side: 'both', text: 'Azat ' },
      { side: 'theirs', text: 'jol' },
      { side: 'yours', text: 'joldyń besinshisi' },
      { side: 'both', text: '.' },
    ]);
  });

  it('compares Chinese character by character', () => {
    expect(compareVersions('中国合作', '中国协作', 'zh')).toEqual([
      { side: 'both', text: '中国' },
      { side: 'theirs', text: '合' },
      { side: 'yours', text: '协' },
      { side: 'both', text: '作' },
    ]);
  });

  it('holds both versions whole, for any texts: each is the parts of its side, and both are inside the combined start', () => {
    const isSubsequence = (small: string, big: string): boolean => {
      let i = 0;
      for (const ch of big) if (i < small.length && ch === small[i]) i++;
      return i === small.length;
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', 'я', 'ә', '中', '国', '\n'), maxLength: 24 });
    fc.assert(
      fc.property(text, text, fc.constantFrom(...LANGS), (theirs, yours, lang) => {
        const parts = compareVersions(theirs, yours, lang);
        expect(
          parts
            .filter((p) => p.side !== 'yours')
            .map((p) => p.text)
            .join(''),
        ).toBe(theirs);
        expect(
          parts
            .filter((p) => p.side !== 'theirs')
            .map((p) => p.text)
            .join(''),
        ).toBe(yours);
        const both = bothVersions(parts, lang);
        expect(isSubsequence(theirs, both) && isSubsequence(yours, both)).toBe(true);
      }),
    );
  });

  it('gives back each version from its parts', () => {
    const theirs = 'Азат жолдың бесіншісі.';
    const yours = 'Бесінші абзац туралы бір сөз.';
    const parts = compareVersions(theirs, yours, 'kk');
    expect(
      parts
        .filter((p) => p.side !== 'yours')
        .map((p) => p.text)
        .join(''),
    ).toBe(theirs);
    expect(
      parts
        .filter((p) => p.side !== 'theirs')
        .map((p) => p.text)
        .join(''),
    ).toBe(yours);
  });
});

describe('bothVersions', () => {
  it('keeps what the versions share once and both sides of every difference, theirs first', () => {
    expect(bothVersions(compareVersions('Пёс сидит на ковре.', 'Кошка лежит на ковре.', 'ru'), 'ru')).toBe(
      'Пёс сидит Кошка лежит на ковре.',
    );
    expect(bothVersions(compareVersions('中国合作', '中国协作', 'zh'), 'zh')).toBe('中国合协作');
  });

  it('gives versions with no word in common whole, one per line', () => {
    expect(bothVersions(compareVersions('Азат жол.', 'Бесінші абзац туралы бір сөз.', 'kk'), 'kk')).toBe(
      'Азат жол.\nБесінші абзац туралы бір сөз.',
    );
    expect(bothVersions(compareVersions('合作', '协调', 'zh'), 'zh')).toBe('合作\n协调');
  });

  it('is the text itself when the versions agree, and the other one when a side is empty', () => {
    expect(bothVersions(compareVersions('Same.', 'Same.', 'en'), 'en')).toBe('Same.');
    expect(bothVersions(compareVersions('', 'Mine.', 'en'), 'en')).toBe('Mine.');
  });
});
