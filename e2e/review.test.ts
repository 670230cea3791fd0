import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/http.js';
import { call, connect, opId } from './helpers/socket.js';
import { cell } from './support/browser.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * The review round trip in two browsers: the translator submits, the reviewer
 * requests changes with a comment, the translator sees it, fixes and
 * resubmits, and the reviewer approves that exact revision.
 */
describe('review in the browser', () => {
  let w: World;
  let reviewer: ApiClient;
  beforeAll(async () => {
    w = await createWorld();
    await w.admin.data('POST', '/api/users', {
      username: 'rita',
      password: 'reviewer-password',
      displayName: 'Rita Reviewer',
      roles: { ru: 'reviewer' },
    });
    reviewer = new ApiClient(w.server.url);
    await reviewer.login('rita', 'reviewer-password');
  });
  afterAll(async () => {
    await w?.close();
  });

  it('submits, requests changes with a comment, resubmits the fix and approves it', async () => {
    const doc = await w.createDoc(['The summit opened on Tuesday.'], ['ru']);
    const pid = doc.pids[0]!;
    const ru = async () => (await w.snapshot(doc.id)).paragraphs[0]!.cells.ru!;
    const t = await w.open(w.other, doc.id);
    const r = await w.open(reviewer, doc.id);
    const tPanel = t.page.getByTestId('review-panel');
    const rPanel = r.page.getByTestId('review-panel');

    await cell(t.page, pid, 'ru').fill('Саммит открылся во вторник.');
    await expect.poll(async () => (await ru()).text).toBe('Саммит открылся во вторник.');
    await tPanel.getByRole('button', { name: 'Submit for review', exact: true }).click();
    await expect.poll(async () => (await ru()).status).toBe('in_review');
    // A translator is never offered the reviewer's steps.
    expect(await tPanel.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);

    await cell(r.page, pid, 'ru').click();
    await rPanel.getByRole('button', { name: 'Request changes', exact: true }).click();
    await rPanel.getByLabel('What should change?').fill('Say when in the morning, please.');
    await rPanel.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(async () => (await ru()).status).toBe('changes_requested');

    // The translator sees the status and the comment live, without reloading.
    await expect.poll(() => tPanel.getByTestId('comments').textContent()).toContain('Say when in the morning, please.');
    await expect.poll(() => t.page.getByTestId(`cell-${pid}-ru`).locator('.badge').first().textContent()).toBe('Changes requested');
    // Resubmitted with Ctrl+Enter straight after typing: the shortcut waits for the save.
    await cell(t.page, pid, 'ru').fill('Саммит открылся во вторник утром.');
    await cell(t.page, pid, 'ru').press('Control+Enter');
    await expect.poll(async () => (await ru()).status).toBe('in_review');

    await cell(r.page, pid, 'ru').click();
    await expect.poll(() => cell(r.page, pid, 'ru').inputValue()).toBe('Саммит открылся во вторник утром.');
    await rPanel.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(async () => (await ru()).status).toBe('approved');
    expect(await ru()).toMatchObject({ approvedText: 'Саммит открылся во вторник утром.', approvedRev: 2 });

    // The history shows every step, with the diff of the fix.
    await rPanel.getByRole('button', { name: 'History', exact: true }).click();
    await expect.poll(() => rPanel.getByTestId('history').locator('ins').first().textContent()).toContain('утром');
  });

  it('lets an admin give a role in the users screen, which the server then enforces', async () => {
    const doc = await w.createDoc(['Roles are data.'], ['kk']);
    const a = await w.open(w.admin, doc.id);
    await a.page.goto(`${w.server.url}/#/users`);
    const row = a.page.getByTestId('user-rita');
    await row.getByLabel('Role of rita in Kazakh').selectOption('reviewer');
    await expect
      .poll(
        async () =>
          (await w.admin.data<{ users: { username: string; roles: Record<string, string> }[] }>('GET', '/api/users')).users.find(
            (u) => u.username === 'rita',
          )?.roles,
      )
      .toEqual({ ru: 'reviewer', kk: 'reviewer' });
    // Users are not for everyone: a translator gets no link, and the route refuses.
    const t = await w.open(w.other, doc.id);
    expect(await t.page.getByRole('link', { name: 'Users', exact: true }).count()).toBe(0);
    expect((await w.other.request('GET', '/api/users')).status).toBe(403);
  });
  it('shows a mention made while the user was away when they come back, until they dismiss it', async () => {
    const doc = await w.createDoc(['Talks ended on 12 May.'], ['ru'], 'Mentions while away');
    // Rita has no page open anywhere: the live notification cannot reach her.
    const socket = await connect(w.server.url, w.other.cookie);
    try {
      await call(socket, 'doc:join', { docId: doc.id });
      const added = await call(socket, 'comment:add', {
        docId: doc.id,
        opId: opId(),
        paragraphId: doc.pids[0]!,
        lang: 'ru',
        text: '@rita is the date right?',
      });
      expect(added).toMatchObject({ ok: true });
    } finally {
      socket.disconnect();
    }
    const r = await w.open(reviewer, doc.id);
    const inbox = r.page.getByTestId('notifications');
    await expect.poll(() => inbox.textContent()).toContain('Dana Translator mentioned you in “Mentions while away”');
    expect(await inbox.textContent()).toContain('@rita is the date right?');
    await inbox.getByRole('button', { name: 'Dismiss', exact: true }).click();
    expect(await inbox.textContent()).toBe('');
    // After a reload the inbox is read again; the dismissed mention stays away.
    const inboxRead = r.page.waitForResponse((res) => res.url().endsWith('/api/mentions'));
    await r.page.reload();
    expect((await inboxRead).status()).toBe(200);
    await r.page.getByTestId('grid').waitFor();
    await r.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))');
    expect(await inbox.textContent()).toBe('');
  });
});
