import { describe, expect, it } from 'vitest';
import { dateKey, extractDates } from './dates.js';
import { foldForMatch, normalizeForSearch, normalizeUzbekApostrophes } from './normalize.js';

describe('extractDates', () => {
  it('reads the same date in the five languages and in numeric forms', () => {
    const texts = [
      ['The summit opened on June 17, 2025.', 'en'],
      ['It opened on 17 June.', 'en'],
      ['峰会于2025年6月17日开幕。', 'zh'],
      ['Саммит открылся 17 июня 2025 года.', 'ru'],
      ['Саммит 2025 жылғы 17 маусымда ашылды.', 'kk'],
      ['Sammit 2025-yil 17-iyun kuni ochildi.', 'uz'],
      ['Дата: 17.06.2025', 'ru'],
      ['Date: 2025-06-17', 'en'],
    ] as const;
    for (const [text, lang] of texts) expect(extractDates(text, lang).map(dateKey), text).toEqual(['06-17']);
  });

  it('keeps the year out of the span so the number check still compares it', () => {
    const text = '峰会于2025年6月17日开幕。';
    const [d] = extractDates(text, 'zh');
    expect(d && text.slice(d.index, d.end)).toBe('6月17日');
  });

  it('finds no date in figures that are not dates', () => {
    expect(extractDates('Trade reached 540 million dollars in 2025.', 'en')).toEqual([]);
    expect(extractDates('Рост составил 5,2 процента.', 'ru')).toEqual([]);
  });
});

describe('normalize', () => {
  it('unifies Uzbek apostrophes without changing length', () => {
    const typed = "O'zbekiston tog` ta'lim Oʼzbek taʻlim";
    const fixed = normalizeUzbekApostrophes(typed);
    expect(fixed).toBe('Oʻzbekiston togʻ taʼlim Oʻzbek taʼlim');
    expect(fixed.length).toBe(typed.length);
  });

  it('folds case, ё and spaces for matching, keeping offsets', () => {
    const s = 'Ещё\u00A0ОДИН';
    expect(foldForMatch(s, 'ru')).toBe('еще один');
    expect(foldForMatch('İstanbul', 'en').length).toBe('İstanbul'.length);
    expect(normalizeForSearch("  O'ZBEKISTON   Respublikasi ", 'uz')).toBe('oʻzbekiston respublikasi');
  });
});
