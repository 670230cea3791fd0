import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LANGS } from '../shared/index.js';
import { ROOT } from './helpers/server.js';
import { Approver } from './support/approve.js';
import { PARALLEL } from './support/parallel.js';
import { sessionId, createWorld } from './support/world.js';
import type { World } from './support/world.js';
import { cell, signedInContext } from './support/browser.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Top of every cell, per row, as the page lays it out. */
function cellTops(page: Page): Promise<number[][]> {
  return page.$$eval('.reading-row', (rows) =>
    rows.map((r) => [...r.querySelectorAll('.reading-cell')].map((c) => c.getBoundingClientRect().top)),
  );
}

function cellTexts(page: Page): Promise<string[][]> {
  return page.$$eval('.reading-row', (rows) =>
    rows.map((r) => [...r.querySelectorAll('.reading-cell')].map((c) => c.querySelector('.reading-text')?.textContent ?? '')),
  );
}

describe('reading view', () => {
  let w: World;
  let docId: string;
  let pids: string[];
  let approver: Approver;

  beforeAll(async () => {
    w = await createWorld();
    const doc = await w.createDoc(
      PARALLEL.map((p) => p.en),
      ['zh', 'ru', 'kk', 'uz'],
      'Summit in Astana',
    );
    docId = doc.id;
    pids = doc.pids;
    approver = await Approver.open(w.server.url, w.other, w.admin, docId);
    for (const [i, p] of PARALLEL.entries()) {
      for (const lang of ['zh', 'ru', 'kk', 'uz'] as const) {
        // The last paragraph's Kazakh stays unapproved: the live test approves it.
        if (!(i === PARALLEL.length - 1 && lang === 'kk')) await approver.approve(pids[i]!, lang, p[lang]);
      }
    }
  });
  afterAll(async () => {
    approver?.close();
    await w?.close();
  });

  async function openReading(): Promise<Page> {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin));
    const page = await ctx.newPage();
    await page.goto(`${w.server.url}/#/read/${docId}`);
    await page.locator('.reading-row').first().waitFor();
    return page;
  }

  it('lines up all five languages paragraph by paragraph, passes axe, and saves a screenshot', async () => {
    const page = await openReading();
    expect(await page.$$eval('.reading-colhead', (hs) => hs.map((h) => h.textContent))).toEqual([
      'English',
      'Chinese (Simplified)',
      'Russian',
      'Kazakh',
      'Uzbek',
    ]);
    const tops = await cellTops(page);
    expect(tops).toHaveLength(PARALLEL.length);
    for (const row of tops) {
      expect(row).toHaveLength(5);
      for (const top of row) expect(Math.abs(top - row[0]!)).toBeLessThan(1);
    }
    // Rows really differ in height, so equal tops are the grid's doing, not equal texts.
    const heights = await page.$$eval('.reading-row', (rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeGreaterThan(2 * Math.min(...heights));
    expect((await cellTexts(page))[1]).toEqual(LANGS.map((l) => PARALLEL[1]![l]));
    // Chinese is drawn with a Simplified Chinese face first.
    expect(await page.evaluate('getComputedStyle(document.querySelector(\'.reading-cell[data-lang="zh"]\')).fontFamily')).toMatch(
      /^"Noto Sans CJK SC"/u,
    );

    await mkdir(path.join(ROOT, 'artifacts/screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'artifacts/screenshots/reading-5.png'), fullPage: true });

    await page.addScriptTag({ path: AXE });
    // Run as a string: the e2e type check has no DOM library, and axe is a page global.
    const violations = await page.evaluate<{ id: string; impact: string | null; nodes: string[] }[]>(
      'axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) })))',
    );
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.context().close();
  });

  it('highlights a paragraph in every language on hover or tap, and prints without the controls', async () => {
    const page = await openReading();
    const backgrounds = (pid: string): Promise<unknown> =>
      page.evaluate(
        `[...document.querySelectorAll('.reading-row[data-pid="${pid}"] .reading-cell')].map((c) => getComputedStyle(c).backgroundColor)`,
      );
    await page.locator(`.reading-row[data-pid="${pids[2]}"] .reading-cell[data-lang="ru"]`).hover();
    expect(await backgrounds(pids[2]!)).toEqual(Array(5).fill('rgb(255, 246, 214)'));
    expect(await backgrounds(pids[3]!)).not.toContain('rgb(255, 246, 214)');
    // A tap (no hover on touch screens) keeps the highlight until the next tap.
    await page.locator(`.reading-row[data-pid="${pids[3]}"] .reading-cell[data-lang="zh"]`).click();
    await page.mouse.move(0, 0);
    expect(await backgrounds(pids[3]!)).toEqual(Array(5).fill('rgb(255, 246, 214)'));
    await page.locator(`.reading-row[data-pid="${pids[3]}"] .reading-cell[data-lang="zh"]`).click();
    await page.mouse.move(0, 0);
    expect(await backgrounds(pids[3]!)).not.toContain('rgb(255, 246, 214)');

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-header', '.reading-toolbar', '.share-panel']) {
      expect(await page.evaluate(`getComputedStyle(document.querySelector('${hidden}')).display`)).toBe('none');
    }
    for (const row of await cellTops(page)) for (const top of row) expect(Math.abs(top - row[0]!)).toBeLessThan(1);
    await page.context().close();
  });

  it('interleaves paragraphs on a narrow screen and offers the other script for Kazakh and Uzbek', async () => {
    const page = await openReading();
    await page.setViewportSize({ width: 420, height: 800 });
    const boxes = await page.$$eval('.reading-row:nth-of-type(2) .reading-cell', (cs) =>
      cs.map((c) => c.getBoundingClientRect()).map((b) => ({ top: b.top, bottom: b.bottom })),
    );
    expect(boxes).toHaveLength(5);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('reading-script-kk-Latn').check();
    await expect.poll(async () => (await cellTexts(page))[0]?.[3]).toBe('Sammit Astanada aşyldy.');
    expect(await page.$eval('.reading-cell[data-lang="kk"]', (c) => c.getAttribute('lang'))).toBe('kk-Latn');
    await page.getByTestId('reading-script-kk-Cyrl').check();
    await page.context().close();
  });

  it('downloads exactly what is on screen as one standalone HTML file', async () => {
    const page = await openReading();
    await page.getByTestId('reading-lang-zh').uncheck();
    await page.getByTestId('reading-lang-uz').uncheck();
    const onScreen = await cellTexts(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reading-download').click()]);
    const file = await readFile(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe('Summit in Astana.html');
    expect(file).not.toMatch(/<script|<link|src=/u);
    const filePage = await page.context().newPage();
    await filePage.setContent(file);
    expect(await cellTexts(filePage)).toEqual(onScreen);
    expect(await filePage.$$eval('.reading-colhead', (hs) => hs.map((h) => h.textContent))).toEqual(['English', 'Russian', 'Kazakh']);
    await page.context().close();
  });

  it('shows an approval made elsewhere in place, without moving what the reader is looking at', async () => {
    const page = await openReading();
    await page.setViewportSize({ width: 1440, height: 400 });
    const last = pids[pids.length - 1]!;
    // The reader looks at the last paragraph; the first one, above the viewport, grows.
    await page
      .locator(`.reading-row[data-pid="${last}"]`)
      .evaluate((r) => (r as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    const topOf = (pid: string): Promise<number> =>
      page
        .locator(`.reading-row[data-pid="${pid}"]`)
        .evaluate((r) => (r as unknown as { getBoundingClientRect(): { top: number; bottom: number } }).getBoundingClientRect().top);
    const before = await topOf(last);
    // The growing row is wholly above the viewport (its next row starts above the top).
    expect(await topOf(pids[1]!)).toBeLessThan(0);
    const longer = `${PARALLEL[0]!.ru} ${'Главы делегаций выступили с короткими речами и ответили на вопросы журналистов. '.repeat(4).trim()}`;
    await approver.approve(pids[0]!, 'ru', longer);
    await expect.poll(async () => (await cellTexts(page))[0]?.[2]).toBe(longer);
    // The translator submits the last Kazakh paragraph; the reviewer approves it in another browser, in the editor.
    await approver.submit(last, 'kk', PARALLEL[PARALLEL.length - 1]!.kk);
    const editor = await w.open(w.admin, docId);
    await cell(editor.page, last, 'kk').click();
    await editor.page.getByTestId('review-panel').getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(async () => (await cellTexts(page))[PARALLEL.length - 1]?.[3]).toBe(PARALLEL[PARALLEL.length - 1]!.kk);
    // The editor links to the reading view of the same document.
    await editor.page.getByTestId('open-reading').click();
    await expect.poll(async () => (await cellTexts(editor.page))[PARALLEL.length - 1]?.[3]).toBe(PARALLEL[PARALLEL.length - 1]!.kk);
    const after = await topOf(last);
    expect(Math.abs(after - before)).toBeLessThan(2);
    // A draft does not reach the approved view, and the drafts switch shows it, marked.
    await approver.write(pids[1]!, 'ru', 'Черновик, который ещё никто не проверил.');
    await page.getByTestId('reading-drafts').check();
    await expect.poll(async () => (await cellTexts(page))[1]?.[2]).toBe('Черновик, который ещё никто не проверил.');
    expect(await page.locator(`.reading-row[data-pid="${pids[1]}"] .reading-badge`).count()).toBe(1);
    await page.getByTestId('reading-drafts').uncheck();
    await expect.poll(async () => (await cellTexts(page))[1]?.[2]).toBe(PARALLEL[1]!.ru);
    await page.context().close();
  });

  it('opens a share link without an account, live, approved text only, until it is revoked', async () => {
    const admin = await openReading();
    await admin.getByTestId('share-create').click();
    const url = await admin.getByTestId('share-url').inputValue();
    expect(url).toMatch(/#\/share\/[A-Za-z0-9_-]{43}$/u);

    const anon = await w.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    const reader = await anon.newPage();
    await reader.goto(url);
    await reader.locator('.reading-row').first().waitFor();
    expect(await reader.getByTestId('reading-drafts').count()).toBe(0);
    expect(await reader.getByTestId('whoami').count()).toBe(0);
    const texts = await cellTexts(reader);
    expect(texts[1]?.[2]).toBe(PARALLEL[1]!.ru);
    expect(JSON.stringify(texts)).not.toContain('Черновик');
    const html = await reader.content();
    for (const name of ['Dana Translator', 'Administrator', 'translator', 'Read-only links']) expect(html).not.toContain(name);

    await reader.addScriptTag({ path: AXE });
    const violations = await reader.evaluate<string[]>(
      'axe.run(document).then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id))',
    );
    expect(violations).toEqual([]);

    await approver.approve(pids[2]!, 'uz', 'Delegatlar belgilangan vaqtda yetib keldi.');
    await expect.poll(async () => (await cellTexts(reader))[2]?.[4]).toBe('Delegatlar belgilangan vaqtda yetib keldi.');

    await admin.getByTestId('share-revoke').click();
    await reader.getByTestId('share-ended').waitFor();
    await reader.reload();
    await reader.getByTestId('share-ended').waitFor();
    expect(await reader.locator('.reading-row').count()).toBe(0);
    await anon.close();
    await admin.context().close();
  });
});
