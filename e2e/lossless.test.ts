import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell } from './support/browser.js';
import { clashInCell } from './support/clash.js';
import { cellText, createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * The four ways text typed in the browser used to be lost (issue 10), each
 * driven as a translator would in Chromium against the real server.
 */
describe('nothing typed is lost', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  const five = ['One.', 'Two.', 'Three.', 'Four.', 'Fifth paragraph.'];
  const theirs = 'Азат жолдың бесіншісі.';

  it('starts the combine box from both versions and keeps following what the user types after the clash', async () => {
    const doc = await w.createDoc(five, ['kk']);
    const pid = doc.pids[4]!;
    const { b, panel } = await clashInCell(w, doc.id, pid, 'kk', theirs, 'Бесінші абзац туралы б');
    // The translator does not stop typing because a panel appeared.
    await cell(b.page, pid, 'kk').click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type('ір сөз.');
    const full = 'Бесінші абзац туралы бір сөз.';
    await expect.poll(() => panel.getByTestId('conflict-yours').textContent()).toBe(full);
    const combine = panel.getByRole('textbox');
    await expect.poll(() => combine.inputValue()).toContain(full);
    expect(await combine.inputValue()).toContain(theirs);
    // The words that differ are marked in the two versions.
    expect(await panel.locator('mark').count()).toBeGreaterThan(0);

    await panel.getByRole('button', { name: 'Use combined text' }).click();
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk'), { timeout: 10_000 }).toContain(full);
  });

  it('two translators typing into one empty cell at once: the one who clashes keeps every word and can keep theirs', async () => {
    const doc = await w.createDoc(five, ['kk']);
    const pid = doc.pids[4]!;
    const a = await w.open(w.admin, doc.id);
    const b = await w.open(w.other, doc.id);
    await cell(a.page, pid, 'kk').click();
    await cell(b.page, pid, 'kk').click();
    const texts = { a: 'Азат жолдың бесіншісі.', b: 'Бесінші абзац туралы бір сөз.' };
    await Promise.all([a.page.keyboard.type(texts.a, { delay: 40 }), b.page.keyboard.type(texts.b, { delay: 40 })]);
    // Whoever's first keystroke reached the server second sees the clash, with everything they typed.
    const panels = {
      a: a.page.getByTestId(`cell-${pid}-kk`).getByRole('group'),
      b: b.page.getByTestId(`cell-${pid}-kk`).getByRole('group'),
    };
    await expect.poll(async () => (await panels.a.count()) + (await panels.b.count())).toBe(1);
    const loser = (await panels.a.count()) === 1 ? 'a' : 'b';
    const winner = loser === 'a' ? 'b' : 'a';
    const panel = panels[loser];
    await expect.poll(() => panel.getByTestId('conflict-yours').textContent()).toBe(texts[loser]);
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe(texts[winner]);
    await expect.poll(() => panel.getByTestId('conflict-theirs').textContent()).toBe(texts[winner]);
    expect(await panel.getByRole('textbox').inputValue()).toContain(texts[loser]);
    await panel.getByRole('button', { name: 'Keep theirs' }).click();
    await expect
      .poll(async () => (await w.admin.history(doc.id, pid, 'kk')).revisions.filter((r) => r.kind === 'conflict').map((r) => r.text))
      .toContain(texts[loser]);
    expect(cellText(await w.snapshot(doc.id), pid, 'kk')).toBe(texts[winner]);
  });

  it('keeps "your version" in the history as a conflict revision when the user keeps theirs, and restores it', async () => {
    const doc = await w.createDoc(five, ['kk']);
    const pid = doc.pids[4]!;
    const yours = 'Бесінші абзац туралы бір сөз.';
    const { b, panel } = await clashInCell(w, doc.id, pid, 'kk', theirs, yours);
    await panel.getByRole('button', { name: 'Keep theirs' }).click();
    await expect.poll(() => cell(b.page, pid, 'kk').inputValue()).toBe(theirs);
    await expect
      .poll(async () => (await w.admin.history(doc.id, pid, 'kk')).revisions.filter((r) => r.kind === 'conflict').map((r) => r.text))
      .toContain(yours);
    await expect.poll(() => b.page.getByTestId('sync-indicator').getAttribute('data-waiting')).toBe('0');
    expect(cellText(await w.snapshot(doc.id), pid, 'kk')).toBe(theirs);

    // Visible and restorable in the history panel.
    await cell(b.page, pid, 'kk').click();
    const reviewPanel = b.page.getByTestId('review-panel');
    await reviewPanel.getByRole('button', { name: 'History', exact: true }).click();
    const entry = reviewPanel.getByTestId('history').locator('li.history-conflict', { hasText: yours });
    await entry.getByRole('button', { name: 'Restore as a new draft' }).click();
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe(yours);
    await expect.poll(() => cell(b.page, pid, 'kk').inputValue()).toBe(yours);
  });

  it('keeps the row being typed in on screen while a filter would drop it', async () => {
    const doc = await w.createDoc(['First.', 'Second.', 'Third.'], ['kk']);
    const pid = doc.pids[1]!;
    const a = await w.open(w.other, doc.id);
    const search = a.page.getByRole('search');
    await search.getByRole('combobox', { name: 'Status' }).selectOption('empty');
    await search.getByRole('combobox', { name: 'Language' }).selectOption('kk');
    await expect.poll(() => a.page.getByTestId('match-count').textContent()).toBe('3 matches');
    await cell(a.page, pid, 'kk').click();
    await a.page.keyboard.type('Екінші');
    // The first word is saved (the cell is no longer empty), then the translator goes on.
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe('Екінші');
    await a.page.waitForTimeout(1000);
    await a.page.keyboard.type(' абзац.');
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'kk')).toBe('Екінші абзац.');
    expect(await a.page.evaluate('document.activeElement?.getAttribute("data-cell")')).toBe(`${pid}:kk`);
    // Moving within the row keeps it too.
    await a.page.keyboard.press('Shift+Tab');
    await expect.poll(() => a.page.evaluate('document.activeElement?.getAttribute("data-cell")')).toBe(`${pid}:en`);
    expect(await a.page.getByTestId('match-count').textContent()).toBe('3 matches');
    // Once focus leaves the row, the filter applies again.
    await a.page.keyboard.press('Escape');
    await expect.poll(() => a.page.getByTestId('match-count').textContent()).toBe('2 matches');
    await expect.poll(() => cell(a.page, pid, 'kk').count()).toBe(0);
  });

  it('sends nothing while an input method is composing, and the committed text at once', async () => {
    const doc = await w.createDoc(['China and cooperation.'], ['zh']);
    const pid = doc.pids[0]!;
    const a = await w.open(w.admin, doc.id);
    const b = await w.open(w.other, doc.id);
    // Browser B notes every value its copy of the cell shows.
    await b.page.evaluate(`(() => {
      window.__seen = [];
      const check = () => {
        const v = document.querySelector('textarea[data-cell="${pid}:zh"]')?.value;
        if (v !== undefined && window.__seen.at(-1) !== v) window.__seen.push(v);
        requestAnimationFrame(check);
      };
      check();
    })()`);
    await cell(a.page, pid, 'zh').click();
    const cdp = await a.ctx.newCDPSession(a.page);
    // A pinyin input method: the letters are a composition until a candidate is chosen.
    const compose = async (text: string): Promise<void> => {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await a.page.waitForTimeout(500); // the translator looks at the candidates
    };
    await compose('zhong');
    await compose('zhongguo');
    await cdp.send('Input.insertText', { text: '中国' });
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'zh')).toBe('中国');
    await compose('he');
    await compose('hezuo');
    await cdp.send('Input.insertText', { text: '合作' });
    await expect.poll(async () => cellText(await w.snapshot(doc.id), pid, 'zh')).toBe('中国合作');
    await expect.poll(() => cell(b.page, pid, 'zh').inputValue()).toBe('中国合作');

    const latin = /[a-z]/u;
    const history = await w.admin.history(doc.id, pid, 'zh');
    expect(history.revisions.map((r) => r.text).filter((t) => latin.test(t))).toEqual([]);
    const seen = await b.page.evaluate<string[]>('window.__seen');
    expect(seen.filter((t) => latin.test(t))).toEqual([]);
  });
});
