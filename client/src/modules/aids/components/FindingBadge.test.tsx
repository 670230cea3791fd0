import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderUi } from '../../../test/render.js';
import { EditorScreen } from '../../grid/index.js';
import { MemoryHub } from '../../sync/testing/memoryHub.js';

const me = {
  id: 'u1',
  username: 'aida',
  displayName: 'Aida',
  isAdmin: false,
  isViewer: false,
  roles: { en: 'translator', zh: 'translator', ru: 'translator', kk: 'translator', uz: 'translator' } as const,
};

describe('finding badges in the grid', () => {
  it('marks each translated cell with its number of findings, errors apart, and follows edits', async () => {
    const hub = new MemoryHub('d1', ['Prices rose by 5% in May.', 'The talks ended.'], ['ru', 'kk']);
    await renderUi(<EditorScreen docId="d1" user={me} transport={hub.connect(me.id)} onSessionEnded={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('grid').getAttribute('data-ready')).toBe('true'));
    act(() => {
      hub.emit('u2', 'remote0001', {
        type: 'cell.edited',
        paragraphId: 'p0',
        lang: 'ru',
        kind: 'edit',
        text: 'Цены выросли в мае.',
        rev: 1,
        status: 'draft',
      });
      hub.emit('u2', 'remote0002', {
        type: 'cell.edited',
        paragraphId: 'p1',
        lang: 'ru',
        kind: 'edit',
        text: 'Переговоры завершились.',
        rev: 1,
        status: 'draft',
      });
    });
    const badge = (pid: string, lang: string) => within(screen.getByTestId(`cell-${pid}-${lang}`)).queryByTestId('finding-badge');
    await waitFor(() => expect(badge('p0', 'ru')?.textContent).toMatch(/^ \d+$/u));
    expect(badge('p0', 'ru')?.querySelector('svg[data-icon="error"]')).not.toBeNull();
    expect(badge('p0', 'ru')?.getAttribute('aria-label')).toMatch(/^\d+ errors?(, \d+ warnings?)?$/u);
    expect(badge('p1', 'ru')).toBeNull();
    expect(badge('p0', 'en')).toBeNull();
    expect(badge('p0', 'kk')).toBeNull();

    act(() => {
      hub.emit('u2', 'remote0003', {
        type: 'cell.edited',
        paragraphId: 'p0',
        lang: 'ru',
        kind: 'edit',
        text: 'Цены выросли на 5% в мае.',
        rev: 2,
        status: 'draft',
      });
    });
    await waitFor(() => expect(badge('p0', 'ru')).toBeNull());
  }, 20_000);
});
