import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell } from './support/browser.js';
import { cellText, createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * The four ways text typed in the browser used to be lost (issue 10), each
 * driven as a translator would in Chromium against the real server.
 */
describe('nothing typed is lost', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('keeps the row being typed in on screen while a filter would drop it', async () => {
    const doc = await w.createDoc(['First.', 'Second.', 'Third.'], ['kk']);
    const pid = doc.pids[1]!;
    const a = await w.open(w.other, doc.id);
    const search = a.page.getByRole('search');
    await search.getByRole('combobox', { name: 'Status' }).selectOption('empty');
    await search.getByRole('combobox', { name: 'Language' }).selectOption('kk');
    await expect.poll(() => a.page.getByTestId('match-count').textContent()).toBe('3 matches');
    await cell(a.page, pid, 'kk').click();
    await a.page.keyboard.type('Екінші');
    // The first word is saved (the cell is no longer empty), then the translator goes on.
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe('Екінші');
    await a.page.waitForTimeout(1000);
    await a.page.keyboard.type(' абзац.');
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe('Екінші абзац.');
    expect(await a.page.evaluate('document.activeElement?.getAttribute("data-cell")')).toBe(`${pid}:kk`);
    // Moving within the row keeps it too.
    await a.page.keyboard.press('Shift+Tab');
    await expect.poll(() => a.page.evaluate('document.activeElement?.getAttribute("data-cell")')).toBe(`${pid}:en`);
    expect(await a.page.getByTestId('match-count').textContent()).toBe('3 matches');
    // Once focus leaves the row, the filter applies again.
    await a.page.keyboard.press('Escape');
    await expect.poll(() => a.page.getByTestId('match-count').textContent()).toBe('2 matches');
    await expect.poll(() => cell(a.page, pid, 'kk').count()).toBe(0);
  });
});
