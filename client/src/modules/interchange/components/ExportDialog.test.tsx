import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyCell } from '../../../../../shared/domain/types.js';
import type { DocumentSnapshot } from '../../../../../shared/index.js';
import type { interchangeApi } from '../../../api/interchange.js';
import { renderUi } from '../../../test/render.js';
import { ExportDialog } from './ExportDialog.js';

type SourceFile = typeof interchangeApi.sourceFile;
type FetchExport = typeof interchangeApi.fetchExport;

const doc: DocumentSnapshot = {
  id: 'd1',
  title: 'Report',
  sourceLang: 'en',
  targetLangs: ['ru', 'kk'],
  createdAt: '',
  createdBy: 'u',
  seq: 1,
  updatedAt: '',
  paragraphs: [{ id: 'p0', cells: { en: { ...emptyCell(), text: 'Summit', rev: 1, status: 'draft' }, ru: emptyCell(), kk: emptyCell() } }],
};

const hasFile: SourceFile = () =>
  Promise.resolve({ ok: true, data: { name: 'report.docx', format: 'docx', createdAt: '2026-12-01T00:00:00.000Z', paragraphs: 1 } });
const poFile: SourceFile = () =>
  Promise.resolve({ ok: true, data: { name: 'hello.pot', format: 'po', createdAt: '2026-12-01T00:00:00.000Z', paragraphs: 6 } });
const noFile: SourceFile = () =>
  Promise.resolve({ ok: false, error: { code: 'no_source_file', message: 'document d1 was not imported from a file' } });

const formatNames = (): string[] => Array.from(screen.getByLabelText<HTMLSelectElement>('Format').options, (o) => o.textContent ?? '');

afterEach(() => vi.restoreAllMocks());

describe('ExportDialog: the original file', () => {
  it('is not offered for a document that was not imported from a file', async () => {
    const asked: string[] = [];
    const sourceFile: SourceFile = (docId) => {
      asked.push(docId);
      return noFile(docId);
    };
    await renderUi(<ExportDialog doc={doc} onClose={() => {}} sourceFile={sourceFile} />);
    await waitFor(() => expect(asked).toEqual(['d1']));
    expect(formatNames()).toEqual(['XLIFF 2.0', 'XLIFF 1.2', 'gettext PO', 'TMX 1.4', 'HTML', 'Markdown']);
  });

  it('is offered by the file’s name, asks for it with the language and the untranslated policy, and shows a refusal by its code', async () => {
    const asked: string[] = [];
    const fetchExport: FetchExport = (url) => {
      asked.push(url);
      return Promise.resolve(
        url.includes('untranslated=refuse')
          ? { ok: false, error: { code: 'export_incomplete', message: '1 paragraphs have no translation' } }
          : { ok: true, data: { blob: new Blob(['PK']), fileName: 'report.kk.docx' } },
      );
    };
    const saved: { href: string; download: string }[] = [];
    // jsdom has no object URLs and no downloads: what saveFile hands the browser is recorded instead.
    URL.createObjectURL = () => 'blob:anor/1';
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    await renderUi(<ExportDialog doc={doc} onClose={() => {}} sourceFile={hasFile} fetchExport={fetchExport} />);
    await waitFor(() => expect(formatNames()).toContain('Original file (report.docx)'));
    expect(screen.queryByText('Paragraphs without a translation')).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Format'), 'original');
    // Any column of the document, the source included.
    expect(screen.getAllByRole('radio', { name: /English|Russian|Kazakh/u })).toHaveLength(3);
    await userEvent.click(screen.getByLabelText('Kazakh'));
    await userEvent.click(screen.getByLabelText('Refuse the export'));
    await userEvent.click(screen.getByTestId('export-download'));
    expect(asked).toEqual(['/api/documents/d1/export?format=original&mode=approved&langs=kk&untranslated=refuse']);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Some paragraphs have no translation yet, and the export was set to refuse untranslated paragraphs.',
    );
    expect(saved).toEqual([]);

    // Falling back to the source text: the refusal goes, and the file is saved under the server's name.
    await userEvent.click(screen.getByLabelText('Keep the source text'));
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByLabelText('Latest, including drafts'));
    await userEvent.click(screen.getByTestId('export-download'));
    expect(asked[1]).toBe('/api/documents/d1/export?format=original&mode=latest&langs=kk&untranslated=source');
    await waitFor(() => expect(saved).toEqual([{ href: 'blob:anor/1', download: 'report.kk.docx' }]));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an unknown or network failure as a message, never the server’s text', async () => {
    const fetchExport: FetchExport = () => Promise.resolve({ ok: false, error: { code: 'network', message: 'fetch failed' } });
    await renderUi(<ExportDialog doc={doc} onClose={() => {}} sourceFile={hasFile} fetchExport={fetchExport} />);
    await waitFor(() => expect(formatNames()).toContain('Original file (report.docx)'));
    await userEvent.selectOptions(screen.getByLabelText('Format'), 'original');
    await userEvent.click(screen.getByTestId('export-download'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('fetch failed');
    expect(alert.textContent).not.toBe('');
  });

  it('offers a PO file back, and says an untranslated message is left empty rather than in the source', async () => {
    await renderUi(<ExportDialog doc={doc} onClose={() => {}} sourceFile={poFile} />);
    await waitFor(() => expect(formatNames()).toContain('Original file (hello.pot)'));
    await userEvent.selectOptions(screen.getByLabelText('Format'), 'original');
    expect(screen.getByLabelText<HTMLInputElement>('Leave the translation empty (gettext)').checked).toBe(true);
    expect(screen.queryByLabelText('Keep the source text')).toBeNull();
  });
});
