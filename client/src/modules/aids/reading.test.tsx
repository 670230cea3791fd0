import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { renderUi } from '../../test/render.js';
import { EditorScreen } from '../grid/index.js';
import { MemoryHub } from '../sync/testing/memoryHub.js';

const me = {
  id: 'u1',
  username: 'aida',
  displayName: 'Aida',
  isAdmin: false,
  isViewer: false,
  roles: { en: 'translator', zh: 'translator', ru: 'translator', kk: 'translator', uz: 'translator' } as const,
};

const box = (pid: string, lang: string): HTMLTextAreaElement => {
  const el = document.querySelector<HTMLTextAreaElement>(`textarea[data-cell="${pid}:${lang}"]`);
  if (!el) throw new Error(`no cell ${pid}:${lang}`);
  return el;
};

describe('reading option in the grid', () => {
  it('shows Kazakh in Latin and Uzbek in Cyrillic read-only, without changing the stored text', async () => {
    const hub = new MemoryHub('d1', ['The summit opened.'], ['kk', 'uz']);
    const transport = hub.connect(me.id);
    await renderUi(<EditorScreen docId="d1" user={me} transport={transport} onSessionEnded={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('grid').getAttribute('data-ready')).toBe('true'));
    act(() => {
      hub.emit('u2', 'remote0001', {
        type: 'cell.edited',
        paragraphId: 'p0',
        lang: 'kk',
        kind: 'edit',
        text: 'Саммит ашылды.',
        rev: 1,
        status: 'draft',
      });
      hub.emit('u2', 'remote0002', {
        type: 'cell.edited',
        paragraphId: 'p0',
        lang: 'uz',
        kind: 'edit',
        text: 'Sammit ochildi.',
        rev: 1,
        status: 'draft',
      });
    });
    await waitFor(() => expect(box('p0', 'kk').value).toBe('Саммит ашылды.'));

    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Read Kazakh in Latin' }));
    expect(box('p0', 'kk').value).toBe('Sammit aşyldy.');
    expect(box('p0', 'kk').readOnly).toBe(true);
    expect(box('p0', 'uz').value).toBe('Sammit ochildi.');
    await user.click(screen.getByRole('checkbox', { name: 'Read Uzbek in Cyrillic' }));
    expect(box('p0', 'uz').value).toBe('Саммит очилди.');
    await user.type(box('p0', 'uz'), 'x');
    expect(box('p0', 'uz').value).toBe('Саммит очилди.');
    expect(hub.doc.paragraphs[0]?.cells.uz?.text).toBe('Sammit ochildi.');

    await user.click(screen.getByRole('checkbox', { name: 'Read Kazakh in Latin' }));
    expect(box('p0', 'kk').value).toBe('Саммит ашылды.');
    expect(box('p0', 'kk').readOnly).toBe(false);
    expect(hub.doc.paragraphs[0]?.cells.kk?.text).toBe('Саммит ашылды.');
  }, 20_000);

  it('converts a cell to the other script as an ordinary edit, from the side panel', async () => {
    const hub = new MemoryHub('d1', ['The summit opened.'], ['uz']);
    await renderUi(<EditorScreen docId="d1" user={me} transport={hub.connect(me.id)} onSessionEnded={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('grid').getAttribute('data-ready')).toBe('true'));
    act(() => {
      hub.emit('u2', 'remote0001', {
        type: 'cell.edited',
        paragraphId: 'p0',
        lang: 'uz',
        kind: 'edit',
        text: 'Саммит очилди.',
        rev: 1,
        status: 'draft',
      });
    });
    await waitFor(() => expect(box('p0', 'uz').value).toBe('Саммит очилди.'));
    const user = userEvent.setup();
    await user.click(box('p0', 'uz'));
    await user.click(await screen.findByRole('button', { name: 'Convert to Latin' }));
    expect(box('p0', 'uz').value).toBe('Sammit ochildi.');
    await waitFor(() => expect(hub.doc.paragraphs[0]?.cells.uz?.text).toBe('Sammit ochildi.'), { timeout: 8000 });
    // Already Latin: the Latin conversion is no longer offered, the Cyrillic one is.
    expect(screen.queryByRole('button', { name: 'Convert to Latin' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Convert to Cyrillic' })).toBeTruthy();
  }, 20_000);
});
