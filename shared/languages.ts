/**
 * The languages people translate in Anor. These are data (document languages),
 * not UI locales — the UI happens to use the same five, but the two lists are
 * kept apart on purpose (see locales/).
 */
export const LANGS = ['en', 'zh', 'ru', 'kk', 'uz'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The script each language is written in by default in Anor documents. */
export const DEFAULT_SCRIPT: Record<Lang, 'Latn' | 'Hans' | 'Cyrl'> = {
  en: 'Latn',
  zh: 'Hans',
  ru: 'Cyrl',
  kk: 'Cyrl',
  uz: 'Latn',
};

/** BCP 47 tag to put in `lang` attributes and to hand to Intl APIs. */
export const LANG_TAG: Record<Lang, string> = {
  en: 'en',
  zh: 'zh-Hans',
  ru: 'ru',
  kk: 'kk',
  uz: 'uz-Latn',
};
