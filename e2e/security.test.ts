import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell } from './support/browser.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

const HOSTILE = '<script>window.__pwned = "script"</script><img src="x" onerror="window.__pwned = \'img\'">';

describe('hostile text', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('shows markup typed into a cell or a title as text and never runs it', async () => {
    const doc = await w.createDoc([HOSTILE, 'Plain.'], ['ru', 'zh'], `Title ${HOSTILE}`);
    const a = await w.open(w.admin, doc.id);
    const b = await w.open(w.other, doc.id);
    await cell(a.page, doc.pids[1]!, 'ru').fill(HOSTILE);
    await expect.poll(() => cell(b.page, doc.pids[1]!, 'ru').inputValue(), { timeout: 10_000 }).toBe(HOSTILE);

    // Source text and title arrive as text too, in the grid and in the list.
    expect(await cell(b.page, doc.pids[0]!, 'en').inputValue()).toBe(HOSTILE);
    expect(await b.page.locator('h1.doc-title').textContent()).toBe(`Title ${HOSTILE}`);
    await b.page.goto(`${w.server.url}/#/`);
    await b.page.locator('.doc-link', { hasText: 'Title' }).first().waitFor();
    expect(await b.page.locator('.doc-link', { hasText: 'Title' }).first().textContent()).toBe(`Title ${HOSTILE}`);

    for (const page of [a.page, b.page]) {
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    }
  });
});
