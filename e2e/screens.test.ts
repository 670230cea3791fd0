import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from './helpers/server.js';
import { cell } from './support/browser.js';
import { cellText, createWorld } from './support/world.js';
import type { World } from './support/world.js';

describe('sign-in, new document and the document list', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('signs in, refuses a wrong password with a translated message, creates a document from pasted text', async () => {
    const ctx = await w.browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(w.server.url);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong user name or password.');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New document' }).click();

    await page.getByLabel('Title', { exact: true }).fill('Pasted press release');
    await page.getByRole('checkbox', { name: 'Kazakh' }).uncheck();
    await page.getByRole('checkbox', { name: 'Uzbek' }).uncheck();
    await page.getByLabel('Source text').fill('First paragraph,\nstill the first.\n\nSecond paragraph.\n\n\nThird.');
    await expect.poll(() => page.getByTestId('paragraph-preview').textContent()).toBe('3 paragraphs will be created');
    await page.getByRole('button', { name: 'Create document' }).click();

    await page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
    expect(await page.locator('h1.doc-title').textContent()).toBe('Pasted press release');
    expect(await page.locator('.col-head .col-name').allTextContents()).toEqual(['English · Source', 'Chinese (Simplified)', 'Russian']);
    const first = page.locator('textarea[data-cell$=":en"]').first();
    expect(await first.inputValue()).toBe('First paragraph,\nstill the first.');

    // Translate one paragraph, then the list shows progress per target language.
    const docId = decodeURIComponent(new URL(page.url()).hash.replace('#/doc/', ''));
    const snap = await w.snapshot(docId);
    await cell(page, snap.paragraphs[1]!.id, 'ru').fill('Второй абзац.');
    await expect.poll(async () => cellText(await w.snapshot(docId), snap.paragraphs[1]!.id, 'ru')).toBe('Второй абзац.');
    await page.getByRole('link', { name: 'All documents' }).click();
    const ru = page.getByRole('row', { name: /Pasted press release/u }).getByTestId('progress-ru');
    await expect.poll(() => ru.locator('.progress-legend').textContent()).toBe('Draft 1Empty 2');
    await page.getByRole('radio', { name: 'words' }).check();
    await expect.poll(() => ru.locator('.progress-legend').textContent()).toMatch(/^Draft 2Empty \d+$/u);
    await ctx.close();
  });

  // A .txt without blank lines is one paragraph per line; Markdown follows CommonMark (lines without a blank one between are one paragraph).
  it('creates a document from an uploaded .txt file, one paragraph per line when it has no blank lines', async () => {
    const { page } = await w.open(w.admin, (await w.createDoc(['seed'])).id);
    await page.goto(`${w.server.url}/#/new`);
    await page.locator('input[type="file"][accept*=".docx"]').setInputFiles({
      name: 'subtitles.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Бірінші жол\nЕкінші жол\nҮшінші жол\n', 'utf8'),
    });
    await expect.poll(() => page.getByTestId('paragraph-preview').textContent()).toBe('3 paragraphs will be created');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('subtitles');
    await page.getByLabel('Source language').selectOption('kk');
    await page.getByRole('button', { name: 'Create document' }).click();
    await page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
    expect(
      await page.locator('textarea[data-cell$=":kk"]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value)),
    ).toEqual(['Бірінші жол', 'Екінші жол', 'Үшінші жол']);
  });

  // A peer's PO (no source language in it): the person names it, and the translations come along.
  it('creates a document from a gettext PO file with its translations', async () => {
    const { page } = await w.open(w.admin, (await w.createDoc(['seed'])).id);
    await page.goto(`${w.server.url}/#/new`);
    const po =
      'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "Good morning"\nmsgstr "Доброе утро"\n\n#, fuzzy\nmsgid "Open"\nmsgstr "Открыть"\n';
    await page
      .locator('input[type="file"][accept*=".po"]')
      .setInputFiles({ name: 'peer.po', mimeType: 'text/x-gettext-translation', buffer: Buffer.from(po) });
    await page.getByLabel('Language of the original text, if the file does not say').selectOption('en');
    await page.getByRole('button', { name: 'Create from this file' }).click();
    await page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
    expect(
      await page.locator('textarea[data-cell$=":ru"]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value)),
    ).toEqual(['Доброе утро', 'Открыть']);
  });

  it('shows sign-in to someone without a session, whatever the address', async () => {
    const ctx = await w.browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(`${w.server.url}/#/doc/anything`);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await ctx.close();
  });
});
