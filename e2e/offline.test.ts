import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, openDocument } from './support/browser.js';
import { cellText, createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * Chromium's offline mode blocks the reload itself, so "reload while offline"
 * is covered in two real-world halves (decision recorded here and in
 * docs/client.md):
 *  1. type offline, see the outbox indicator, come back online, reload at
 *     once — whether the flush beat the reload or not, nothing is lost;
 *  2. close the tab while edits wait offline, come back online, open the app
 *     (the document list) in a new tab of the same browser profile — the
 *     outbox in localStorage is sent in the background.
 */
describe('offline editing', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('keeps edits typed offline through a reload and sends them', async () => {
    const doc = await w.createDoc(['First paragraph.', 'Second paragraph.', 'Third paragraph.']);
    const a = await w.open(w.admin, doc.id);
    await a.ctx.setOffline(true);
    await expect.poll(() => a.page.getByTestId('sync-indicator').textContent(), { timeout: 15_000 }).toContain('Offline');
    await cell(a.page, doc.pids[0]!, 'ru').fill('Первый абзац.');
    await cell(a.page, doc.pids[2]!, 'zh').fill('第三段。');
    await expect.poll(() => a.page.getByTestId('sync-indicator').textContent()).toBe('Offline — 2 edits waiting');

    await a.ctx.setOffline(false);
    await a.page.reload();
    await a.page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
    await expect
      .poll(
        async () => {
          const snap = await w.snapshot(doc.id);
          return [cellText(snap, doc.pids[0]!, 'ru'), cellText(snap, doc.pids[2]!, 'zh')];
        },
        { timeout: 20_000 },
      )
      .toEqual(['Первый абзац.', '第三段。']);
    await expect.poll(() => a.page.getByTestId('sync-indicator').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    expect(await cell(a.page, doc.pids[0]!, 'ru').inputValue()).toBe('Первый абзац.');
  });

  it('sends edits left waiting in a closed tab as soon as the app is opened again', async () => {
    const doc = await w.createDoc(['Alpha.', 'Beta.']);
    const a = await w.open(w.other, doc.id);
    await a.ctx.setOffline(true);
    await expect.poll(() => a.page.getByTestId('sync-indicator').textContent(), { timeout: 15_000 }).toContain('Offline');
    await cell(a.page, doc.pids[1]!, 'ru').fill('Бета.');
    await expect.poll(() => a.page.getByTestId('sync-indicator').getAttribute('data-waiting')).toBe('1');
    await a.page.close();
    expect(cellText(await w.snapshot(doc.id), doc.pids[1]!, 'ru')).toBe('');

    await a.ctx.setOffline(false);
    // Opening the app is enough — the document list, not the document: waiting edits are sent in the background.
    const again = await a.ctx.newPage();
    await again.goto(`${w.server.url}/#/`);
    await expect.poll(async () => cellText(await w.snapshot(doc.id), doc.pids[1]!, 'ru'), { timeout: 20_000 }).toBe('Бета.');
    await openDocument(again, w.server.url, doc.id);
    await expect.poll(() => again.getByTestId('sync-indicator').getAttribute('data-waiting')).toBe('0');
    expect(await cell(again, doc.pids[1]!, 'ru').inputValue()).toBe('Бета.');
  });
});
