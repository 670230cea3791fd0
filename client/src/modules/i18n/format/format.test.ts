import { describe, expect, it } from 'vitest';
import { CLDR_KK, CLDR_UZ } from './cldrData.js';
import { applyDatePattern } from './cldrFormat.js';
import { dateFormatter, formatNumber, shippedCldr } from './format.js';

const AT = new Date(Date.UTC(2026, 11, 2, 11, 53, 7));
const UTC = { timeZone: 'UTC' } as const;

describe('CLDR dates for Kazakh and Uzbek', () => {
  it('formats Kazakh with the CLDR kk patterns', () => {
    expect(dateFormatter('kk', { dateStyle: 'medium', timeStyle: 'short', ...UTC }).format(AT)).toBe('2026 ж. 02 жел., 11:53');
    expect(dateFormatter('kk', { dateStyle: 'short', timeStyle: 'medium', ...UTC }).format(AT)).toBe('02.12.26, 11:53:07');
    expect(dateFormatter('kk', { dateStyle: 'long', ...UTC }).format(AT)).toBe('2026 ж. 2 желтоқсан');
    expect(dateFormatter('kk', { timeStyle: 'short', ...UTC }).format(AT.getTime())).toBe('11:53');
  });

  it('formats Uzbek with the CLDR uz patterns', () => {
    expect(dateFormatter('uz', { dateStyle: 'medium', timeStyle: 'short', ...UTC }).format(AT)).toBe('2-dek, 2026, 11:53');
    expect(dateFormatter('uz', { dateStyle: 'short', timeStyle: 'medium', ...UTC }).format(AT)).toBe('02/12/26, 11:53:07');
    expect(dateFormatter('uz-Latn', { dateStyle: 'long', ...UTC }).format(AT)).toBe('2-dekabr, 2026');
    expect(dateFormatter('uz', { dateStyle: 'medium', ...UTC }).format(new Date(Date.UTC(2026, 4, 9)))).toBe('9-may, 2026');
  });

  it('takes the calendar fields in the given time zone, across a year boundary', () => {
    const newYearsEve = new Date(Date.UTC(2026, 11, 31, 22, 30, 0));
    expect(dateFormatter('uz', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tashkent' }).format(newYearsEve)).toBe(
      '1-yan, 2027, 03:30',
    );
    expect(dateFormatter('kk', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Almaty' }).format(newYearsEve)).toBe(
      '01.01.27, 03:30',
    );
    expect(dateFormatter('kk', { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 1, 0, 5)))).toBe('00:05');
  });

  it('leaves the other UI locales to the browser', () => {
    const opts = { dateStyle: 'medium', timeStyle: 'short', ...UTC } as const;
    for (const l of ['en', 'ru', 'zh-Hans']) expect(dateFormatter(l, opts).format(AT)).toBe(new Intl.DateTimeFormat(l, opts).format(AT));
    expect(shippedCldr('kk-KZ')).toBe(CLDR_KK);
    expect(shippedCldr('kk-Cyrl')).toBe(CLDR_KK);
    expect(shippedCldr('uz-Latn-UZ')).toBe(CLDR_UZ);
    expect(shippedCldr('uz-Cyrl')).toBeNull();
    expect(shippedCldr('kk-Latn')).toBeNull();
  });

  it('supports every field of every shipped pattern, and quoted text', () => {
    for (const data of [CLDR_KK, CLDR_UZ]) {
      for (const p of [...Object.values(data.dateFormats), ...Object.values(data.timeFormats)]) {
        expect(() => applyDatePattern(p, AT, data, 'UTC')).not.toThrow();
      }
      expect(data.months.abbreviated).toHaveLength(12);
      expect(data.months.wide).toHaveLength(12);
    }
    expect(applyDatePattern("d 'o''clock' MMM", AT, CLDR_UZ, 'UTC')).toBe("2 o'clock dek");
    expect(() => applyDatePattern('EEEE', AT, CLDR_UZ, 'UTC')).toThrow(/EEEE/u);
  });
});

describe('CLDR numbers for Kazakh and Uzbek', () => {
  it('groups with a no-break space and uses a decimal comma', () => {
    expect(formatNumber('kk', 1234567.5)).toBe('1\u00a0234\u00a0567,5');
    expect(formatNumber('uz', -12345.678)).toBe('-12\u00a0345,678');
    expect(formatNumber('uz', 999)).toBe('999');
    expect(formatNumber('kk', 0.5, { style: 'percent' })).toBe('50%');
  });

  it('leaves the other UI locales to the browser', () => {
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(formatNumber('ru', 1234.5)).toBe(new Intl.NumberFormat('ru').format(1234.5));
  });
});
