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

// Month stems: Russian, Kazakh and Uzbek inflect the month (июня, маусымда, iyunda), so a
// word counts when it starts with a stem. English names must match whole ("May", not "mayor").
const MONTH_STEMS: readonly (readonly string[])[] = [
  ['январ', 'феврал', 'март', 'апрел', 'ма[йя]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
  ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
];
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const EN_ABBREV: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const STEM_RES: readonly { re: RegExp; month: number }[] = MONTH_STEMS.flatMap((list) =>
  list.map((stem, i) => ({ re: new RegExp(`^${stem}`, 'u'), month: i + 1 })),
);

/** The month a word names, in any of the five languages, or null. */
export function monthOfWord(word: string, allowAbbreviation: boolean): number | null {
  const w = word.toLowerCase();
  const en = EN_MONTHS.indexOf(w);
  if (en >= 0) return en + 1;
  if (allowAbbreviation && EN_ABBREV[w] !== undefined) return EN_ABBREV[w];
  for (const { re, month } of STEM_RES) if (re.test(w)) return month;
  return null;
}

const NUMERIC: { re: RegExp; kind: 'dmy' | 'ymd' | 'zh' }[] = [
  { re: /(?<day>[0-3]?\d)\.(?<month>[01]?\d)\.(?=\d{4})/gu, kind: 'dmy' },
  { re: /(?<=\d{4}-)(?<month>[01]\d)-(?<day>[0-3]\d)(?!\d)/gu, kind: 'ymd' },
  { re: /(?<month>1[0-2]|0?[1-9])月(?<day>[0-3]?\d)[日号]/gu, kind: 'zh' },
];
// "25 May", "25 мая", "25-iyun", "25 маусымда"
const DAY_MONTH = /(?<![\p{N}.,])(?<day>[0-3]?\d)(?:-|\s|\u00A0)?(?<word>\p{L}+)/gu;
// "May 25", "May 25th", "Sept. 5"
const MONTH_DAY = /(?<![\p{L}])(?<word>\p{L}+)\.?\s(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\p{L}\p{N}])/gu;

/** Dates with a day and a month, in text order, without overlaps. */
export function extractDates(text: string, _lang: Lang): ExtractedDate[] {
  if (!/\d/u.test(text)) return [];
  const found: ExtractedDate[] = [];
  const add = (month: number | null, day: number, index: number, raw: string): void => {
    if (month === null || month < 1 || month > 12 || day < 1 || day > 31) return;
    const end = index + raw.length;
    if (found.some((d) => index < d.end && d.index < end)) return;
    found.push({ month, day, index, end, raw });
  };
  for (const { re } of NUMERIC) {
    for (const m of text.matchAll(re)) add(Number(m.groups?.month), Number(m.groups?.day), m.index, m[0]);
  }
  for (const m of text.matchAll(DAY_MONTH)) add(monthOfWord(m.groups?.word ?? '', false), Number(m.groups?.day), m.index, m[0]);
  for (const m of text.matchAll(MONTH_DAY)) add(monthOfWord(m.groups?.word ?? '', true), Number(m.groups?.day), m.index, m[0]);
  return found.sort((a, b) => a.index - b.index);
}

export function dateKey(d: Pick<ExtractedDate, 'month' | 'day'>): string {
  return `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A time of day: "14:30", "9.30 утра", "сағат 9.30", "soat 9.30", "9时30分". */
export interface ExtractedTime {
  hour: number;
  minute: number;
  index: number;
  end: number;
  raw: string;
}

// A dot between hour and minute is a decimal point unless a time word says otherwise
// ("в 9.30 раза" is 9.3 times), so the dotted form needs one before or after it.
const TIMES: readonly RegExp[] = [
  /(?<![\d.,:])(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?![\d:])/gu,
  /(?<![\d.,])(?<h>[01]?\d|2[0-3])\.(?<m>[0-5]\d)(?=\s?(?:утра|вечера|дня|ночи|ч\.|час|a\.?m\.?|p\.?m\.?)(?![\p{L}]))/giu,
  /(?<=(?:сағат|soat|at)\s)(?<h>[01]?\d|2[0-3])\.(?<m>[0-5]\d)(?!\d)/giu,
  /(?<h>[01]?\d|2[0-3])[时点](?<m>[0-5]?\d)分/gu,
];

export function extractTimes(text: string): ExtractedTime[] {
  if (!/\d/u.test(text)) return [];
  const found: ExtractedTime[] = [];
  for (const re of TIMES) {
    for (const m of text.matchAll(re)) {
      const index = m.index;
      const end = index + m[0].length;
      if (found.some((t) => index < t.end && t.index < end)) continue;
      found.push({ hour: Number(m.groups?.h), minute: Number(m.groups?.m), index, end, raw: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function timeKey(t: Pick<ExtractedTime, 'hour' | 'minute'>): string {
  return `${t.hour}:${String(t.minute).padStart(2, '0')}`;
}
