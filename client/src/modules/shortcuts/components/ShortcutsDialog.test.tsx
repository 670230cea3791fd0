import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderUi } from '../../../test/render.js';
import { initI18n, UI_LOCALES } from '../../i18n/index.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';

describe('shortcuts dialog', () => {
  it.each(UI_LOCALES)('names Ctrl+Enter with the same words as the cell button (%s), not as unavailable', async (locale) => {
    const i18n = await initI18n(locale);
    const r = await renderUi(<ShortcutsDialog onClose={() => undefined} />, locale);
    const row = screen.getByText(i18n.t('grid.cell.submitReview')).closest('tr');
    expect(row?.textContent).toBe(`${i18n.t('grid.cell.submitReview')}Ctrl+Enter`);
    expect(r.container.textContent).not.toMatch(/not available|недоступно|暂不可用|mavjud emas|қолжетімсіз/u);
    r.unmount();
  });
});
