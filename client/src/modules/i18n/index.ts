export { initI18n, changeLocale, detectLocale, isUiLocale, uiLangTag } from './setup.js';
export { UI_LOCALES, LOCALE_NATIVE_NAME } from './resources.js';
export type { UiLocale } from './resources.js';
export { errorKey } from './errorKey.js';
export { LanguageSwitcher } from './components/LanguageSwitcher.js';
export { dateFormatter, formatNumber } from './format/format.js';
export type { DateFormatter } from './format/format.js';
