import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../../../shared/languages.js';
import type { InterchangeDocumentDto } from '../../../../../shared/protocol/interchange.js';
import type { CallResult } from '../../../modules/sync/transport.js';
import { renderUi } from '../../../test/render.js';
import { InterchangeFileInput } from './InterchangeFileInput.js';

type Call = { name: string; opts: { sourceLang?: Lang | undefined; lang?: Lang | undefined; targetLangs: readonly Lang[] } };

describe('InterchangeFileInput', () => {
  it('sends the file with the languages the person filled in, and opens the new document', async () => {
    const calls: Call[] = [];
    let opened = '';
    const api = {
      createFromInterchangeFile: (_file: Blob, name: string, opts: Call['opts']): Promise<CallResult<InterchangeDocumentDto>> => {
        calls.push({ name, opts });
        return Promise.resolve({
          ok: true,
          data: { docId: 'd_new', title: 'Peer', format: 'po', paragraphs: 2, translated: 2, warnings: [], keepsOriginal: true },
        });
      },
    };
    await renderUi(<InterchangeFileInput targetLangs={['ru', 'kk']} onCreated={(id) => (opened = id)} api={api} />);
    const user = userEvent.setup();
    const create = screen.getByRole('button', { name: 'Create from this file' });
    expect(create).toHaveProperty('disabled', true);
    await user.upload(screen.getByLabelText(/gettext PO file/u), new File(['msgid "Hello"\nmsgstr "Привет"\n'], 'peer.po'));
    await user.selectOptions(screen.getByLabelText('Language of the original text, if the file does not say'), 'en');
    await user.click(create);
    expect(calls).toEqual([{ name: 'peer.po', opts: { sourceLang: 'en', lang: undefined, targetLangs: ['ru', 'kk'] } }]);
    expect(opened).toBe('d_new');
  });

  it('shows a refusal as a translated message, not the server text', async () => {
    const api = {
      createFromInterchangeFile: (): Promise<CallResult<InterchangeDocumentDto>> =>
        Promise.resolve({ ok: false, error: { code: 'import_refused', message: 'the file names no source language: choose one' } }),
    };
    await renderUi(<InterchangeFileInput targetLangs={['ru']} onCreated={() => {}} api={api} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/gettext PO file/u), new File(['x'], 'peer.po'));
    await user.click(screen.getByRole('button', { name: 'Create from this file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('choose one');
    expect(alert.textContent).not.toBe('');
  });
});
