import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell } from './support/browser.js';
import { cellText, createWorld } from './support/world.js';
import type { World } from './support/world.js';

describe('two translators in one document', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('shows what one types to the other, live, with who is typing where', async () => {
    const doc = await w.createDoc(['The summit opened on Tuesday.', 'Leaders met in Astana.']);
    const a = await w.open(w.admin, doc.id);
    const b = await w.open(w.other, doc.id);
    const pid = doc.pids[0]!;

    await cell(a.page, pid, 'ru').click();
    await cell(a.page, pid, 'ru').pressSequentially('Саммит открылся во вторник.');
    // The other side sees the presence outline and name while A types…
    await expect.poll(() => b.page.getByTestId(`cell-${pid}-ru`).locator('.presence-badge').textContent()).toContain('Administrator');
    // …and the text once it is saved, without reloading.
    await expect.poll(() => cell(b.page, pid, 'ru').inputValue(), { timeout: 10_000 }).toBe('Саммит открылся во вторник.');
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru')).toBe('Саммит открылся во вторник.');
    await expect.poll(() => a.page.getByTestId('sync-indicator').getAttribute('data-waiting')).toBe('0');
  });

  it("keeps both people's edits to different parts of one cell", async () => {
    const doc = await w.createDoc(['One cell, two editors.']);
    const pid = doc.pids[0]!;
    const a = await w.open(w.admin, doc.id);
    const b = await w.open(w.other, doc.id);
    await cell(a.page, pid, 'ru').fill('начало середина конец');
    await expect.poll(() => cell(b.page, pid, 'ru').inputValue(), { timeout: 10_000 }).toBe('начало середина конец');

    // A loses the network and edits the start; B edits the end meanwhile.
    await a.ctx.setOffline(true);
    await expect.poll(() => a.page.getByTestId('sync-indicator').textContent(), { timeout: 15_000 }).toContain('Offline');
    const ta = cell(a.page, pid, 'ru');
    await ta.click();
    await a.page.keyboard.press('Control+Home');
    await a.page.keyboard.type('Новое ');
    const tb = cell(b.page, pid, 'ru');
    await tb.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' и хвост');
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru')).toBe('начало середина конец и хвост');

    await a.ctx.setOffline(false);
    const both = 'Новое начало середина конец и хвост';
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru'), { timeout: 20_000 }).toBe(both);
    await expect.poll(() => cell(a.page, pid, 'ru').inputValue(), { timeout: 10_000 }).toBe(both);
    await expect.poll(() => cell(b.page, pid, 'ru').inputValue(), { timeout: 10_000 }).toBe(both);
  });

  it('shows a real conflict with both versions and saves the combination the user chose', async () => {
    const doc = await w.createDoc(['Conflicts happen.']);
    const pid = doc.pids[0]!;
    const a = await w.open(w.admin, doc.id);
    const b = await w.open(w.other, doc.id);
    await cell(a.page, pid, 'ru').fill('Кот сидит.');
    await expect.poll(() => cell(b.page, pid, 'ru').inputValue(), { timeout: 10_000 }).toBe('Кот сидит.');

    await a.ctx.setOffline(true);
    await expect.poll(() => a.page.getByTestId('sync-indicator').textContent(), { timeout: 15_000 }).toContain('Offline');
    await cell(a.page, pid, 'ru').fill('Кошка сидит.');
    await cell(b.page, pid, 'ru').fill('Пёс сидит.');
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru')).toBe('Пёс сидит.');
    await a.ctx.setOffline(false);

    const panel = a.page.getByTestId(`cell-${pid}-ru`).getByRole('group');
    await expect.poll(() => panel.getByTestId('conflict-theirs').textContent(), { timeout: 20_000 }).toBe('Пёс сидит.');
    expect(await panel.getByTestId('conflict-yours').textContent()).toBe('Кошка сидит.');
    expect(cellText(await w.snapshot(doc.id), pid, 'ru')).toBe('Пёс сидит.'); // nothing mixed while undecided
    await panel.getByRole('textbox').fill('Кошка и пёс сидят.');
    await panel.getByRole('button', { name: 'Use combined text' }).click();
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'ru'), { timeout: 10_000 }).toBe('Кошка и пёс сидят.');
    await expect.poll(() => cell(b.page, pid, 'ru').inputValue(), { timeout: 10_000 }).toBe('Кошка и пёс сидят.');
    await expect.poll(() => a.page.getByTestId(`cell-${pid}-ru`).getByRole('group').count()).toBe(0);
  });

  it('moves between paragraphs with the keyboard and lists the shortcuts on "?"', async () => {
    const doc = await w.createDoc(['First.', 'Second.', 'Third.']);
    const a = await w.open(w.admin, doc.id);
    await cell(a.page, doc.pids[0]!, 'zh').focus();
    await a.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => a.page.evaluate('document.activeElement?.getAttribute("data-cell")')).toBe(`${doc.pids[1]}:zh`);
    await a.page.keyboard.press('Control+Shift+C'); // copy the source into the cell
    await expect.poll(() => cell(a.page, doc.pids[1]!, 'zh').inputValue()).toBe('Second.');
    await a.page.keyboard.press('Escape');
    await a.page.keyboard.press('?');
    await expect.poll(() => a.page.getByRole('dialog').isVisible()).toBe(true);
    await a.page.keyboard.press('Escape');
    await expect.poll(() => a.page.getByRole('dialog').count()).toBe(0);
    await a.page.keyboard.press('/');
    await a.page.keyboard.type('Third');
    await expect.poll(() => a.page.getByTestId('match-count').textContent()).toBe('1 match');
  });
});
