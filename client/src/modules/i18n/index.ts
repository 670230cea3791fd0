export { initI18n, changeLocale, detectLocale, isUiLocale } from './setup.js';
export { UI_LOCALES, LOCALE_NATIVE_NAME } from './resources.js';
export type { UiLocale } from './resources.js';
export { errorKey } from './errorKey.js';
export { LanguageSwitcher } from './components/LanguageSwitcher.js';
