import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../../../../shared/domain/types.js';
import type { DocumentSnapshot } from '../../../../../shared/index.js';
import type { PreviewLink, TranslationPreviewDto } from '../../../../../shared/protocol/interchange.js';
import { renderUi } from '../../../test/render.js';
import { AlignmentPreview } from './AlignmentPreview.js';
import { ExportDialog } from './ExportDialog.js';
import { ImportTranslationDialog } from './ImportTranslationDialog.js';

const source = ['Summit', 'The leaders met.', 'They signed a declaration.'];
const doc: DocumentSnapshot = {
  id: 'd1',
  title: 'T',
  sourceLang: 'en',
  targetLangs: ['ru', 'kk'],
  createdAt: '',
  createdBy: 'u',
  seq: 1,
  updatedAt: '',
  paragraphs: source.map((text, i) => ({
    id: `p${i}`,
    cells: { en: { ...emptyCell(), text, rev: 1, status: 'draft' }, ru: emptyCell(), kk: emptyCell() },
  })),
};
const target = ['Саммит', 'Лидеры встретились.', 'Они подписали декларацию.'];
// The aligner's mistake: the second paragraph took two translations, the third none.
const proposed: PreviewLink[] = [
  { paragraphIds: ['p0'], target: [0], score: 0.9, low: false },
  { paragraphIds: ['p1'], target: [1, 2], score: 0.3, low: true },
  { paragraphIds: ['p2'], target: [], score: 0.4, low: true },
];

function Harness({ onLinks }: { onLinks: (l: PreviewLink[]) => void }) {
  const [links, setLinks] = useState(proposed);
  return (
    <AlignmentPreview
      doc={doc}
      lang="ru"
      target={target}
      links={links}
      onChange={(l) => {
        setLinks(l);
        onLinks(l);
      }}
    />
  );
}

describe('AlignmentPreview', () => {
  it('highlights weak links and fixes one by shifting a paragraph down', async () => {
    let latest = proposed;
    await renderUi(<Harness onLinks={(l) => (latest = l)} />);
    const rows = screen.getAllByTestId('align-row');
    expect(rows.map((r) => r.dataset.low)).toEqual(['false', 'true', 'true']);
    expect(within(rows[1]!).getByText('Check this link')).toBeTruthy();
    expect(screen.getByText('2 links need a look.')).toBeTruthy();
    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Move the last translated paragraph to the next row' }));
    expect(latest.map((l) => l.target)).toEqual([[0], [1], [2]]);
    const after = screen.getAllByTestId('align-row');
    expect(after.map((r) => r.dataset.low)).toEqual(['false', 'false', 'false']);
    expect(within(after[2]!).getByText('Они подписали декларацию.')).toBeTruthy();
  });
});

describe('ImportTranslationDialog', () => {
  it('previews, then commits the edited links with the approval the reviewer chose', async () => {
    const preview: TranslationPreviewDto = {
      lang: 'ru',
      target,
      links: proposed,
      report: {
        format: 'txt',
        paragraphs: 3,
        removed: { zero_width: 2 },
        language: { declared: 'ru', detected: { lang: 'ru', script: 'Cyrl', confidence: 1, letters: 50 }, verdict: 'match' },
      },
    };
    const sent: unknown[] = [];
    const api = {
      previewTranslation: async () => ({ ok: true as const, data: preview }),
      commitTranslation: async (_docId: string, body: unknown) => {
        sent.push(body);
        return { ok: true as const, data: { seq: 9, edited: 3, unchanged: 0, review: [], warnings: [] } };
      },
    };
    await renderUi(<ImportTranslationDialog doc={doc} langs={['ru', 'kk']} mayApprove={() => true} onClose={() => {}} api={api} />);
    await userEvent.upload(
      screen.getByLabelText(/File with the translation/u),
      new File([target.join('\n\n')], 'ru.txt', { type: 'text/plain' }),
    );
    await userEvent.click(screen.getByLabelText('The translation is already reviewed: import it as approved'));
    await userEvent.click(screen.getByRole('button', { name: 'Align with the source' }));
    expect(
      await screen.findByText('Removed 2 invisible characters (zero-width spaces, soft hyphens, direction marks or control characters).'),
    ).toBeTruthy();
    await userEvent.click(
      within(screen.getAllByTestId('align-row')[1]!).getByRole('button', { name: 'Move the last translated paragraph to the next row' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import into the document' }));
    expect(await screen.findByText('3 cells imported.')).toBeTruthy();
    expect(sent).toEqual([
      {
        lang: 'ru',
        target,
        approved: true,
        links: [
          { paragraphIds: ['p0'], target: [0] },
          { paragraphIds: ['p1'], target: [1] },
          { paragraphIds: ['p2'], target: [2] },
        ],
      },
    ]);
  });
});

describe('ExportDialog', () => {
  it('links to the chosen format, language and mode', async () => {
    await renderUi(<ExportDialog doc={doc} onClose={() => {}} />);
    const link = (): string => screen.getByTestId('export-download').getAttribute('href') ?? '';
    expect(link()).toBe('/api/documents/d1/export?format=xliff2&mode=approved&langs=ru');
    await userEvent.click(screen.getByLabelText('Kazakh'));
    await userEvent.click(screen.getByLabelText('Latest, including drafts'));
    expect(link()).toBe('/api/documents/d1/export?format=xliff2&mode=latest&langs=kk');
    await userEvent.selectOptions(screen.getByLabelText('Format'), 'html');
    expect(link()).toBe('/api/documents/d1/export?format=html&mode=latest&langs=en%2Cru%2Ckk');
  });
});
