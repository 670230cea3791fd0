import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connect, opId } from './helpers/socket.js';
import { cell } from './support/browser.js';
import { cellText, createWorld } from './support/world.js';
import type { World } from './support/world.js';

describe('translation aids in the editor', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('shows a memory match for the focused cell and inserts it with Ctrl+Shift+1', async () => {
    // An earlier document, translated and approved (over the socket, as the editor does).
    const earlier = await w.createDoc(['The summit opened in Astana on Monday.'], ['ru'], 'Earlier release');
    // The translator writes and submits, an administrator approves (nobody approves their own text).
    const translator = await connect(w.server.url, w.other.cookie);
    const reviewer = await connect(w.server.url, w.admin.cookie);
    const cellOf = { docId: earlier.id, paragraphId: earlier.pids[0]!, lang: 'ru' as const };
    try {
      for (const s of [translator, reviewer]) expect(await call(s, 'doc:join', { docId: earlier.id })).toMatchObject({ ok: true });
      const steps = [
        await call(translator, 'cell:edit', { ...cellOf, opId: opId(), baseRev: 0, text: 'Саммит открылся в Астане в понедельник.' }),
        await call(translator, 'cell:status', { ...cellOf, opId: opId(), rev: 1, status: 'in_review' }),
        await call(reviewer, 'cell:status', { ...cellOf, opId: opId(), rev: 1, status: 'approved' }),
      ];
      expect(steps.map((r) => (r?.ok ? 'ok' : r?.error.code))).toEqual(['ok', 'ok', 'ok']);
    } finally {
      translator.close();
      reviewer.close();
    }

    const doc = await w.createDoc(['The summit opened in Almaty on Monday.'], ['ru'], 'New release');
    const { page } = await w.open(w.other, doc.id);
    const target = cell(page, doc.pids[0]!, 'ru');
    await target.click();
    const first = page.getByTestId('tm-match').first();
    await first.waitFor();
    expect(await first.locator('.tm-score').textContent()).toMatch(/^(8\d|9\d)%$/u);
    expect(await first.locator('del').allTextContents()).toEqual(['Almaty']);
    expect(await first.locator('ins').allTextContents()).toEqual(['Astana']);
    expect(await first.locator('.tm-target').textContent()).toBe('Саммит открылся в Астане в понедельник.');

    await target.focus();
    await page.keyboard.press('Control+Shift+Digit1');
    expect(await target.inputValue()).toBe('Саммит открылся в Астане в понедельник.');
    // Inserted as an ordinary edit: saved through the outbox like typing.
    await expect
      .poll(async () => cellText(await w.snapshot(doc.id), doc.pids[0]!, 'ru'), { timeout: 10_000 })
      .toBe('Саммит открылся в Астане в понедельник.');
    expect(await page.locator(':focus').getAttribute('data-cell')).toBe(`${doc.pids[0]}:ru`);
  });

  it('pre-translates from the memory, runs checks live and over the document, and searches the memory', async () => {
    // The memory holds the approved row of the first test.
    const doc = await w.createDoc(['The summit opened in Astana on Monday.', 'Prices rose by 5% in May.'], ['ru'], 'Third release');
    const { page } = await w.open(w.other, doc.id);
    await page.getByRole('button', { name: 'Pre-translate' }).click();
    await expect.poll(() => page.locator('.aids-notice').textContent()).toBe('Filled 1 empty cell from 100% matches.');
    await expect.poll(() => cell(page, doc.pids[0]!, 'ru').inputValue()).toBe('Саммит открылся в Астане в понедельник.');

    const second = cell(page, doc.pids[1]!, 'ru');
    await second.click();
    await second.fill('Цены выросли в мае.');
    await expect
      .poll(() => page.getByTestId('finding').allTextContents())
      .toContain('Error The number 5% is missing from the translation.');
    await expect.poll(async () => cellText(await w.snapshot(doc.id), doc.pids[1]!, 'ru'), { timeout: 10_000 }).toBe('Цены выросли в мае.');

    await page.getByRole('button', { name: 'Check document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Document checks' });
    await dialog.getByRole('button', { name: 'Paragraph 2 · Russian' }).first().waitFor();
    await page.getByLabel('Severity').selectOption('error');
    expect(await dialog.locator('.doc-findings li').count()).toBeGreaterThanOrEqual(1);
    await dialog.getByRole('button', { name: 'Paragraph 2 · Russian' }).first().click();
    await expect.poll(() => page.locator(':focus').getAttribute('data-cell')).toBe(`${doc.pids[1]}:ru`);

    await page.keyboard.press('Control+Shift+KeyL');
    const conc = page.getByRole('dialog', { name: 'Concordance search' });
    await conc.getByLabel('Word or phrase').fill('astana');
    await conc.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => conc.getByRole('status').textContent()).toMatch(/^\d+ entr(y|ies)$/u);
    expect(await conc.locator('mark').first().textContent()).toBe('Astana');
  });

  it('imports a glossary from a CSV file and shows its terms beside the editor', async () => {
    const doc = await w.createDoc(['The railway to Almaty was agreed.'], ['ru', 'kk'], 'Glossary release');
    const { page } = await w.open(w.admin, doc.id);
    await page.getByRole('button', { name: 'Glossary and memory' }).click();
    const dialog = page.getByRole('dialog', { name: 'Glossary and translation memory' });
    const csv = 'en,ru,kk,forbidden_ru\nrailway,железная дорога,темір жол,железка\n';
    await dialog
      .getByLabel('Import a glossary (CSV, TBX)')
      .setInputFiles({ name: 'terms.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: 'Import', exact: true }).first().click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Glossary: 1 added, 0 updated, 1 terms in all.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await cell(page, doc.pids[0]!, 'kk').click();
    const hit = page.getByTestId('glossary-hit');
    await expect.poll(() => hit.textContent()).toBe('railwayтемір жол');
    expect(await page.locator('.glossary-source mark').textContent()).toBe('railway');
    await cell(page, doc.pids[0]!, 'ru').click();
    await expect.poll(() => hit.textContent()).toBe('railwayжелезная дорогаAvoid: железка');
  });
});
