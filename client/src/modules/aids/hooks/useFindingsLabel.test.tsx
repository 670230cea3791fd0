import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../../i18n/index.js';
import type { UiLocale } from '../../i18n/index.js';
import { useFindingsLabel } from './useFindingsLabel.js';

async function labelIn(locale: UiLocale): Promise<(errors: number, warnings: number) => string> {
  const i18n = await initI18n(locale);
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
  return renderHook(() => useFindingsLabel(), { wrapper }).result.current;
}

describe('findings count', () => {
  it('tells errors from warnings, with the plural forms of each language', async () => {
    const en = await labelIn('en');
    expect(en(1, 2)).toBe('1 error, 2 warnings');
    expect(en(0, 1)).toBe('1 warning');
    expect(en(3, 0)).toBe('3 errors');
    const ru = await labelIn('ru');
    expect(ru(1, 0)).toBe('1 ошибка');
    expect(ru(2, 5)).toBe('2 ошибки, 5 предупреждений');
    expect(ru(0, 21)).toBe('21 предупреждение');
    const kk = await labelIn('kk');
    expect(kk(1, 2)).toBe('1 қате, 2 ескерту');
    expect(kk(0, 3)).toBe('3 ескерту');
    const uz = await labelIn('uz');
    expect(uz(1, 2)).toBe('1 ta xato, 2 ta ogohlantirish');
    const zh = await labelIn('zh');
    expect(zh(1, 2)).toBe('1 个错误，2 个警告');
  });
});
