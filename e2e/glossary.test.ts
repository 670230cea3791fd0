import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossaryTermDto } from '../shared/protocol/aids.js';
import { createWorld } from './support/world.js';
import type { World } from './support/world.js';

/**
 * Issue 11: the glossary could only be imported and exported. The glossary
 * screen browses and searches it; an administrator adds, edits and deletes
 * terms and forbidden variants through the REST routes; a translator (no
 * reviewer role) reads it without being offered any change.
 */
describe('the glossary screen (Chromium)', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
    for (const term of [
      { en: 'summit', ru: 'саммит', kk: 'саммит', note: 'Heads of state only' },
      { en: 'Astana', zh: '阿斯塔纳', ru: 'Астана' },
    ]) {
      await w.admin.data('POST', '/api/glossary', term);
    }
  });
  afterAll(() => w.close());

  const stored = async (): Promise<GlossaryTermDto[]> => (await w.admin.data<{ terms: GlossaryTermDto[] }>('GET', '/api/glossary')).terms;

  it('searches, adds a term with a forbidden variant, edits it and deletes one', async () => {
    const doc = await w.createDoc(['Glossary.'], ['ru']);
    const { page } = await w.open(w.admin, doc.id);
    await page.getByRole('link', { name: 'Glossary', exact: true }).click();
    const rows = page.getByTestId('glossary-row');
    await expect.poll(() => rows.count()).toBe(2);

    await page.getByLabel('Search terms').fill('САММИТ');
    await expect.poll(() => page.getByTestId('glossary-count').textContent()).toBe('1 term');
    expect(await rows.first().textContent()).toContain('Heads of state only');
    await page.getByLabel('Search terms').fill('');

    await page.getByRole('button', { name: 'Add a term' }).click();
    const form = page.getByTestId('term-form');
    await form.getByLabel('English').fill('delegation');
    await form.getByLabel('Russian').fill('делегация');
    await form.getByRole('button', { name: 'Add a forbidden variant' }).click();
    await form.getByLabel('Language of variant 1').selectOption('ru');
    await form.getByLabel('Variant 1', { exact: true }).fill('делегаты');
    await form.getByRole('button', { name: 'Save the term' }).click();
    await expect
      .poll(async () => (await stored()).find((t) => t.en === 'delegation'))
      .toMatchObject({
        ru: 'делегация',
        forbidden: [{ lang: 'ru', text: 'делегаты' }],
      });
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId('glossary-table').locator('del', { hasText: 'делегаты' }).count()).toBe(1);

    // Edit: give the summit its Uzbek rendering.
    const summit = rows.filter({ hasText: 'Heads of state only' });
    await summit.getByRole('button', { name: 'Edit' }).click();
    await page.getByTestId('term-form').getByLabel('Uzbek').fill('sammit');
    await page.getByTestId('term-form').getByRole('button', { name: 'Save the term' }).click();
    await expect.poll(async () => (await stored()).find((t) => t.en === 'summit')?.uz).toBe('sammit');

    // Delete asks once more.
    const astana = rows.filter({ hasText: 'Astana' });
    await astana.getByRole('button', { name: 'Delete' }).click();
    await astana.getByRole('button', { name: 'Delete this term' }).click();
    await expect.poll(async () => (await stored()).map((t) => t.en).sort()).toEqual(['delegation', 'summit']);
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('shows the glossary read-only to a translator', async () => {
    const doc = await w.createDoc(['Glossary.'], ['ru']);
    const { page } = await w.open(w.other, doc.id);
    await page.goto(`${w.server.url}/#/glossary`);
    await expect.poll(() => page.getByTestId('glossary-row').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Add a term' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByText('Reviewers and administrators edit them.').count()).toBe(1);
  });
});
