import type { FormatterModule } from 'i18next';
import { formatNumber } from './format.js';

/**
 * Interpolation keys that hold a position or a revision number, not a quantity: "Paragraph 1234"
 * reads as a name, so it is not grouped like "1 234 words".
 */
const POSITION_KEYS = new Set(['n', 'rev']);

/**
 * i18next's formatter, replaced so that every number interpolated into a UI
 * string (with `interpolation.alwaysFormat`) is written the CLDR way of the UI
 * language, kk and uz included, which Chromium's Intl does not know. Strings
 * name no formats (`{{count}}`, not `{{count, number}}`); `number` is still
 * understood, and anything else passes through unchanged.
 */
export const cldrFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format(value: unknown, format, lng, options) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value as string;
    if (format !== undefined && format !== 'number') return String(value);
    if (format === undefined && POSITION_KEYS.has(String(options?.interpolationkey))) return String(value);
    return formatNumber(lng ?? 'en', value);
  },
};
