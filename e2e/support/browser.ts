import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium, headless, through playwright-core (no downloaded browsers). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('which', ['chromium']).toString().trim();
  return chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** A context already signed in as `sessionId` (cookie from a REST login), with a fixed UI locale. */
export async function signedInContext(browser: Browser, baseUrl: string, sessionId: string, locale = 'en-US'): Promise<BrowserContext> {
  const ctx = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const { hostname } = new URL(baseUrl);
  await ctx.addCookies([{ name: 'anor.sid', value: sessionId, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
  return ctx;
}

export function cell(page: Page, paragraphId: string, lang: string) {
  return page.locator(`textarea[data-cell="${paragraphId}:${lang}"]`);
}

export async function openDocument(page: Page, baseUrl: string, docId: string): Promise<void> {
  await page.goto(`${baseUrl}/#/doc/${encodeURIComponent(docId)}`);
  await page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
}

/** Closes the side drawer (remembered for the context), so four targets fit beside the source at 1440 px. */
export async function hidePanels(page: Page): Promise<void> {
  const toggle = page.locator('.editor-toolbar > button[aria-pressed="true"]');
  if ((await toggle.count()) > 0) await toggle.click();
  await page.locator('[data-testid="target-switcher"]').waitFor({ state: 'detached' });
}
