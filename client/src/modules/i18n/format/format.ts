import { CLDR_KK, CLDR_UZ } from './cldrData.js';
import type { CldrLocaleData } from './cldrData.js';
import { formatCldrDate, formatCldrNumber } from './cldrFormat.js';
import type { DateFormatOptions } from './cldrFormat.js';

export type { DateFormatOptions, DateStyle, TimeStyle } from './cldrFormat.js';

/** What the UI needs of a date formatter; `Intl.DateTimeFormat` is one. */
export interface DateFormatter {
  format: (date: Date | number) => string;
}

/**
 * The CLDR data we ship for `locale`, or null where the browser's Intl is
 * trusted: Kazakh in Cyrillic and Uzbek in Latin, the two locales Chromium's
 * ICU lacks (kk-Latn, uz-Cyrl and the Arabic scripts are not UI locales).
 */
export function shippedCldr(locale: string): CldrLocaleData | null {
  const [language, second] = locale.split(/[-_]/u);
  const script = second && second.length === 4 ? second.toLowerCase() : null;
  if (language?.toLowerCase() === 'kk' && (script === null || script === 'cyrl')) return CLDR_KK;
  if (language?.toLowerCase() === 'uz' && (script === null || script === 'latn')) return CLDR_UZ;
  return null;
}

/** `new Intl.DateTimeFormat(locale, opts)`, except that kk and uz use the shipped CLDR patterns. */
export function dateFormatter(locale: string, opts: DateFormatOptions): DateFormatter {
  const data = shippedCldr(locale);
  if (data === null) return new Intl.DateTimeFormat(locale, opts);
  return { format: (date) => formatCldrDate(data, typeof date === 'number' ? new Date(date) : date, opts) };
}

/** `Intl.NumberFormat(locale).format`, except that kk and uz use the shipped CLDR symbols. */
export function formatNumber(locale: string, value: number, opts: Intl.NumberFormatOptions = {}): string {
  const data = shippedCldr(locale);
  return data === null ? new Intl.NumberFormat(locale, opts).format(value) : formatCldrNumber(data, value, opts);
}
