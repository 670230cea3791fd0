import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from './helpers/http.js';
import { Approver } from './support/approve.js';
import { cell } from './support/browser.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

const focusedCell = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);

/**
 * Issue 11's missing tools: paragraph structure in the grid (split at the
 * caret, join, insert, delete, each undoable from the cells' history), only
 * for users with a role in the source language; and the approve shortcut,
 * which moves on to the next cell to review without losing the focus.
 */
describe('paragraph structure and the approve shortcut (Chromium)', () => {
  let w: World;
  let rita: ApiClient;
  let kira: ApiClient;
  beforeAll(async () => {
    w = await createWorld();
    const users: [string, Record<string, string>][] = [
      ['rita', { ru: 'reviewer' }],
      ['kira', { ru: 'translator' }],
    ];
    for (const [username, roles] of users) {
      await w.admin.data('POST', '/api/users', { username, password: `${username}-password`, displayName: username, roles });
    }
    rita = new ApiClient(w.server.url);
    await rita.login('rita', 'rita-password');
    kira = new ApiClient(w.server.url);
    await kira.login('kira', 'kira-password');
  });
  afterAll(() => w.close());

  it('splits at the caret, joins, inserts and deletes by keyboard and menu, and undoes each from history', async () => {
    const doc = await w.createDoc(['One two three.', 'Second paragraph.', 'Third.'], ['ru'], 'Structure');
    const [p0, p1, p2] = doc.pids as [string, string, string];
    const tr = await Approver.open(w.server.url, w.other, w.admin, doc.id);
    await tr.write(p0, 'ru', 'Раз два три.');
    await tr.write(p1, 'ru', 'Второй абзац.');
    tr.close();
    const { page } = await w.open(w.other, doc.id);
    const texts = async (lang: 'en' | 'ru') => (await w.snapshot(doc.id)).paragraphs.map((p) => p.cells[lang]?.text ?? '');

    // Split at the caret, in the source: the caret goes to the new paragraph.
    await cell(page, p0, 'en').click();
    await cell(page, p0, 'en').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 4));
    await page.keyboard.press('Control+Alt+Enter');
    await expect.poll(() => texts('en')).toEqual(['One ', 'two three.', 'Second paragraph.', 'Third.']);
    const newId = (await w.snapshot(doc.id)).paragraphs[1]!.id;
    await expect.poll(() => focusedCell(page)).toBe(`${newId}:en`);
    await page.getByTestId('structure-done').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => texts('en')).toEqual(['One two three.', 'Second paragraph.', 'Third.']);

    // Join with the next (from a target cell): every language is glued; undo brings both back from history.
    await cell(page, p0, 'ru').click();
    await page.keyboard.press('Control+Alt+J');
    await expect.poll(() => texts('ru')).toEqual(['Раз два три. Второй абзац.', '']);
    expect(await page.getByTestId('structure-done').textContent()).toContain('Paragraphs joined.');
    await page.getByTestId('structure-done').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => texts('en')).toEqual(['One two three.', 'Second paragraph.', 'Third.']);
    await expect.poll(() => texts('ru')).toEqual(['Раз два три.', 'Второй абзац.', '']);
    // The joined text is in the first paragraph's history, restorable from there too.
    const hist = await w.other.history(doc.id, p0, 'ru');
    expect(hist.revisions.map((r) => [r.kind, r.text])).toContainEqual(['join', 'Раз два три. Второй абзац.']);

    // Delete from the menu; undo puts the paragraph back where it was, its text read from history.
    await cell(page, p2, 'en').click();
    await page.getByText('Paragraph', { exact: true }).click();
    await page.getByRole('button', { name: /^Delete the paragraph/u }).click();
    await expect.poll(async () => (await texts('en')).length).toBe(2);
    await page.getByTestId('structure-done').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => texts('en')).toEqual(['One two three.', 'Second paragraph.', 'Third.']);

    // Insert below by keyboard: an empty paragraph, the caret in its source cell.
    await cell(page, p0, 'en').click();
    await page.keyboard.press('Control+Alt+I');
    await expect.poll(() => texts('en')).toEqual(['One two three.', '', 'Second paragraph.', 'Third.']);
    const inserted = (await w.snapshot(doc.id)).paragraphs[1]!.id;
    await expect.poll(() => focusedCell(page)).toBe(`${inserted}:en`);

    // The shortcuts dialog lists them.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Shortcuts/u }).click();
    const dialog = page.getByRole('dialog');
    for (const name of [
      'Split the paragraph at the caret',
      'Join the paragraph with the next',
      'Insert a paragraph below',
      'Delete the paragraph',
    ]) {
      expect(await dialog.getByText(name, { exact: true }).count()).toBe(1);
    }
  });

  it('offers no structure edits to a translator without a role in the source language', async () => {
    const doc = await w.createDoc(['Alpha.', 'Beta.'], ['ru'], 'No structure');
    const { page } = await w.open(kira, doc.id);
    expect(await page.getByText('Paragraph', { exact: true }).count()).toBe(0);
    await cell(page, doc.pids[0]!, 'ru').click();
    await page.keyboard.press('Control+Alt+J');
    await page.waitForTimeout(300);
    expect((await w.snapshot(doc.id)).paragraphs).toHaveLength(2);
  });

  it('approves with Ctrl+Shift+Enter and with the button, the focus moving on to the next cell in review', async () => {
    const doc = await w.createDoc(['First.', 'Second.', 'Third.', 'Fourth.'], ['ru'], 'Approve shortcut');
    const [p0, p1, p2, p3] = doc.pids as [string, string, string, string];
    const tr = await Approver.open(w.server.url, w.other, w.admin, doc.id);
    await tr.submit(p0, 'ru', 'Первый.');
    await tr.write(p1, 'ru', 'Второй.'); // a draft: skipped
    await tr.submit(p2, 'ru', 'Третий.');
    await tr.submit(p3, 'ru', 'Четвёртый.');
    tr.close();
    const status = async () => (await w.snapshot(doc.id)).paragraphs.map((p) => p.cells.ru?.status);
    const { page } = await w.open(rita, doc.id);

    await cell(page, p0, 'ru').click();
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(status).toEqual(['approved', 'draft', 'in_review', 'in_review']);
    await expect.poll(() => focusedCell(page)).toBe(`${p2}:ru`);

    await page.getByTestId('review-panel').getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(status).toEqual(['approved', 'draft', 'approved', 'in_review']);
    await expect.poll(() => focusedCell(page)).toBe(`${p3}:ru`);

    // The shortcut in the dialog.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Shortcuts/u }).click();
    expect(await page.getByRole('dialog').getByText('Approve the cell and go to the next one to review', { exact: true }).count()).toBe(1);
  });
});
