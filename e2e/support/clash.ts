import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { cell } from './browser.js';
import { cellText } from './world.js';
import type { World } from './world.js';

export interface Clash {
  a: { page: Page };
  b: { page: Page };
  /** The clash panel in browser B. */
  panel: ReturnType<Page['locator']>;
}

/**
 * Two translators write the same empty cell: B offline, A online, so that when
 * B comes back its text clashes with A's saved one and B's browser shows the
 * clash panel. `theirs` and `yours` start with different letters, so the
 * grapheme merge cannot combine them.
 */
export async function clashInCell(w: World, docId: string, pid: string, lang: string, theirs: string, yours: string): Promise<Clash> {
  const a = await w.open(w.admin, docId);
  const b = await w.open(w.other, docId);
  await b.ctx.setOffline(true);
  await expect.poll(() => b.page.getByTestId('sync-indicator').textContent(), { timeout: 15_000 }).toContain('Offline');
  await cell(b.page, pid, lang).click();
  await b.page.keyboard.type(yours);
  await cell(a.page, pid, lang).click();
  await a.page.keyboard.type(theirs);
  await expect.poll(async () => cellText(await w.snapshot(docId), pid, lang as 'kk')).toBe(theirs);
  await b.ctx.setOffline(false);
  const panel = b.page.getByTestId(`cell-${pid}-${lang}`).getByRole('group');
  await expect.poll(() => panel.getByTestId('conflict-theirs').textContent(), { timeout: 20_000 }).toBe(theirs);
  return { a, b, panel };
}
