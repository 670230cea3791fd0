import type { Lang } from '../languages.js';

/**
 * Day-and-month dates in the five languages: "May 25", "25 мая", "25 мамыр",
 * "25-may", "5月25日", "25.05.2025", "2025-05-25". Used by the checks to compare
 * dates as dates: "May 25" and "5月25日" are the same date although one has
 * one figure and the other two. The year is left out of the span on purpose:
 * it is written with digits in every language, so the number check compares it.
 */
export interface ExtractedDate {
  month: number;
  day: number;
  /** Span of the day and month (never the year), UTF-16 offsets, end exclusive. */
  index: number;
  end: number;
  raw: string;
}

const MONTHS: Record<string, string[]> = {
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ru: ['январ', 'феврал', 'март', 'апрел', 'ма[йя]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  uz: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
  uzCyrl: ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
};

// Every language's month names are tried in every text: a Russian date pasted into
// a Kazakh cell is still a date, and the check should see it.
// Group names carry the month number and the list they come from (names must be unique).
const MONTH_ALTERNATION = Object.values(MONTHS)
  .flatMap((names, list) => names.map((n, i) => `(?<m${i + 1}_${list}>${n})`))
  .join('|');

function monthOf(groups: Record<string, string | undefined>): number | null {
  for (const [key, value] of Object.entries(groups)) {
    if (value === undefined) continue;
    const m = /^m(\d+)_/u.exec(key);
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

const ABBREV_EN: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const WORD_END = '(?![\\p{L}\\p{N}])';
const MONTH_WORD = `(?:${MONTH_ALTERNATION})[\\p{L}]*`;
const DAY = '(?<day>[0-3]?\\d)';

const PATTERNS: { re: RegExp; numeric?: 'dmy' | 'ymd' | 'zh' }[] = [
  { re: /(?<day>[0-3]?\d)\.(?<month>[01]?\d)\.(?=\d{4})/gu, numeric: 'dmy' },
  { re: /(?<=\d{4}-)(?<month>[01]\d)-(?<day>[0-3]\d)(?!\d)/gu, numeric: 'ymd' },
  { re: /(?<month>1[0-2]|0?[1-9])月(?<day>[0-3]?\d)[日号]/gu, numeric: 'zh' },
  // "25 May", "25 мая", "25-iyun", "25 маусымда"
  { re: new RegExp(`(?<![\\p{N}.,])${DAY}(?:-|\\s|\\u00A0)?${MONTH_WORD}`, 'giu') },
  // "May 25", "May 25th"
  { re: new RegExp(`(?<![\\p{L}])${MONTH_WORD}\\.?\\s${DAY}(?:st|nd|rd|th)?${WORD_END}`, 'giu') },
  { re: new RegExp(`(?<![\\p{L}])(?<abbr>${Object.keys(ABBREV_EN).join('|')})\\.?\\s${DAY}${WORD_END}`, 'giu') },
];

/** Dates with a day and a month, in text order, without overlaps. */
export function extractDates(text: string, _lang: Lang): ExtractedDate[] {
  const found: ExtractedDate[] = [];
  for (const { re, numeric } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const g = m.groups ?? {};
      const day = Number(g.day);
      let month: number | null;
      if (numeric) month = Number(g.month);
      else if (g.abbr) month = ABBREV_EN[g.abbr.toLowerCase()] ?? null;
      else month = monthOf(g);
      if (month === null || month < 1 || month > 12 || day < 1 || day > 31) continue;
      const index = m.index;
      const end = index + m[0].length;
      if (found.some((d) => index < d.end && d.index < end)) continue;
      found.push({ month, day, index, end, raw: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function dateKey(d: Pick<ExtractedDate, 'month' | 'day'>): string {
  return `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
