import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, hidePanels, openDocument, signedInContext } from './support/browser.js';
import { createWorld, sessionId } from './support/world.js';
import type { World } from './support/world.js';

type Tree = { [k: string]: string | Tree };
const LOCALES = ['en', 'zh', 'ru', 'kk', 'uz'] as const;
const load = (l: string): Tree => JSON.parse(readFileSync(new URL(`../locales/${l}/translation.json`, import.meta.url), 'utf8')) as Tree;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
/** Every key path, with and without plural suffixes: what an untranslated string would look like. */
const KEY_PATHS = new Set(keys(load('en')).flatMap((k) => [k, k.replace(/_(zero|one|two|few|many|other)$/u, '')]));

/** All text a user can see or hear: rendered text plus placeholders, titles and accessible names. */
const VISIBLE_TEXT = `(() => {
  const out = document.body.innerText.split('\\n').map((s) => s.trim()).filter(Boolean);
  for (const el of document.querySelectorAll('[placeholder],[title],[aria-label]')) {
    for (const a of ['placeholder', 'title', 'aria-label']) { const v = el.getAttribute(a); if (v) out.push(v.trim()); }
  }
  return out;
})()`;

const ROWS: [string, Record<'ru' | 'zh' | 'kk' | 'uz', string>][] = [
  [
    'The second China–Central Asia Summit opened in Astana.',
    {
      ru: 'Второй саммит «Китай — Центральная Азия» открылся в Астане.',
      zh: '第二届中国—中亚峰会在阿斯塔纳开幕。',
      kk: 'Екінші «Қытай — Орталық Азия» саммиті Астанада ашылды.',
      uz: 'Ikkinchi «Xitoy — Markaziy Osiyo» sammiti Astanada ochildi.',
    },
  ],
  [
    'Leaders reviewed two years of cooperation.',
    {
      ru: 'Лидеры подвели итоги двух лет сотрудничества.',
      zh: '各国领导人回顾了两年来的合作。',
      kk: 'Көшбасшылар екі жылдық ынтымақтастықты қорытындылады.',
      uz: 'Yetakchilar ikki yillik hamkorlikni sarhisob qildi.',
    },
  ],
  ['They signed a treaty of permanent good-neighbourliness.', { ru: '', zh: '他们签署了永久睦邻友好合作条约。', kk: '', uz: '' }],
  ['Trade grew by a third.', { ru: '', zh: '', kk: '', uz: '' }],
];

async function waitFor(ok: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error('setup condition not reached');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the UI in five languages', () => {
  let w: World;
  let docId = '';
  let pids: string[] = [];
  beforeAll(async () => {
    w = await createWorld();
    const doc = await w.createDoc(
      ROWS.map((r) => r[0]),
      ['zh', 'ru', 'kk', 'uz'],
      'China–Central Asia Summit',
    );
    docId = doc.id;
    pids = doc.pids;
    const { page } = await w.open(w.admin, docId);
    await hidePanels(page);
    for (const [i, [, t]] of ROWS.entries()) {
      for (const lang of ['ru', 'zh', 'kk', 'uz'] as const) if (t[lang]) await cell(page, pids[i]!, lang).fill(t[lang]);
    }
    await waitFor(async () => (await page.getByTestId('sync-indicator').getAttribute('data-waiting')) === '0');
    mkdirSync(new URL('../artifacts/screenshots/', import.meta.url), { recursive: true });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('shows no untranslated key in any language, remembers the choice, and screenshots the grid', async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.admin), 'en-US');
    const page = await ctx.newPage();
    await openDocument(page, w.server.url, docId);
    for (const lang of LOCALES) {
      await page.locator('.lang-switcher select').selectOption(lang);
      const saved = (load(lang).sync as Tree).saved as string;
      await expect.poll(() => page.getByTestId('sync-indicator').textContent()).toBe(saved);
      const seen = await page.evaluate<string[]>(VISIBLE_TEXT);
      expect(seen.filter((s) => KEY_PATHS.has(s))).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe({ en: 'en', zh: 'zh-Hans', ru: 'ru', kk: 'kk', uz: 'uz-Latn' }[lang]);
      await page.keyboard.press('?');
      const dialog = await page.evaluate<string[]>(VISIBLE_TEXT);
      expect(dialog.filter((s) => KEY_PATHS.has(s))).toEqual([]);
      await page.keyboard.press('Escape');
      await page.screenshot({ path: new URL(`../artifacts/screenshots/${lang}.png`, import.meta.url).pathname });

      await page.goto(`${w.server.url}/#/`);
      await page.locator('.doc-link').first().waitFor();
      const list = await page.evaluate<string[]>(VISIBLE_TEXT);
      expect(list.filter((s) => KEY_PATHS.has(s))).toEqual([]);
      await page.goto(`${w.server.url}/#/new`);
      await page.locator('textarea.source-input').waitFor();
      const form = await page.evaluate<string[]>(VISIBLE_TEXT);
      expect(form.filter((s) => KEY_PATHS.has(s))).toEqual([]);
      await openDocument(page, w.server.url, docId);
    }
    await page.reload();
    await page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
    expect(await page.locator('.lang-switcher select').inputValue()).toBe('uz');
    await ctx.close();
  });

  it('starts in the browser language and renders cells with their language tag', async () => {
    const ctx = await signedInContext(w.browser, w.server.url, sessionId(w.other), 'ru-RU');
    const page = await ctx.newPage();
    await openDocument(page, w.server.url, docId);
    await hidePanels(page);
    expect(await page.getByTestId('sync-indicator').textContent()).toBe('Все изменения сохранены');
    expect(await cell(page, pids[0]!, 'zh').getAttribute('lang')).toBe('zh-Hans');
    expect(await cell(page, pids[0]!, 'uz').getAttribute('lang')).toBe('uz-Latn');
    const font = await page.evaluate<string>(`getComputedStyle(document.querySelector('textarea[lang="zh-Hans"]')).fontFamily`);
    expect(font).toContain('Noto Sans CJK SC');
    await ctx.close();
  });
});
