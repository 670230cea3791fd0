import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../server/test/helpers/docx.js';
import { signedInContext } from './support/browser.js';
import { createWorld, sessionId } from './support/world.js';
import type { World } from './support/world.js';

/** Small things a new user trips on: what the new-document form takes, the title it suggests, the users page. */
const LOCALES = ['en', 'zh', 'ru', 'kk', 'uz'] as const;
const message = (lang: string, key: string): string => {
  const tree = JSON.parse(readFileSync(new URL(`../locales/${lang}/translation.json`, import.meta.url), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  return tree.errors?.[key] ?? '';
};

describe('a newcomer in Chromium', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('the new-document form names every format it takes, in every UI language', async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin));
    const page = await ctx.newPage();
    for (const lang of LOCALES) {
      await page.goto(`${w.server.url}/#/new`);
      await page.locator('textarea.source-input').waitFor();
      await page.evaluate((l) => localStorage.setItem('anor.uiLocale', l), lang);
      await page.reload();
      await page.locator('textarea.source-input').waitFor();
      const text = await page.locator('main').innerText();
      for (const name of ['.txt', '.md', '.html', '.docx', 'Markdown', 'XLIFF', 'TMX', 'PO'])
        expect(text, `${lang} ${name}`).toContain(name);
      const accept = await page.locator('.import-source input[type="file"]').first().getAttribute('accept');
      for (const ext of ['.txt', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx']) expect(accept?.split(',')).toContain(ext);
    }
    await ctx.close();
  });

  it("suggests the file's own title: the HTML H1, then the DOCX title, never over a typed one", async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin));
    const page = await ctx.newPage();
    await page.goto(`${w.server.url}/#/new`);
    const picker = page.locator('.import-source input[type="file"]').first();
    const title = page.locator('.new-doc form > label input').first();
    const html = '<html><head><title>Site · News</title></head><body><h1>Summit in Astana</h1><p>Leaders met.</p></body></html>';
    await picker.setInputFiles({ name: 'news-2026-06-17.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await expect.poll(() => title.inputValue()).toBe('Summit in Astana');

    const docx = buildDocx([{ heading: 1, text: 'Heading' }, { text: 'Leaders met.' }], { title: 'Press release' });
    await picker.setInputFiles({ name: 'Document1.docx', mimeType: 'application/octet-stream', buffer: docx });
    await expect.poll(() => title.inputValue()).toBe('Press release');

    await title.fill('My own title');
    await picker.setInputFiles({ name: 'news.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    // The page <title> is a paragraph too: three paragraphs once this file (not the DOCX's two) is read.
    await expect.poll(() => page.getByTestId('paragraph-preview').textContent()).toMatch(/3/u);
    expect(await title.inputValue()).toBe('My own title');
    await ctx.close();
  });

  it('says plainly that a user name is taken, in every UI language, on a styled users page', async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin));
    const page = await ctx.newPage();
    await page.goto(`${w.server.url}/#/users`);
    await page.locator('.users-table').waitFor();
    const looks = await page.evaluate(() => {
      const main = getComputedStyle(document.querySelector('.users-screen')!);
      const table = getComputedStyle(document.querySelector('.users-table')!);
      const cell = getComputedStyle(document.querySelector('.users-table td')!);
      const form = getComputedStyle(document.querySelector('.users-new')!);
      return { padding: main.paddingLeft, collapse: table.borderCollapse, rule: cell.borderBottomStyle, formBorder: form.borderTopStyle };
    });
    expect(looks).toEqual({ padding: '20px', collapse: 'collapse', rule: 'solid', formBorder: 'solid' });

    for (const lang of LOCALES) {
      await page.locator('.lang-switcher select').selectOption(lang);
      await page.locator('.users-new input').nth(0).fill('ADMIN');
      await page.locator('.users-new input[type="password"]').fill('long-enough-password');
      await page.locator('.users-new button[type="submit"]').click();
      const alert = page.locator('.users-screen [role="alert"]');
      await expect.poll(() => alert.textContent()).toBe(message(lang, 'username_taken'));
      expect(await alert.textContent()).not.toBe(message(lang, 'conflict'));
    }
    await ctx.close();
  });
});
