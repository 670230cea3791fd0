import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { UserPrefsDto } from '../shared/index.js';
import { ApiClient } from './helpers/http.js';
import { cell, openDocument, signedInContext } from './support/browser.js';
import { clashInCell } from './support/clash.js';
import { measureLayout, sidewaysScroll } from './support/layout.js';
import { createWorld, sessionId } from './support/world.js';
import type { World } from './support/world.js';

const LOCALES = ['en', 'zh', 'ru', 'kk', 'uz'] as const;
const SHOTS = new URL('../artifacts/layout/', import.meta.url);
const shot = (name: string): string => new URL(`${name}.png`, SHOTS).pathname;

const PARAGRAPHS = [
  'The second China–Central Asia Summit opened in Astana on Tuesday, with leaders of six countries at one table.',
  'Leaders reviewed two years of cooperation in trade, transport and energy, and agreed on a new railway corridor.',
  'They signed a treaty of permanent good-neighbourliness, friendship and cooperation.',
  'Trade grew by a third.',
  'A new railway was agreed.',
];
const TEXTS = {
  zh: '第二届中国—中亚峰会周二在阿斯塔纳开幕，六国领导人齐聚一堂。',
  ru: 'Второй саммит «Китай — Центральная Азия» открылся во вторник в Астане.',
  kk: 'Екінші «Қытай — Орталық Азия» саммиті сейсенбіде Астанада ашылды.',
  uz: 'Ikkinchi «Xitoy — Markaziy Osiyo» sammiti seshanba kuni Astanada ochildi.',
} as const;
const NAMES: Record<string, string> = { zh: 'Chinese (Simplified)', ru: 'Russian', kk: 'Kazakh', uz: 'Uzbek' };

/** Switches the UI language the way a returning user has it: remembered in the browser, read at start. */
async function useLocale(page: Page, url: string, docId: string, lang: string): Promise<void> {
  if (!page.url().startsWith(url)) await openDocument(page, url, docId);
  await page.evaluate(`localStorage.setItem('anor.uiLocale', ${JSON.stringify(lang)})`);
  await page.goto(`${url}/#/doc/${encodeURIComponent(docId)}`);
  await page.reload();
  await page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
}

/** Focuses the second row's first target on screen, the editor a translator works in. */
async function focusTarget(page: Page, pid: string): Promise<void> {
  await page.locator(`textarea[data-cell^="${pid}:"]:not([data-cell$=":en"])`).first().focus();
  await page.waitForTimeout(150);
}

describe('the editor layout, measured in Chromium', () => {
  let w: World;
  let docId = '';
  let pids: string[] = [];
  let desktop: BrowserContext;
  let phone: BrowserContext;
  beforeAll(async () => {
    w = await createWorld();
    const doc = await w.createDoc(PARAGRAPHS, ['zh', 'ru', 'kk', 'uz'], 'China–Central Asia Summit: a long title that has to fit');
    docId = doc.id;
    pids = doc.pids;
    mkdirSync(SHOTS, { recursive: true });
    desktop = await signedInContext(w.browser, w.server.url, sessionId(w.admin));
    phone = await w.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.addCookies(await desktop.cookies());
    const page = await desktop.newPage();
    await openDocument(page, w.server.url, docId);
    for (const [lang, text] of Object.entries(TEXTS)) {
      // Four targets do not fit beside the open panels at 1440 px: the switcher brings each in.
      if ((await cell(page, pids[0]!, lang).count()) === 0)
        await page.getByTestId('target-switcher').getByRole('button', { name: NAMES[lang] }).click();
      await cell(page, pids[0]!, lang).fill(text);
    }
    await page.waitForFunction(`document.querySelector('[data-testid="sync-indicator"]')?.dataset.waiting === '0'`);
    await page.close();
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await w?.close();
  });

  it('at 1440 × 900 with four targets and the side panels open, in all five UI languages: the grid keeps 60 %, columns ≥ 240 px, nothing overflows, only the grid scrolls', async () => {
    const page = await desktop.newPage();
    for (const lang of LOCALES) {
      await useLocale(page, w.server.url, docId, lang);
      await focusTarget(page, pids[1]!);
      const m = await measureLayout(page);
      expect.soft(m.drawerOpen, lang).toBe(true);
      expect.soft(m.pageOverflowX, lang).toBeLessThanOrEqual(0);
      expect.soft(m.pageOverflowY, lang).toBeLessThanOrEqual(0);
      expect.soft(m.gridOverflowX, lang).toBeLessThanOrEqual(0);
      expect.soft(m.gridWidth, lang).toBeGreaterThanOrEqual(0.6 * m.viewport.width);
      expect.soft(m.switcher || m.columnWidths.every((c) => c >= 240), `${lang} ${m.columnWidths.join(',')}`).toBe(true);
      expect.soft(Math.min(...m.columnWidths), lang).toBeGreaterThanOrEqual(240);
      expect.soft(m.columnWidths.length, lang).toBeGreaterThanOrEqual(3);
      expect.soft(m.controlsOutside, lang).toEqual([]);
      expect.soft(m.editorVisible, lang).toBe(true);
      expect.soft(m.firstRowUncovered, lang).toBe(true);
      // The window itself cannot be scrolled; the grid can.
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(100);
      expect.soft(await page.evaluate<number>('scrollY'), lang).toBe(0);
      await page.screenshot({ path: shot(`desktop-${lang}`) });
    }
    // Between the two: a small laptop, a tablet, a large phone, in the longest UI language.
    await useLocale(page, w.server.url, docId, 'kk');
    for (const [width, height] of [
      [1024, 768],
      [900, 800],
      [760, 900],
      [600, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await focusTarget(page, pids[1]!);
      const m = await measureLayout(page);
      const at = `${width}×${height}`;
      expect.soft(m.pageOverflowX, at).toBeLessThanOrEqual(0);
      expect.soft(m.pageOverflowY, at).toBeLessThanOrEqual(0);
      expect.soft(m.controlsOutside, at).toEqual([]);
      expect.soft(m.switcher || Math.min(...m.columnWidths) >= 240, at).toBe(true);
      expect.soft(Math.min(...m.columnWidths), at).toBeGreaterThanOrEqual(240);
      expect.soft(m.editorVisible, at).toBe(true);
      await page.screenshot({ path: shot(`between-${width}-kk`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await useLocale(page, w.server.url, docId, 'en');
    // The activity feed scrolls inside a bounded box of its own.
    const feed = await page
      .getByTestId('activity')
      .evaluate((el) => ({ overflow: getComputedStyle(el).overflowY, max: getComputedStyle(el).maxHeight }));
    expect(feed.overflow).toBe('auto');
    expect(parseFloat(feed.max)).toBeGreaterThan(0);
    // A toolbar drop-down opens inside the screen.
    await page.locator('.editor-toolbar summary').first().click();
    expect((await measureLayout(page)).controlsOutside).toEqual([]);
    await page.locator('.editor-toolbar summary').first().click();
    // The switcher brings the fourth target in; a dialog keeps the page where it is.
    await page.getByTestId('target-switcher').getByRole('button').last().click();
    expect(await page.locator('.grid-header .col-head').count()).toBeGreaterThanOrEqual(3);
    await page.locator('[data-testid="grid"]').focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await page.mouse.wheel(0, 800);
    expect(await page.evaluate<number>('scrollY')).toBe(0);
    expect(await sidewaysScroll(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('at 390 × 844 in all five UI languages: one target under its source with a switcher, the header in a menu, no sideways scrolling, the editor in view', async () => {
    const page = await phone.newPage();
    for (const lang of LOCALES) {
      await useLocale(page, w.server.url, docId, lang);
      await focusTarget(page, pids[1]!);
      const m = await measureLayout(page);
      expect.soft(m.drawerOpen, lang).toBe(false);
      expect.soft(m.pageOverflowX, lang).toBeLessThanOrEqual(0);
      expect.soft(m.pageOverflowY, lang).toBeLessThanOrEqual(0);
      expect.soft(m.gridOverflowX, lang).toBeLessThanOrEqual(0);
      expect.soft(m.switcher, lang).toBe(true);
      expect.soft(m.columnWidths.length, lang).toBe(2);
      expect.soft(Math.min(...m.columnWidths), lang).toBeGreaterThanOrEqual(240);
      expect.soft(m.controlsOutside, lang).toEqual([]);
      expect.soft(m.editorVisible, lang).toBe(true);
      expect.soft(m.firstRowUncovered, lang).toBe(true);
      expect.soft(await sidewaysScroll(page), lang).toEqual([]);
      await page.screenshot({ path: shot(`phone-${lang}`) });
      // The header menu opens inside the screen, Sign out included.
      await page.locator('.app-header .collapsible-toggle').click();
      const open = await measureLayout(page);
      expect.soft(open.controlsOutside, `${lang} menu`).toEqual([]);
      expect.soft(await page.locator('.app-header .collapsible-body button').last().isVisible(), lang).toBe(true);
      if (lang === 'en') await page.screenshot({ path: shot('phone-en-menu') });
      await page.keyboard.press('Escape');
    }
    // Switching the target language on a phone.
    await useLocale(page, w.server.url, docId, 'en');
    await page.getByTestId('target-switcher').getByLabel('Languages on screen').selectOption('kk');
    await expect.poll(() => page.locator(`textarea[data-cell="${pids[0]}:kk"]`).count()).toBe(1);
    expect(await page.locator(`textarea[data-cell="${pids[0]}:zh"]`).count()).toBe(0);
    // The drawer slides over the grid and closes again; dialogs and the reading view fit too.
    await cell(page, pids[0]!, 'kk').focus();
    await page.getByRole('button', { name: 'Side panels' }).click();
    expect(await sidewaysScroll(page)).toEqual([]);
    // The @mention list opens inside the drawer, over nothing else.
    await page.getByTestId('review-panel').getByPlaceholder(/@name/u).pressSequentially('@');
    const list = page.getByRole('listbox');
    await list.waitFor();
    const drawer = (await page.getByTestId('side-drawer').boundingBox())!;
    const pop = (await list.boundingBox())!;
    expect(pop.x).toBeGreaterThanOrEqual(drawer.x - 0.5);
    expect(pop.x + pop.width).toBeLessThanOrEqual(Math.min(drawer.x + drawer.width, 390) + 0.5);
    expect(await sidewaysScroll(page)).toEqual([]);
    await page.screenshot({ path: shot('phone-en-drawer') });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Hide side panels' }).click();
    await page.locator('[data-testid="grid"]').focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    expect(await sidewaysScroll(page)).toEqual([]);
    await page.screenshot({ path: shot('phone-en-dialog') });
    await page.keyboard.press('Escape');
    await page.goto(`${w.server.url}/#/read/${encodeURIComponent(docId)}`);
    await page.locator('.reading-row').first().waitFor();
    expect(await sidewaysScroll(page)).toEqual([]);
    await page.screenshot({ path: shot('phone-en-reading') });
    await page.close();
  });

  it('resizes a column by pointer and keyboard, and remembers the width on the server for the user', async () => {
    const page = await desktop.newPage();
    await useLocale(page, w.server.url, docId, 'en');
    const source = page.locator('.grid-header .col-head[data-lang="en"]');
    const before = (await source.boundingBox())!.width;
    const handle = source.getByRole('separator');
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width / 2 + 60, h.y + h.height / 2, { steps: 4 });
    await page.mouse.move(h.x + h.width / 2 + 120, h.y + h.height / 2, { steps: 4 });
    await page.mouse.up();
    const dragged = (await source.boundingBox())!.width;
    expect(Math.abs(dragged - (before + 120))).toBeLessThanOrEqual(2);
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Math.round((await source.boundingBox())!.width)).toBe(Math.round(dragged) + 16);
    const api = new ApiClient(w.server.url);
    api.cookie = w.admin.cookie;
    await expect
      .poll(async () => (await api.data<{ prefs: UserPrefsDto }>('GET', '/api/prefs')).prefs.columnWidths.en)
      .toBe(Math.round(dragged) + 16);
    // Another browser of the same user gets the width; the page still does not overflow.
    const other = await signedInContext(w.browser, w.server.url, sessionId(w.admin));
    const again = await other.newPage();
    await openDocument(again, w.server.url, docId);
    await expect
      .poll(async () => Math.round((await again.locator('.grid-header .col-head[data-lang="en"]').boundingBox())!.width))
      .toBe(Math.round(dragged) + 16);
    expect((await measureLayout(again)).pageOverflowX).toBeLessThanOrEqual(0);
    await again.locator('.grid-header .col-head[data-lang="en"]').getByRole('separator').press('Home');
    await other.close();
    await page.close();
  });
  it('marks the columns you may edit and offers only what your role allows', async () => {
    const account = async (username: string, extra: object): Promise<ApiClient> => {
      await w.admin.data('POST', '/api/users', { username, password: 'a-long-password', displayName: username, ...extra });
      const c = new ApiClient(w.server.url);
      await c.login(username, 'a-long-password');
      return c;
    };
    const access = (page: Page, lang: string) => page.locator(`.grid-header .col-head[data-lang="${lang}"] .col-access`).textContent();
    const kazakh = await signedInContext(w.browser, w.server.url, sessionId(await account('kanat', { roles: { kk: 'translator' } })));
    const k = await kazakh.newPage();
    await openDocument(k, w.server.url, docId);
    expect(await access(k, 'kk')).toBe('You can edit');
    for (const lang of ['en', 'zh', 'ru']) expect(await access(k, lang)).toBe('Read only');
    expect(await k.locator(`[data-testid="cell-${pids[0]}-ru"]`).getAttribute('class')).toContain('cell-readonly');
    // The source: no review status, no review steps.
    await cell(k, pids[0]!, 'en').focus();
    expect(await k.locator(`[data-testid="cell-${pids[0]}-en"] .badge`).count()).toBe(0);
    expect(await k.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    await cell(k, pids[0]!, 'kk').focus();
    await k.getByRole('button', { name: 'Submit for review' }).waitFor();
    expect(await k.getByRole('button', { name: 'Convert to Latin' }).count()).toBe(1);
    expect(await k.getByRole('button', { name: 'Pre-translate' }).count()).toBe(1);
    await kazakh.close();

    const viewing = await signedInContext(w.browser, w.server.url, sessionId(await account('vera', { isViewer: true })));
    const v = await viewing.newPage();
    await openDocument(v, w.server.url, docId);
    for (const lang of ['en', 'zh', 'ru', 'kk']) expect(await access(v, lang)).toBe('Read only');
    await cell(v, pids[0]!, 'kk').focus();
    await v.getByTestId('review-panel').getByText('Paragraph 1').waitFor();
    expect(await v.getByRole('button', { name: 'Convert to Latin' }).count()).toBe(0);
    expect(await v.getByRole('button', { name: 'Pre-translate' }).count()).toBe(0);
    expect(await v.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    await viewing.close();
  });
  it('gives a clash the whole row: both versions side by side, the differing words marked', async () => {
    const theirs = 'Они подписали договор о вечном добрососедстве.';
    const yours = 'Лидеры подписали договор о дружбе и сотрудничестве.';
    const { b, panel } = await clashInCell(w, docId, pids[2]!, 'ru', theirs, yours);
    const grid = (await b.page.getByTestId('grid').boundingBox())!;
    const box = (await b.page.getByTestId(`cell-${pids[2]}-ru`).boundingBox())!;
    expect(box.width).toBeGreaterThan(0.85 * grid.width);
    const t = (await panel.getByTestId('conflict-theirs').boundingBox())!;
    const y = (await panel.getByTestId('conflict-yours').boundingBox())!;
    expect(Math.abs(t.y - y.y)).toBeLessThanOrEqual(2);
    expect(Math.min(t.width, y.width)).toBeGreaterThanOrEqual(240);
    expect(await panel.locator('mark').count()).toBeGreaterThan(0);
    expect((await measureLayout(b.page)).pageOverflowX).toBeLessThanOrEqual(0);
    await b.page.screenshot({ path: shot('desktop-clash') });
  });
});
