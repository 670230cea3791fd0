import { useTranslation } from 'react-i18next';
import { changeLocale, isUiLocale } from '../setup.js';
import { LOCALE_NATIVE_NAME, UI_LOCALES } from '../resources.js';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switcher">
      <span className="visually-hidden">{t('header.uiLanguage')}</span>
      <select
        aria-label={t('header.uiLanguage')}
        value={i18n.language}
        onChange={(e) => {
          const v = e.target.value;
          if (isUiLocale(v)) void changeLocale(i18n, v);
        }}
      >
        {UI_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NATIVE_NAME[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
