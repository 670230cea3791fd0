import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTag, openTag } from '../shared/inline/index.js';
import { cell } from './support/browser.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

const FIXTURE = fileURLToPath(new URL('../server/test/fixtures/original/pandoc.docx', import.meta.url));

/**
 * The round trip in the browser: a DOCX made by pandoc becomes a document
 * titled after its heading; a translator places the source's tags, which
 * edits move whole but never cut; the Export dialog downloads the same DOCX
 * with the translation in it.
 */
describe('a DOCX translated and downloaded as the same file (Chromium)', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.close());

  it('creates the document from the file, protects its tags, and exports the original with the translation', async () => {
    const { page } = await w.open(w.admin, (await w.createDoc(['seed'])).id);
    await page.goto(`${w.server.url}/#/new`);
    await page.locator('input[type="file"][accept*=".docx"]').setInputFiles({
      name: 'pandoc.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await readFile(FIXTURE),
    });
    await expect.poll(() => page.getByTestId('paragraph-preview').textContent()).toBe('20 paragraphs will be created');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Summit in Xi’an');
    await page.getByRole('button', { name: 'Create document' }).click();
    await page.waitForURL(/#\/doc\//u);
    const docId = decodeURIComponent(/#\/doc\/([^/?]+)/u.exec(page.url())![1]!);
    const doc = await w.snapshot(docId);
    const leaders = doc.paragraphs.find((p) => (p.cells.en?.text ?? '').startsWith('Leaders of'))!;
    expect(leaders.cells.en?.text).toBe(
      `Leaders of ${openTag(1)}China${closeTag(1)} and the ${openTag(2)}five Central Asian states${closeTag(2)} met in ${openTag(3)}Xi’an${closeTag(3)} on Thursday.`,
    );

    // The source shows its tags as tokens; the Kazakh cell offers them.
    const src = cell(page, leaders.id, 'en');
    await expect
      .poll(() => src.inputValue())
      .toBe('Leaders of ⟨1⟩China⟨/1⟩ and the ⟨2⟩five Central Asian states⟨/2⟩ met in ⟨3⟩Xi’an⟨/3⟩ on Thursday.');
    const kk = cell(page, leaders.id, 'kk');
    await kk.click();
    await kk.pressSequentially('Көшбасшылар ');
    const bar = page.getByTestId(`cell-${leaders.id}-kk`).getByRole('group', { name: 'Tags to place' });
    await bar.getByRole('button', { name: '⟨1⟩' }).click();
    await expect.poll(() => kk.inputValue()).toBe('Көшбасшылар ⟨1⟩⟨/1⟩');
    // Typing with the caret between the two tokens; Backspace after a token takes the whole token.
    await kk.press('End');
    await kk.press('ArrowLeft');
    await expect.poll(() => kk.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe('Көшбасшылар ⟨1⟩'.length);
    await kk.pressSequentially('Қытай');
    await kk.press('End');
    await kk.press('Backspace');
    await expect.poll(() => kk.inputValue()).toBe('Көшбасшылар ⟨1⟩Қытай');
    await kk.pressSequentially('⟨/1⟩ кездесті.');
    await expect
      .poll(async () => (await w.snapshot(docId)).paragraphs.find((p) => p.id === leaders.id)?.cells.kk?.text)
      .toBe(`Көшбасшылар ${openTag(1)}Қытай${closeTag(1)} кездесті.`);

    // Every other paragraph through the API, keeping the source's tags.
    const rest = doc.paragraphs.filter((p) => p.id !== leaders.id);
    await w.admin.data('POST', `/api/documents/${docId}/import/translation/commit`, {
      lang: 'kk',
      target: rest.map((p, i) => `ҚАЗ${i} ${p.cells.en?.text ?? ''}`),
      links: rest.map((p, i) => ({ paragraphIds: [p.id], target: [i] })),
    });

    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByLabel('Format').selectOption({ label: 'Original file (pandoc.docx)' });
    await page.getByRole('radio', { name: 'Kazakh' }).check();
    // Nothing is approved yet: with untranslated paragraphs refused, the server refuses and the dialog says why.
    await page.getByLabel('Refuse the export').check();
    await page.getByTestId('export-download').click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Some paragraphs have no translation yet, and the export was set to refuse untranslated paragraphs.');
    await page.getByLabel('Keep the source text').check();
    await page.getByLabel('Latest, including drafts').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toBe('pandoc.kk.docx');
    const parts = unzipSync(await readFile(await download.path()));
    const body = Buffer.from(parts['word/document.xml']!).toString('utf8');
    expect(body).toContain(
      '<w:t xml:space="preserve">Көшбасшылар </w:t></w:r><w:r><w:rPr><w:iCs /><w:i /></w:rPr><w:t xml:space="preserve">Қытай</w:t>',
    );
    const text = body + Buffer.from(parts['word/footnotes.xml']!).toString('utf8');
    for (const i of rest.keys()) expect(text).toContain(`ҚАЗ${i} `);
    // The space between the footnote's number and its words is kept as pandoc wrote it.
    expect(text).toMatch(/<w:footnoteRef \/>\s*<\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r><w:r><w:t xml:space="preserve">ҚАЗ/u);
    // The same zip entries in the same order: nothing added, nothing lost.
    expect(Object.keys(parts)).toEqual(Object.keys(unzipSync(await readFile(FIXTURE))));
  });
});
