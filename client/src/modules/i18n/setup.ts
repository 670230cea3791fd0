import i18next from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANG_TAG } from '../../../../shared/languages.js';
import { cldrFormatter } from './format/i18nextFormatter.js';
import { resources, UI_LOCALES } from './resources.js';
import type { UiLocale } from './resources.js';

const STORAGE_KEY = 'anor.uiLocale';

export function isUiLocale(v: unknown): v is UiLocale {
  return typeof v === 'string' && (UI_LOCALES as readonly string[]).includes(v);
}

/** The remembered choice, else the first browser language we have, else English. */
export function detectLocale(stored: string | null, browser: readonly string[]): UiLocale {
  if (isUiLocale(stored)) return stored;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split(/[-_]/u)[0];
    if (isUiLocale(primary)) return primary;
  }
  return 'en';
}

/** The BCP 47 tag of a UI locale, for `lang` on UI text (`uz` is `uz-Latn`, `zh` is `zh-Hans`). */
export function uiLangTag(locale: string): string {
  return isUiLocale(locale) ? LANG_TAG[locale] : locale;
}

function applyToDocument(locale: UiLocale): void {
  if (typeof document === 'undefined') return;
  // The UI language drives `lang` on <html>, so screen readers and CJK glyph choice follow it.
  document.documentElement.lang = LANG_TAG[locale];
}

export async function initI18n(locale?: UiLocale): Promise<i18n> {
  const lng = locale ?? detectLocale(safeGet(STORAGE_KEY), typeof navigator === 'undefined' ? [] : navigator.languages);
  const instance = i18next.createInstance();
  await instance
    .use(initReactI18next)
    .use(cldrFormatter)
    .init({
      resources,
      lng,
      fallbackLng: 'en',
      supportedLngs: [...UI_LOCALES],
      // React escapes; every interpolated number goes through the CLDR-aware formatter.
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  applyToDocument(lng);
  instance.on('languageChanged', (l) => {
    if (isUiLocale(l)) applyToDocument(l);
  });
  return instance;
}

export async function changeLocale(instance: i18n, locale: UiLocale): Promise<void> {
  safeSet(STORAGE_KEY, locale);
  await instance.changeLanguage(locale);
}

function safeGet(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
function safeSet(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Private mode or full storage: the choice just is not remembered.
  }
}
