import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../shared/domain/paragraphs.js';
import { call, connect, opId } from './helpers/socket.js';
import { cell } from './support/browser.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

const fixture = (lang: string): Promise<string> =>
  readFile(new URL(`../server/test/fixtures/align/summit.${lang}.txt`, import.meta.url), 'utf8');

/**
 * Issue 11: importing a faithful translation of the demo flagged 8 of 11
 * correct rows "Check this link", and overwrote existing drafts without a
 * word. The demo document with two Russian drafts already written: the
 * preview flags nothing, marks the one draft it would replace (not the one
 * that already says the same), and the import asks before overwriting it.
 */
describe('importing a translation over existing drafts (Chromium)', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.close());

  it('flags no correct row, shows the draft it would replace and asks before replacing it', async () => {
    const en = splitParagraphs(await fixture('en'));
    const ru = splitParagraphs(await fixture('ru'));
    expect(en).toHaveLength(11);
    const { id, pids } = await w.createDoc(en, ['ru'], 'Summit');
    const mine = 'Мой собственный черновик.';
    const socket = await connect(w.server.url, w.other.cookie);
    try {
      await call(socket, 'doc:join', { docId: id });
      for (const [pid, text] of [
        [pids[1]!, mine],
        [pids[2]!, ru[2]!],
      ] as const) {
        expect(await call(socket, 'cell:edit', { docId: id, paragraphId: pid, lang: 'ru', opId: opId(), baseRev: 0, text })).toMatchObject({
          ok: true,
        });
      }
    } finally {
      socket.disconnect();
    }

    const { page } = await w.open(w.other, id);
    await page.getByRole('button', { name: 'Import translation…' }).click();
    await page.getByLabel('Language of the translation').selectOption('ru');
    await page
      .getByLabel('File with the translation')
      .setInputFiles({ name: 'summit.ru.txt', mimeType: 'text/plain', buffer: Buffer.from(await fixture('ru'), 'utf8') });
    await page.getByRole('button', { name: 'Align with the source' }).click();

    const rows = page.getByTestId('align-row');
    await expect.poll(() => rows.count()).toBe(11);
    expect(await page.getByText('Check this link').count()).toBe(0);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-replaces')))).toEqual(
      pids.map((_, i) => (i === 1 ? 'true' : 'false')),
    );
    expect(await rows.nth(1).getByTestId('align-replaces').textContent()).toContain(mine);
    expect(await page.getByTestId('import-replaces').textContent()).toBe(
      '1 cell already has a translation that this import would replace (marked below).',
    );

    // Asked first; going back writes nothing.
    await page.getByRole('button', { name: 'Import into the document' }).click();
    const ask = page.getByRole('alertdialog');
    expect(await ask.textContent()).toContain('Replace the existing translation of 1 cell?');
    await ask.getByRole('button', { name: 'Go back' }).click();
    expect((await w.snapshot(id)).paragraphs[1]!.cells.ru!.text).toBe(mine);

    await page.getByRole('button', { name: 'Import into the document' }).click();
    await page.getByRole('button', { name: 'Replace 1 translation' }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toBe('10 cells imported.');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => cell(page, pids[1]!, 'ru').inputValue()).toBe(ru[1]);
    // The replaced draft is still in the cell's history.
    const hist = await w.other.history(id, pids[1]!, 'ru');
    expect(hist.revisions.map((r) => r.text)).toContain(mine);
  });
});
