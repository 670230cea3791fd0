import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { CellHistoryDto } from '../shared/index.js';
import { EN_PARAGRAPHS, RU_PARAGRAPHS } from '../server/test/helpers/interchangeFixtures.js';
import { buildDocx } from '../server/test/helpers/docx.js';
import { cell } from './support/browser.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * Importing an existing translation in the browser: the translator added a
 * note of their own after the second paragraph, so the aligner pairs the note
 * with the third paragraph and flags that row. The user shifts the note up to
 * the paragraph it annotates, commits, and sees the cells as imported drafts.
 */
describe('import a translation with alignment preview (Chromium)', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.close());

  it('previews, highlights the weak link, shifts it, commits, shows the cells', async () => {
    const { id, pids } = await w.createDoc(EN_PARAGRAPHS, ['ru', 'kk'], 'Summit');
    const { page } = await w.open(w.admin, id);
    // Short enough that the aligner pairs it with the next paragraph (a longer note becomes a row of its own).
    const note = 'Примечание переводчика.';
    const ru = [...RU_PARAGRAPHS.slice(0, 2), note, ...RU_PARAGRAPHS.slice(2)];

    await page.getByRole('button', { name: 'Import translation…' }).click();
    await page.getByLabel('Language of the translation').selectOption('ru');
    await page
      .getByLabel('File with the translation')
      .setInputFiles({ name: 'summit.ru.txt', mimeType: 'text/plain', buffer: Buffer.from(ru.join('\n\n'), 'utf8') });
    await page.getByRole('button', { name: 'Align with the source' }).click();

    const rows = page.getByTestId('align-row');
    await expect.poll(() => rows.count()).toBe(5);
    // The note went to the third paragraph's row, which is highlighted.
    expect(await rows.nth(2).getAttribute('data-low')).toBe('true');
    expect(await rows.nth(2).getByTestId('align-target').allTextContents()).toEqual([note, RU_PARAGRAPHS[2]]);
    expect(await rows.nth(2).getAttribute('class')).toBe('low');
    expect(await rows.nth(2).getByText('Check this link').count()).toBe(1);
    // Nothing is written by the preview.
    expect((await w.snapshot(id)).paragraphs.every((p) => (p.cells.ru?.text ?? '') === '')).toBe(true);

    await rows.nth(1).getByRole('button', { name: 'Take the first translated paragraph of the next row' }).click();
    expect(await rows.nth(1).getByTestId('align-target').allTextContents()).toEqual([RU_PARAGRAPHS[1], note]);
    expect(await rows.nth(2).getByTestId('align-target').allTextContents()).toEqual([RU_PARAGRAPHS[2]]);

    await page.getByRole('button', { name: 'Import into the document' }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toBe('5 cells imported.');
    await page.getByRole('button', { name: 'Close' }).click();

    await expect.poll(() => cell(page, pids[2]!, 'ru').inputValue()).toBe(RU_PARAGRAPHS[2]);
    expect(await cell(page, pids[1]!, 'ru').inputValue()).toBe(`${RU_PARAGRAPHS[1]} ${note}`);
    const doc = await w.snapshot(id);
    expect(doc.paragraphs.map((p) => p.cells.ru?.status)).toEqual(['draft', 'draft', 'draft', 'draft', 'draft']);
    const hist = await w.admin.data<CellHistoryDto>('GET', `/api/documents/${id}/cells/${pids[2]}/ru/history`);
    expect(hist.revisions.at(-1)?.kind).toBe('import');
  });

  it('exports the latest Russian texts as XLIFF from the export menu', async () => {
    const { id, pids } = await w.createDoc(EN_PARAGRAPHS, ['ru'], 'Export me');
    const links = pids.map((pid, i) => ({ paragraphIds: [pid], target: [i] }));
    await w.admin.data('POST', `/api/documents/${id}/import/translation/commit`, { lang: 'ru', target: RU_PARAGRAPHS, links });
    const { page } = await w.open(w.admin, id);
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByLabel('Latest, including drafts').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toBe('Export-me.ru.xlf');
    const xliff = await readFile(await download.path(), 'utf8');
    for (const t of RU_PARAGRAPHS) expect(xliff).toContain(t);
  });

  it('creates a document from a DOCX and warns when the declared language looks wrong', async () => {
    const { page } = await w.open(w.admin, (await w.createDoc(['seed'])).id);
    await page.goto(`${w.server.url}/#/new`);
    await page.getByLabel('Source language').selectOption('kk');
    const docx = buildDocx([{ heading: 1, text: EN_PARAGRAPHS[0]! }, ...EN_PARAGRAPHS.slice(1).map((text) => ({ text }))]);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'summit.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await expect.poll(() => page.getByTestId('paragraph-preview').textContent()).toBe('5 paragraphs will be created');
    expect(await page.getByTestId('import-report').textContent()).toContain('Warning: this text looks like English, not Kazakh.');
    // The title defaults to the file's own heading, not its name.
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(EN_PARAGRAPHS[0]);
  });
});
