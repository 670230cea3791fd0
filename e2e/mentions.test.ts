import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/http.js';
import { Approver } from './support/approve.js';
import { cell } from './support/browser.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * Issue 11: @mentions had no completion, a request-changes reason's mention
 * notified nobody, and a mention's "Open" went to the top of the document.
 * Completion offers the document's team only (admins and people with a role
 * in its languages); the reason's mention reaches the translator live; "Open"
 * scrolls to the paragraph and puts the caret in the cell.
 */
describe('mentions in the browser', () => {
  let w: World;
  let rita: ApiClient;
  beforeAll(async () => {
    w = await createWorld();
    const people: [string, string, Record<string, string>][] = [
      ['rita', 'Rita Reviewer', { ru: 'reviewer' }],
      ['wang', 'Wang Fang', { zh: 'translator' }],
    ];
    for (const [username, displayName, roles] of people) {
      await w.admin.data('POST', '/api/users', { username, password: `${username}-password`, displayName, roles });
    }
    rita = new ApiClient(w.server.url);
    await rita.login('rita', 'rita-password');
  });
  afterAll(() => w.close());

  it('completes names from the team, notifies a mention in a request for changes, and opens the very cell', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the summit report, long enough to take a line.`);
    const doc = await w.createDoc(paragraphs, ['ru'], 'Summit report');
    const pid = doc.pids[33]!;
    const tr = await Approver.open(w.server.url, w.other, w.admin, doc.id);
    await tr.submit(pid, 'ru', 'Абзац 34 отчёта о саммите.');
    tr.close();

    // Dana waits on the document list.
    const dana = await w.open(w.other, doc.id);
    await dana.page.goto(`${w.server.url}/#/`);

    const r = await w.open(rita, doc.id);
    const panel = r.page.getByTestId('review-panel');
    await r.page.getByTestId('grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await cell(r.page, pid, 'ru').click();
    await panel.getByRole('button', { name: 'Request changes', exact: true }).click();
    const reason = panel.getByLabel('What should change?');
    await reason.pressSequentially('Please check the number, @');
    const list = panel.getByTestId('mention-list');
    const options = () => list.getByRole('option').allTextContents();
    await expect.poll(async () => (await options()).some((o) => o.startsWith('Dana Translator @translator'))).toBe(true);
    expect(await options()).toContain('Rita Reviewer @rita');
    // Wang has no role in this document's languages: not offered.
    expect((await options()).some((o) => o.includes('Wang'))).toBe(false);
    await reason.pressSequentially('Da');
    await expect.poll(options).toEqual([expect.stringMatching(/^Dana Translator @translator\d+$/u)]);
    await reason.press('Enter');
    await expect.poll(() => reason.inputValue()).toMatch(/^Please check the number, @translator\d+ $/u);
    await panel.getByRole('button', { name: 'Send', exact: true }).click();

    // The comment box completes the same way.
    const box = panel.getByPlaceholder(/comment/iu);
    await box.pressSequentially('@wa');
    expect(await panel.getByTestId('mention-list').count()).toBe(0);

    const inbox = dana.page.getByTestId('notifications');
    await expect.poll(() => inbox.textContent()).toContain('Rita Reviewer mentioned you in “Summit report”');
    await inbox.getByRole('link', { name: 'Open' }).click();
    await expect.poll(() => dana.page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null)).toBe(`${pid}:ru`);
    // The whole cell is in view, opened up as a focused cell is.
    const inView = async (): Promise<boolean> => {
      const box = await cell(dana.page, pid, 'ru').boundingBox();
      const grid = await dana.page.getByTestId('grid').boundingBox();
      return box !== null && grid !== null && box.y >= grid.y && box.y + box.height <= grid.y + grid.height + 0.5;
    };
    await expect.poll(inView).toBe(true);
  });
});
