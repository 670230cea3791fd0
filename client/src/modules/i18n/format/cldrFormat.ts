import type { CldrLocaleData } from './cldrData.js';

export type DateStyle = 'long' | 'medium' | 'short';
export type TimeStyle = 'medium' | 'short';

export interface DateFormatOptions {
  dateStyle?: DateStyle;
  timeStyle?: TimeStyle;
  /** IANA zone; the browser's own when left out. */
  timeZone?: string;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar fields of `date` in `timeZone`: Intl does the zone arithmetic, the pattern does the rest. */
function fieldsOf(date: Date, timeZone: string | undefined): Fields {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** One CLDR pattern field (a run of one letter) for the fields; the subset the shipped patterns use. */
function field(symbol: string, width: number, f: Fields, data: CldrLocaleData): string {
  switch (symbol) {
    case 'y':
      return width === 2 ? pad(f.year % 100, 2) : pad(f.year, width);
    case 'M':
    case 'L':
      if (width >= 4) return data.months.wide[f.month - 1] ?? '';
      if (width === 3) return data.months.abbreviated[f.month - 1] ?? '';
      return pad(f.month, width);
    case 'd':
      return pad(f.day, width);
    case 'H':
      return pad(f.hour, width);
    case 'm':
      return pad(f.minute, width);
    case 's':
      return pad(f.second, width);
    default:
      throw new Error(`unsupported CLDR date field ${symbol.repeat(width)}`);
  }
}

/**
 * Applies a CLDR date pattern (UTS #35: letters are fields, text in single
 * quotes is literal, `''` is a quote).
 */
export function applyDatePattern(pattern: string, date: Date, data: CldrLocaleData, timeZone?: string): string {
  const f = fieldsOf(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] ?? '';
    if (c === "'" && pattern[i + 1] === "'") {
      out += "'";
      i += 2;
    } else if (c === "'") {
      // Quoted text up to the closing quote; a doubled quote inside stands for one.
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else out += pattern[i++] ?? '';
      }
    } else if (/[A-Za-z]/u.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out += field(c, j - i, f, data);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Date and/or time in the locale's CLDR patterns, glued by the date style's date-time pattern. */
export function formatCldrDate(data: CldrLocaleData, date: Date, opts: DateFormatOptions): string {
  const d = opts.dateStyle ? applyDatePattern(data.dateFormats[opts.dateStyle], date, data, opts.timeZone) : null;
  const t = opts.timeStyle ? applyDatePattern(data.timeFormats[opts.timeStyle], date, data, opts.timeZone) : null;
  if (d !== null && t !== null) return data.dateTimeFormats[opts.dateStyle ?? 'medium'].replace('{1}', d).replace('{0}', t);
  return d ?? t ?? '';
}

/** A number with the locale's CLDR symbols: Intl does the digits and grouping, the data gives the signs. */
export function formatCldrNumber(data: CldrLocaleData, value: number, opts: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 3, ...opts, numberingSystem: 'latn' })
    .formatToParts(value)
    .map((p) => (p.type === 'group' ? data.group : p.type === 'decimal' ? data.decimal : p.value))
    .join('');
}
