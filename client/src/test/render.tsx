import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../modules/i18n/index.js';
import type { UiLocale } from '../modules/i18n/index.js';

/** Renders with a real i18next instance over the real locale files. */
export async function renderUi(ui: ReactElement, locale: UiLocale = 'en'): Promise<RenderResult> {
  const i18n = await initI18n(locale);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
