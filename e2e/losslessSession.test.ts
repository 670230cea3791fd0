import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PublicUser } from '../shared/index.js';
import { cell, openDocument } from './support/browser.js';
import { cellText, createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * What happens around the typing (issue 10): a reload or a closed tab in the
 * middle of it, signing out, and a role taken away while typing. Each time,
 * every character ends on the server or visibly waiting in the outbox.
 */
describe('typing survives the page, the session and the roles', () => {
  let w: World;
  let otherId: string;
  beforeAll(async () => {
    w = await createWorld();
    otherId = (await w.other.data<{ user: PublicUser }>('GET', '/api/auth/me')).user.id;
  });
  afterAll(async () => {
    await w?.close();
  });

  const waiting = (page: Page) => page.getByTestId('sync-indicator').getAttribute('data-waiting');
  const sentence = 'Саммит открылся во вторник в Астане.';

  it('sends everything typed right before a reload once, without a clash with itself', async () => {
    const doc = await w.createDoc(['The summit opened on Tuesday in Astana.'], ['ru']);
    const pid = doc.pids[0]!;
    const a = await w.open(w.other, doc.id);
    await cell(a.page, pid, 'ru').click();
    await a.page.keyboard.type(sentence);
    await a.page.reload(); // at once: the last edits are on the wire or still in the outbox
    await a.page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru'), { timeout: 20_000 }).toBe(sentence);
    await expect.poll(() => waiting(a.page)).toBe('0');
    expect(await cell(a.page, pid, 'ru').inputValue()).toBe(sentence);
    const history = await w.admin.history(doc.id, pid, 'ru');
    expect(history.revisions.filter((r) => r.kind === 'conflict')).toEqual([]);
  });

  it('carries on through a network drop in mid-sentence: nothing lost, nothing twice', async () => {
    const doc = await w.createDoc(['Trade grew by a third.'], ['ru']);
    const pid = doc.pids[0]!;
    const a = await w.open(w.other, doc.id);
    await cell(a.page, pid, 'ru').click();
    await a.page.keyboard.type('Торговля выросла');
    await a.ctx.setOffline(true); // whatever was on the wire now may or may not have landed
    await a.page.keyboard.type(' на треть.');
    await expect.poll(() => a.page.getByTestId('sync-indicator').textContent(), { timeout: 15_000 }).toContain('Offline');
    await expect.poll(() => waiting(a.page)).toBe('1');
    await a.ctx.setOffline(false);
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru'), { timeout: 20_000 }).toBe('Торговля выросла на треть.');
    await expect.poll(() => waiting(a.page)).toBe('0');
    const history = await w.admin.history(doc.id, pid, 'ru');
    expect(history.revisions.filter((r) => r.kind === 'conflict')).toEqual([]);
  });

  it('sends what was typed in a tab closed mid-sentence when the app opens again', async () => {
    const doc = await w.createDoc(['Leaders met.'], ['ru']);
    const pid = doc.pids[0]!;
    const a = await w.open(w.other, doc.id);
    await cell(a.page, pid, 'ru').click();
    await a.page.keyboard.type('Лидеры встретились.');
    await a.page.close({ runBeforeUnload: true });
    const again = await a.ctx.newPage();
    await again.goto(`${w.server.url}/#/`);
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru'), { timeout: 20_000 }).toBe('Лидеры встретились.');
  });

  it('saves typing before signing out, and keeps what could not go for the next sign-in', async () => {
    const doc = await w.createDoc(['One.', 'Two.'], ['ru']);
    // A user of its own, signed in through the form: signing out ends only this session.
    await w.admin.data('POST', '/api/users', { username: 'leila', password: 'leila-password', roles: { ru: 'translator' } });
    const ctx = await w.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    const signIn = async (): Promise<void> => {
      await page.getByLabel('User name').fill('leila');
      await page.getByLabel('Password').fill('leila-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('whoami').waitFor();
    };
    try {
      await page.goto(`${w.server.url}/#/doc/${doc.id}`);
      await signIn();
      await page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
      // Online: signing out straight after typing waits for the save.
      await cell(page, doc.pids[0]!, 'ru').click();
      await page.keyboard.type('Один.');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(cellText(await w.snapshot(doc.id), doc.pids[0]!, 'ru')).toBe('Один.');

      // Offline: the text waits in this user's outbox through the sign-out and goes out at the next sign-in.
      await signIn();
      await openDocument(page, w.server.url, doc.id);
      await ctx.setOffline(true);
      await expect.poll(() => page.getByTestId('sync-indicator').textContent(), { timeout: 15_000 }).toContain('Offline');
      await cell(page, doc.pids[1]!, 'ru').click();
      await page.keyboard.type('Два.');
      await expect.poll(() => waiting(page)).toBe('1');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await ctx.setOffline(false);
      expect(cellText(await w.snapshot(doc.id), doc.pids[1]!, 'ru')).toBe('');
      await signIn();
      await expect.poll(async () => cellText(await w.snapshot(doc.id), doc.pids[1]!, 'ru'), { timeout: 20_000 }).toBe('Два.');
    } finally {
      await ctx.close();
    }
  });

  it('keeps the text typed after a role was taken away, says it is not saved, and lets the user copy it', async () => {
    const doc = await w.createDoc(['The summit opened.'], ['kk']);
    const pid = doc.pids[0]!;
    const b = await w.open(w.other, doc.id);
    await b.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: w.server.url });
    await cell(b.page, pid, 'kk').click();
    await b.page.keyboard.type('Саммит');
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe('Саммит');

    await w.admin.data('PATCH', `/api/users/${otherId}`, { roles: {} });
    await b.page.keyboard.type(' ашылды.');
    const alert = b.page.getByTestId(`cell-${pid}-kk`).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Not saved');
    expect(await alert.textContent()).toContain('kept in this browser');
    expect(cellText(await w.snapshot(doc.id), pid, 'kk')).toBe('Саммит');
    expect(await cell(b.page, pid, 'kk').inputValue()).toBe('Саммит ашылды.');
    await alert.getByRole('button', { name: 'Copy my text' }).click();
    await expect.poll(() => b.page.evaluate<string>('navigator.clipboard.readText()')).toBe('Саммит ашылды.');

    // Still there after a reload (the outbox is on disk), still saying so; the cell is read-only now.
    await b.page.reload();
    await b.page.locator('[data-testid="grid"][data-ready="true"]').waitFor();
    expect(await cell(b.page, pid, 'kk').inputValue()).toBe('Саммит ашылды.');
    await expect.poll(() => b.page.getByTestId(`cell-${pid}-kk`).getByRole('alert').textContent()).toContain('Not saved');
    expect(await cell(b.page, pid, 'kk').getAttribute('readonly')).not.toBeNull();

    // The role comes back: Retry saves it.
    await w.admin.data('PATCH', `/api/users/${otherId}`, { roles: { kk: 'translator', ru: 'translator' } });
    await b.page.getByTestId(`cell-${pid}-kk`).getByRole('button', { name: 'Retry' }).click();
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe('Саммит ашылды.');
  });
});
