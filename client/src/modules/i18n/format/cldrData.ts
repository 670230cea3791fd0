/**
 * Gregorian date patterns, month names and number symbols for Kazakh
 * (Cyrillic) and Uzbek (Latin), copied verbatim from Unicode CLDR 48.2:
 * the npm packages cldr-dates-full@48.2.0 (`main/kk/ca-gregorian.json`,
 * `main/uz/ca-gregorian.json`, identical to `kk-Cyrl` and `uz-Latn`) and
 * cldr-numbers-full@48.2.0 (`main/{kk,uz}/numbers.json`, `latn` system).
 * Data © Unicode, Inc., under the Unicode License v3 (https://www.unicode.org/license.txt).
 *
 * Why ship them: Chromium builds its ICU with a trimmed locale set; it
 * accepts `kk` and `uz` but has neither their patterns nor their symbols, so
 * `Intl.DateTimeFormat('kk', { dateStyle: 'medium' })` prints the root
 * pattern "2026 M12 2" and numbers come out as "1,234.5". Only what the UI
 * uses is copied (no full/zone-name patterns, no day names).
 */
export interface CldrLocaleData {
  /** Format-context month names, January first. */
  months: { abbreviated: readonly string[]; wide: readonly string[] };
  dateFormats: { long: string; medium: string; short: string };
  timeFormats: { medium: string; short: string };
  /** `{1}` is the date, `{0}` the time; chosen by the date style. */
  dateTimeFormats: { long: string; medium: string; short: string };
  decimal: string;
  group: string;
}

export const CLDR_KK: CldrLocaleData = {
  months: {
    abbreviated: ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'],
    wide: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  },
  dateFormats: { long: "y 'ж'. d MMMM", medium: "y 'ж'. dd MMM", short: 'dd.MM.yy' },
  timeFormats: { medium: 'HH:mm:ss', short: 'HH:mm' },
  dateTimeFormats: { long: '{1}, {0}', medium: '{1}, {0}', short: '{1}, {0}' },
  decimal: ',',
  group: '\u00a0',
};

export const CLDR_UZ: CldrLocaleData = {
  months: {
    abbreviated: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avg', 'sen', 'okt', 'noy', 'dek'],
    wide: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
  },
  dateFormats: { long: 'd-MMMM, y', medium: 'd-MMM, y', short: 'dd/MM/yy' },
  timeFormats: { medium: 'HH:mm:ss', short: 'HH:mm' },
  dateTimeFormats: { long: '{1}, {0}', medium: '{1}, {0}', short: '{1}, {0}' },
  decimal: ',',
  group: '\u00a0',
};
