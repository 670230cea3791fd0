import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, hidePanels, openDocument, signedInContext } from './support/browser.js';
import { cellText, createWorld, sessionId } from './support/world.js';
import type { World } from './support/world.js';

/**
 * Language details the browser decides: which font a cell gets, how dates
 * read in the kk and uz UI, which `lang` UI text carries in the reading view.
 */
const CJK_FIRST = /^"?Noto Sans CJK SC/u;
const CELLS = { en: 'en', ru: 'ru', kk: 'kk', uz: 'uz-Latn', zh: 'zh-Hans' } as const;

/** The computed font stack of the first element matching `selector`, and the width of “ in it (in em). */
function fontOf(page: Page, selector: string): Promise<{ family: string; quoteEm: number }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    return { family: style.fontFamily, quoteEm: ctx.measureText('\u201c').width / parseFloat(style.fontSize) };
  }, selector);
}

describe('language details in Chromium', () => {
  let w: World;
  let docId = '';
  let pid = '';

  beforeAll(async () => {
    w = await createWorld();
    const doc = await w.createDoc(['The \u201cSilk Road\u201d forum opened.', 'Trade grew by 30%.'], ['zh', 'ru', 'kk', 'uz'], 'Forum');
    docId = doc.id;
    pid = doc.pids[0]!;
    const { page, ctx } = await w.open(w.admin, docId);
    await cell(page, pid, 'ru').fill('Форум \u201cШёлковый путь\u201d открылся.');
    await cell(page, pid, 'zh').fill('\u201c丝绸之路\u201d论坛开幕。');
    // The number is missing: an error finding, so the grid shows its badge.
    await cell(page, doc.pids[1]!, 'ru').fill('Торговля выросла.');
    for (let i = 0; i < 150 && cellText(await w.snapshot(docId), doc.pids[1]!, 'ru') === undefined; i++) await page.waitForTimeout(100);
    await ctx.close();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('gives each cell the font stack of its own script under the Chinese UI', async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin), 'zh-CN');
    const page = await ctx.newPage();
    await openDocument(page, w.server.url, docId);
    await hidePanels(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');

    for (const [lang, tag] of Object.entries(CELLS)) {
      expect(await cell(page, pid, lang).getAttribute('lang')).toBe(tag);
      const f = await fontOf(page, `textarea[data-cell="${pid}:${lang}"]`);
      if (lang === 'zh') {
        expect(f.family).toMatch(CJK_FIRST);
        // The measure can tell: in the CJK font the curly quote is full-width.
        expect(f.quoteEm).toBeGreaterThan(0.9);
      } else {
        expect(f.family).not.toMatch(CJK_FIRST);
        expect(f.family).toMatch(/^"?Noto Sans"?,/u);
        expect(f.quoteEm).toBeLessThan(0.6);
      }
    }
    // The UI around the cells stays in the Chinese stack.
    expect((await fontOf(page, '[data-testid="sync-indicator"]')).family).toMatch(CJK_FIRST);

    await page.goto(`${w.server.url}/#/read/${encodeURIComponent(docId)}`);
    await page.locator('.reading-row').first().waitFor();
    for (const lang of ['en', 'ru', 'kk', 'uz']) {
      const f = await fontOf(page, `.reading-row .reading-cell[data-lang="${lang}"]`);
      expect(f.family).not.toMatch(CJK_FIRST);
      expect(f.quoteEm).toBeLessThan(0.6);
    }
    expect((await fontOf(page, '.reading-row .reading-cell[data-lang="zh"]')).family).toMatch(CJK_FIRST);
    await ctx.close();
  });

  it('shows dates in the CLDR patterns of the kk and uz UI', async () => {
    const timeZone = 'Asia/Almaty';
    const ctx = await w.browser.newContext({ locale: 'kk-KZ', timezoneId: timeZone, viewport: { width: 1440, height: 900 } });
    const { hostname } = new URL(w.server.url);
    await ctx.addCookies([{ name: 'anor.sid', value: sessionId(w.admin), domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    const page = await ctx.newPage();
    await page.goto(`${w.server.url}/#/`);
    const row = page.locator('tr', { has: page.locator('.doc-link', { hasText: 'Forum' }) });
    await row.waitFor();
    const updatedAt = new Date((await w.admin.documents()).documents.find((d) => d.id === docId)!.updatedAt);
    // Node's full ICU is the oracle: the same CLDR patterns, computed independently of the client.
    const expected = (locale: string): string =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(updatedAt);
    expect(expected('kk')).toMatch(/^\d{4} ж\. \d{2} \p{Script=Cyrillic}+\., \d{2}:\d{2}$/u);
    await expect.poll(() => row.textContent()).toContain(expected('kk'));
    expect(await row.textContent()).not.toMatch(/\bM\d{1,2}\b/u);

    await page.locator('.lang-switcher select').selectOption('uz');
    expect(expected('uz')).toMatch(/^\d{1,2}-[a-z]{3}, \d{4}, \d{2}:\d{2}$/u);
    await expect.poll(() => row.textContent()).toContain(expected('uz'));
    await ctx.close();
  });

  it('tags UI text in the reading view with the UI language, not the column', async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin), 'uz-UZ');
    const page = await ctx.newPage();
    await page.goto(`${w.server.url}/#/read/${encodeURIComponent(docId)}`);
    await page.locator('.reading-row').first().waitFor();
    await page.getByTestId('reading-script-kk-Latn').check();
    await page.locator('.reading-cell[lang="kk-Latn"]').first().waitFor();
    const html = await page.locator('html').getAttribute('lang');
    expect(html).toBe('uz-Latn');
    const tags = await page.$$eval('.reading-missing, .reading-badge', (els) => els.map((e) => e.getAttribute('lang')));
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set([html]));
    await ctx.close();
  });

  it('fits the search placeholder and shows icons, not emoji, in every UI language', async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin), 'en-US');
    const page = await ctx.newPage();
    await openDocument(page, w.server.url, docId);
    for (const locale of ['en', 'zh', 'ru', 'kk', 'uz']) {
      await page.locator('.lang-switcher select').selectOption(locale);
      await page.locator(`html[lang^="${locale}"]`).waitFor();
      const fit = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('.search-text input');
        const ctx2d = document.createElement('canvas').getContext('2d');
        if (!input || !ctx2d) throw new Error('no search box');
        const s = getComputedStyle(input);
        ctx2d.font = `${s.fontSize} ${s.fontFamily}`;
        const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        return { text: ctx2d.measureText(input.placeholder).width, room };
      });
      expect(fit.text, locale).toBeLessThanOrEqual(fit.room);

      const badge = page.locator(`[data-testid="cell-${await secondPid()}-ru"] [data-testid="finding-badge"]`);
      await badge.waitFor();
      expect(await badge.locator('svg[data-icon="error"]').count()).toBe(1);
      const seen = await page.evaluate(() => {
        const out = [document.body.innerText];
        for (const el of document.querySelectorAll('[placeholder],[title],[aria-label]')) {
          for (const a of ['placeholder', 'title', 'aria-label']) out.push(el.getAttribute(a) ?? '');
        }
        return out.join('\n');
      });
      expect(seen.match(/[\p{Extended_Pictographic}\u{FE0F}]/gu) ?? [], locale).toEqual([]);
    }
    await ctx.close();
  });

  async function secondPid(): Promise<string> {
    return (await w.snapshot(docId)).paragraphs[1]!.id;
  }
});
