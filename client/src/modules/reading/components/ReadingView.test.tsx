import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReaderDocument } from '../../../../../shared/protocol/share.js';
import { readingGridHtml } from '../../../../../shared/reading/html.js';
import { buildReadingModel } from '../../../../../shared/reading/model.js';
import type { LatestTexts } from '../../../../../shared/reading/model.js';
import { renderUi } from '../../../test/render.js';
import type { ReadingPrefs } from '../hooks/useReadingPrefs.js';
import { ReadingView } from './ReadingView.js';

const READER: ReaderDocument = {
  title: 'Summit',
  sourceLang: 'en',
  langs: ['en', 'zh', 'ru', 'kk', 'uz'],
  paragraphs: [
    {
      id: 'p1',
      texts: { en: 'The summit opened.', zh: '峰会开幕。', ru: 'Саммит открылся.', kk: 'Саммит ашылды.', uz: 'Sammit ochildi.' },
    },
    { id: 'p2', texts: { en: 'Delegates arrived.', zh: null, ru: null, kk: null, uz: null } },
  ],
};
const LATEST: LatestTexts = new Map([['p2', { ru: 'Делегаты прибыли.' }]]);

function Harness({ drafts }: { drafts: boolean }) {
  const [prefs, setPrefs] = useState<ReadingPrefs>({ langs: ['en', 'zh', 'ru', 'kk', 'uz'], mode: 'approved', scripts: {} });
  const grid = useRef<HTMLDivElement>(null);
  return <ReadingView reader={READER} latest={LATEST} prefs={prefs} onPrefs={setPrefs} draftsAllowed={drafts} gridRef={grid} />;
}

const cellsOf = (row: HTMLElement): string[] =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.querySelector('.reading-text')?.textContent ?? '∅');

describe('ReadingView', () => {
  it('shows every language side by side, approved text only, a row per paragraph', async () => {
    await renderUi(<Harness drafts />);
    const table = screen.getByRole('table', { name: 'Parallel text' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['English', 'Chinese (Simplified)', 'Russian', 'Kazakh', 'Uzbek']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.pid)).toEqual(['p1', 'p2']);
    expect(cellsOf(rows[1]!)).toEqual(['Delegates arrived.', '∅', '∅', '∅', '∅']);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.getAttribute('lang')),
    ).toEqual(['en', 'zh-Hans', 'ru', 'kk', 'uz-Latn']);
  });

  it('switches to the latest drafts, marked, and back', async () => {
    await renderUi(<Harness drafts />);
    await userEvent.click(screen.getByLabelText('Show latest drafts'));
    const row = screen.getAllByRole('row')[2]!;
    expect(cellsOf(row)[2]).toBe('Делегаты прибыли.');
    expect(within(row).getByText('Draft')).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Show latest drafts'));
    expect(within(screen.getAllByRole('row')[2]!).queryByText('Draft')).toBeNull();
  });

  it('never offers drafts to share readers', async () => {
    await renderUi(<Harness drafts={false} />);
    expect(screen.queryByLabelText('Show latest drafts')).toBeNull();
  });

  it('keeps two to five languages and writes Kazakh in Latin on request', async () => {
    await renderUi(<Harness drafts />);
    for (const lang of ['zh', 'ru', 'uz']) await userEvent.click(screen.getByTestId(`reading-lang-${lang}`));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['English', 'Kazakh']);
    expect(screen.getByTestId<HTMLInputElement>('reading-lang-en').disabled).toBe(true);
    await userEvent.click(screen.getByTestId('reading-script-kk-Latn'));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['English', 'Kazakh (Latin)']);
    expect(cellsOf(screen.getAllByRole('row')[1]!)).toEqual(['The summit opened.', 'Sammit aşyldy.']);
  });

  it('renders the same grid the HTML export writes', async () => {
    await renderUi(<Harness drafts />);
    const model = buildReadingModel(READER, { langs: READER.langs, mode: 'approved' });
    const exported = document.createElement('div');
    exported.innerHTML = readingGridHtml(model, {
      columns: ['English', 'Chinese (Simplified)', 'Russian', 'Kazakh', 'Uzbek'],
      draft: 'Draft',
      missing: 'Not approved yet',
      grid: 'Parallel text',
      uiLang: 'en',
    });
    const shape = (root: Element): string[] =>
      [...root.querySelectorAll('[role]')].map(
        (e) => `${e.getAttribute('role')}|${e.className}|${e.getAttribute('lang') ?? ''}|${e.textContent}`,
      );
    expect(shape(screen.getByTestId('reading-grid').parentElement!.querySelector('.reading-grid')!)).toEqual(
      shape(exported.firstElementChild!),
    );
  });

  it('moves the highlight with the keyboard: one row in the tab order, arrows between rows, Enter toggles', async () => {
    await renderUi(<Harness drafts />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1]);
    rows[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    expect(rows[1]!.dataset.active).toBe('true');
    expect(rows.map((r) => r.tabIndex)).toEqual([-1, 0]);
    await userEvent.keyboard('{Enter}');
    expect(rows[1]!.dataset.active).toBeUndefined();
  });
});
