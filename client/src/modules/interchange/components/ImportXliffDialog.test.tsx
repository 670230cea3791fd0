import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportResultDto } from '../../../../../shared/protocol/interchange.js';
import type { InterchangeApi } from '../../../api/interchange.js';
import { renderUi } from '../../../test/render.js';
import { ImportXliffDialog } from './ImportXliffDialog.js';

const answering =
  (data: ImportResultDto): Pick<InterchangeApi, 'importXliff'>['importXliff'] =>
  () =>
    Promise.resolve({ ok: true, data });

async function importFile(data: ImportResultDto, locale: 'en' | 'ru' = 'en'): Promise<string> {
  await renderUi(<ImportXliffDialog docId="d1" targetLangs={['ru']} onClose={() => {}} api={{ importXliff: answering(data) }} />, locale);
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  await userEvent.upload(input, new File(['<xliff/>'], 'ru.xlf', { type: 'application/xliff+xml' }));
  await userEvent.click(screen.getByRole('button', { name: locale === 'en' ? 'Import' : 'Импортировать' }));
  return (await screen.findByRole('status')).textContent ?? '';
}

describe('ImportXliffDialog: what the import changed', () => {
  it('says how many cells were updated and how many the file already matched', async () => {
    const said = await importFile({ seq: 7, edited: 2, unchanged: 3, review: [], warnings: [] });
    expect(said).toBe('2 cells updated. 3 cells of the file were already up to date.');
  });

  it('says nothing of unchanged cells when every cell changed', async () => {
    const said = await importFile({ seq: 7, edited: 1, unchanged: 0, review: [], warnings: [] });
    expect(said).toBe('1 cell updated.');
  });

  it('uses the plural forms of the interface language', async () => {
    const said = await importFile({ seq: 7, edited: 0, unchanged: 5, review: [], warnings: [] }, 'ru');
    expect(said).toBe('Обновлено 0 ячеек. 5 ячеек файла уже были актуальными.');
  });
});
