import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { renderUi } from '../../../test/render.js';
import { initI18n } from '../../i18n/index.js';
import { ConflictPanel } from './ConflictPanel.js';

async function panel(theirs: string, yours: string) {
  const onUse = vi.fn();
  const onKeepTheirs = vi.fn();
  const r = await renderUi(<ConflictPanel lang="ru" theirs={theirs} yours={yours} onUse={onUse} onKeepTheirs={onKeepTheirs} />);
  const i18n = await initI18n('en');
  const rerender = (nextYours: string): void =>
    act(() =>
      r.rerender(
        <I18nextProvider i18n={i18n}>
          <ConflictPanel lang="ru" theirs={theirs} yours={nextYours} onUse={onUse} onKeepTheirs={onKeepTheirs} />
        </I18nextProvider>,
      ),
    );
  const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Combine both versions here' });
  return { onUse, onKeepTheirs, rerender, box };
}

describe('ConflictPanel', () => {
  it('marks the words that differ and starts the combine box from both versions', async () => {
    const { box, onUse } = await panel('Пёс сидит на ковре.', 'Кошка лежит на ковре.');
    expect(screen.getByTestId('conflict-theirs').textContent).toBe('Пёс сидит на ковре.');
    expect([...screen.getByTestId('conflict-theirs').querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Пёс сидит']);
    expect([...screen.getByTestId('conflict-yours').querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Кошка лежит']);
    expect(box.value).toBe('Пёс сидит Кошка лежит на ковре.');
    await userEvent.click(screen.getByRole('button', { name: 'Use combined text' }));
    expect(onUse).toHaveBeenCalledWith('Пёс сидит Кошка лежит на ковре.');
  });

  it('follows what the user goes on typing in the cell while the box is untouched', async () => {
    const { box, rerender, onUse } = await panel('Азат жол.', 'Бесінші абзац туралы б');
    rerender('Бесінші абзац туралы бір сөз.');
    expect(box.value).toBe('Азат жол.\nБесінші абзац туралы бір сөз.');
    await userEvent.click(screen.getByRole('button', { name: 'Use mine' }));
    expect(onUse).toHaveBeenLastCalledWith('Бесінші абзац туралы бір сөз.');
  });

  it('merges later typing into a box the user already edited, and says so when it cannot', async () => {
    const { box, rerender } = await panel('Пёс сидит на ковре.', 'Кошка лежит на ковре.');
    await userEvent.clear(box);
    await userEvent.type(box, 'Кошка и пёс на ковре.');
    rerender('Кошка лежит на ковре у окна.');
    expect(box.value).toBe('Кошка и пёс на ковре у окна.');
    expect(screen.queryByRole('status')).toBeNull();
    // A change where the user's own combination also changed: their text is left alone, with a note.
    rerender('Собака лежит на ковре у окна.');
    expect(box.value).toBe('Кошка и пёс на ковре у окна.');
    expect(screen.getByRole('status').textContent).toContain('Your version changed while you were combining');
  });
});
