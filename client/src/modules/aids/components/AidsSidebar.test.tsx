import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { GlossaryTermDto, TmMatch } from '../../../../../shared/protocol/aids.js';
import { runChecks } from '../../../../../shared/qa/run.js';
import { renderUi } from '../../../test/render.js';
import { AidsSidebar } from './AidsSidebar.js';
import type { AidsSidebarProps } from './AidsSidebar.js';

const SOURCE = 'The Shanghai Cooperation Organization met in Astana on 3 July.';
const TERMS: GlossaryTermDto[] = [
  {
    id: 'g1',
    updatedAt: '',
    updatedBy: 'u',
    en: 'Shanghai Cooperation Organization',
    ru: 'Шанхайская организация сотрудничества',
    note: 'Official name',
    forbidden: [{ lang: 'ru', text: 'Шанхайская организация кооперации' }],
  },
  { id: 'g2', updatedAt: '', updatedBy: 'u', en: 'railway', ru: 'железная дорога' },
];

function match(n: number, score: number, targetText: string, via: TmMatch['via'] = 'source'): TmMatch {
  return {
    entryId: `e${n}`,
    score,
    via,
    matchLang: via === 'source' ? 'en' : 'kk',
    matchText: 'The Shanghai Cooperation Organization met in Tashkent on 3 July.',
    diff: [
      { op: 'equal', text: 'The Shanghai Cooperation Organization met in ' },
      { op: 'delete', text: 'Astana' },
      { op: 'insert', text: 'Tashkent' },
      { op: 'equal', text: ' on 3 July.' },
    ],
    targetLang: 'ru',
    targetText,
    origin: 'document',
    docId: 'd0',
    docTitle: 'Summit 2025',
    at: '2026-01-01T00:00:00Z',
  };
}

const MATCHES = [
  match(1, 91, 'ШОС собралась в Ташкенте 3 июля.'),
  match(2, 80, 'Шанхайская организация сотрудничества собралась 3 июля.', 'pivot'),
];

async function setup(over: Partial<AidsSidebarProps> = {}, locale: 'en' | 'ru' = 'en') {
  const inserted: TmMatch[] = [];
  const target = 'Шанхайская организация кооперации собралась в Астане 3 июля.';
  const props: AidsSidebarProps = {
    cell: { paragraphId: 'p1', lang: 'ru' },
    sourceLang: 'en',
    source: SOURCE,
    matches: { state: 'ready', matches: MATCHES },
    terms: TERMS,
    findings: runChecks({ source: SOURCE, target, sourceLang: 'en', targetLang: 'ru', glossary: { terms: TERMS } }),
    scriptActions: [],
    onInsert: (m) => inserted.push(m),
    onConcordance: () => {},
    ...over,
  };
  await renderUi(
    <>
      <textarea data-cell="p1:ru" aria-label="cell" defaultValue={target} />
      <button type="button">elsewhere</button>
      <AidsSidebar {...props} />
    </>,
    locale,
  );
  return inserted;
}

describe('AidsSidebar', () => {
  it('lists memory matches with score, route and differences, and inserts one with Ctrl+Shift+digit from the cell', async () => {
    const inserted = await setup();
    const items = screen.getAllByTestId('tm-match');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('91%')).toBeTruthy();
    expect(within(items[0]!).getByText('English source')).toBeTruthy();
    expect(within(items[1]!).getByText('via approved Kazakh')).toBeTruthy();
    expect(items[0]!.querySelector('del')?.textContent).toBe('Astana');
    expect(items[0]!.querySelector('ins')?.textContent).toBe('Tashkent');
    expect(within(items[0]!).getByText('from “Summit 2025”')).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByLabelText('cell'));
    await user.keyboard('{Control>}{Shift>}[Digit2]{/Shift}{/Control}');
    expect(inserted.map((m) => m.entryId)).toEqual(['e2']);
    await user.keyboard('{Control>}{Shift>}[Digit3]{/Shift}{/Control}');
    expect(inserted).toHaveLength(1);
    // Outside a cell the keystroke inserts nothing.
    await user.click(screen.getByText('elsewhere'));
    await user.keyboard('{Control>}{Shift>}[Digit1]{/Shift}{/Control}');
    expect(inserted).toHaveLength(1);
    await user.click(within(items[0]!).getByRole('button', { name: /Insert match 1/u }));
    expect(inserted.map((m) => m.entryId)).toEqual(['e2', 'e1']);
  });

  it('highlights glossary terms of the source with their renderings, and shows live findings in the UI language', async () => {
    await setup({}, 'ru');
    const hits = screen.getAllByTestId('glossary-hit');
    expect(hits).toHaveLength(1);
    expect(within(hits[0]!).getByText('Шанхайская организация сотрудничества')).toBeTruthy();
    expect(within(hits[0]!).getByText('Не использовать: Шанхайская организация кооперации')).toBeTruthy();
    expect(document.querySelector('.glossary-source mark')?.textContent).toBe('Shanghai Cooperation Organization');

    const texts = screen.getAllByTestId('finding').map((li) => li.textContent ?? '');
    expect(texts).toEqual(
      expect.arrayContaining([
        'Ошибка Глоссарий: «Шанхайская организация кооперации» — запрещённый вариант; используйте «Шанхайская организация сотрудничества».',
      ]),
    );
    // One error (the forbidden variant) and one warning: counted apart, never "2 warnings".
    expect(texts).toHaveLength(2);
    const count = screen.getByTestId('findings-count');
    expect(count.textContent?.trim()).toBe('1 ошибка, 1 предупреждение');
    expect(count.querySelector('svg[data-icon="error"]')).not.toBeNull();
  });

  it('explains itself when the focused cell is the source', async () => {
    await setup({ cell: { paragraphId: 'p1', lang: 'en' } });
    expect(screen.getByText('This is the source text. Aids appear for the translation cells.')).toBeTruthy();
  });

  it('shows a failed lookup as a translated error, not a raw message', async () => {
    await setup({ matches: { state: 'error', code: 'network' } });
    expect(screen.getByRole('alert').textContent).toBe('Memory lookup failed: No connection to the server.');
  });
});
