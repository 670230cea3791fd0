import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { renderUi } from '../../../test/render.js';
import { CellEditor } from './CellEditor.js';
import type { CellEditorProps } from './CellEditor.js';
import type { OutboxEntry } from '../../sync/index.js';
import { closeTag, openTag, standaloneTag } from '../../../../../shared/inline/index.js';

function props(over: Partial<CellEditorProps> = {}): CellEditorProps {
  return {
    paragraphId: 'p1',
    lang: 'zh',
    number: 3,
    text: '你好',
    status: 'draft',
    outdated: false,
    entry: undefined,
    present: [],
    isSource: false,
    onText: vi.fn(),
    onFocus: vi.fn(),
    onBlur: vi.fn(),
    onResolve: vi.fn(),
    onKeepTheirs: vi.fn(),
    onDiscard: vi.fn(),
    onRetry: vi.fn(),
    ...over,
  };
}

function entry(over: Partial<OutboxEntry>): OutboxEntry {
  return {
    docId: 'd',
    paragraphId: 'p1',
    lang: 'zh',
    opId: 'op000001',
    baseRev: 1,
    baseText: '你好',
    text: '你好！',
    state: 'pending',
    attempts: 0,
    updatedAt: 0,
    ...over,
  };
}

describe('CellEditor', () => {
  it('shows the text as text, tagged with its language, and labels the status in words', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    await renderUi(<CellEditor {...props({ text: hostile, outdated: true })} />);
    const box = screen.getByRole('textbox', { name: 'Chinese (Simplified), paragraph 3' });
    expect(box).toHaveProperty('value', hostile);
    expect(box.getAttribute('lang')).toBe('zh-Hans');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(screen.getByText('Outdated')).toBeTruthy();
  });

  it('gives the source cell no review status, and marks a cell the user may not edit as read-only', async () => {
    await renderUi(<CellEditor {...props({ isSource: true, lang: 'en' })} />);
    expect(screen.queryByText('Draft')).toBeNull();
    await renderUi(<CellEditor {...props({ paragraphId: 'p2', readOnly: true })} />);
    const cell = screen.getByTestId('cell-p2-zh');
    expect(cell.classList.contains('cell-readonly')).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Chinese (Simplified), paragraph 3' })).toHaveProperty('readOnly', true);
  });

  it('reports every keystroke and focus to the engine', async () => {
    const p = props({ text: '' });
    await renderUi(<CellEditor {...p} />);
    await userEvent.type(screen.getByRole('textbox'), '好');
    expect(p.onFocus).toHaveBeenCalledWith('p1', 'zh');
    expect(p.onText).toHaveBeenLastCalledWith('p1', 'zh', '好');
  });

  it('tells the engine when an input method starts and ends a composition, a blur ending an unfinished one', async () => {
    const onComposition = vi.fn();
    const p = props({ text: '中国', onComposition });
    await renderUi(<CellEditor {...p} />);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox');
    box.focus();
    fireEvent.compositionStart(box);
    expect(onComposition).toHaveBeenLastCalledWith('p1', 'zh', 'start', '中国');
    fireEvent.compositionEnd(box);
    expect(onComposition).toHaveBeenLastCalledWith('p1', 'zh', 'end', '中国');
    fireEvent.compositionStart(box);
    fireEvent.blur(box);
    expect(onComposition).toHaveBeenCalledTimes(4);
    fireEvent.blur(box); // no composition going on: nothing more
    expect(onComposition).toHaveBeenCalledTimes(4);
  });

  it('shows who else is in the cell, in which language, and whether they type', async () => {
    await renderUi(
      <CellEditor
        {...props({ present: [{ userId: 'u2', displayName: 'Aigerim', connectionId: 'c2', paragraphId: 'p1', lang: 'zh', typing: true }] })}
      />,
      'ru',
    );
    expect(screen.getByText(/Aigerim · Китайский \(упрощённый\)/u).textContent).toContain('печатает');
    expect(screen.getByTestId('cell-p1-zh').className).toContain('cell-occupied');
  });

  it('keeps the caret where it was when a remote edit lands before it', async () => {
    const p = props({ text: 'world' });
    const { rerender } = await renderUi(<CellEditor {...p} />);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox');
    box.focus();
    box.setSelectionRange(3, 3);
    fireEvent.keyUp(box, { key: 'ArrowRight' }); // the caret was moved with the keyboard
    const { I18nextProvider } = await import('react-i18next');
    const { initI18n } = await import('../../i18n/index.js');
    const i18n = await initI18n('en');
    act(() =>
      rerender(
        <I18nextProvider i18n={i18n}>
          <CellEditor {...p} text="hello world" />
        </I18nextProvider>,
      ),
    );
    expect(box.value).toBe('hello world');
    expect(box.selectionStart).toBe(9);
  });

  it('explains a refused save in the UI language and offers retry or discard', async () => {
    const p = props({ entry: entry({ state: 'failed', error: 'text_too_long' }) });
    await renderUi(<CellEditor {...p} />, 'kk');
    expect(screen.getByRole('alert').textContent).toContain('Мәтін бір ұяшық үшін тым ұзын.');
    await userEvent.click(screen.getByRole('button', { name: 'Қайталау' }));
    expect(p.onRetry).toHaveBeenCalledWith('p1', 'zh');
    await userEvent.click(screen.getByRole('button', { name: 'Менің мәтінімді тастау' }));
    expect(p.onDiscard).toHaveBeenCalledWith('p1', 'zh');
  });

  it('says a refused text is kept in this browser only, and copies it to the clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderUi(<CellEditor {...props({ entry: entry({ state: 'failed', error: 'forbidden', text: 'Саммит ашылды.' }) })} />);
    expect(screen.getByRole('alert').textContent).toContain('Your text is kept in this browser only');
    await userEvent.click(screen.getByRole('button', { name: 'Copy my text' }));
    expect(writeText).toHaveBeenCalledWith('Саммит ашылды.');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('never shows a raw server message for an unknown code', async () => {
    await renderUi(<CellEditor {...props({ entry: entry({ state: 'failed', error: 'weird_code' as never }) })} />);
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong on the server.');
  });

  it('shows both versions of a conflict and sends the combined text', async () => {
    const p = props({ entry: entry({ state: 'conflict', text: '我的版本', theirs: '他们的版本', theirsRev: 4 }) });
    await renderUi(<CellEditor {...p} />);
    expect(screen.getByTestId('conflict-theirs').textContent).toBe('他们的版本');
    expect(screen.getByTestId('conflict-yours').textContent).toBe('我的版本');
    const combined = screen.getByRole('textbox', { name: 'Combine both versions here' });
    await userEvent.clear(combined);
    await userEvent.type(combined, '合并');
    await userEvent.click(screen.getByRole('button', { name: 'Use combined text' }));
    expect(p.onResolve).toHaveBeenCalledWith('p1', 'zh', '合并');
    await userEvent.click(screen.getByRole('button', { name: 'Keep theirs' }));
    expect(p.onKeepTheirs).toHaveBeenCalledWith('p1', 'zh');
    expect(p.onDiscard).not.toHaveBeenCalled();
  });

  it('shows inline tags as tokens, stores what is typed with the tags, and offers the missing ones', async () => {
    const source = `Leaders of ${openTag(1)}China${closeTag(1)} met.${standaloneTag(2)}`;
    const onText = vi.fn();
    const p = props({ lang: 'ru', text: `Лидеры ${openTag(1)}Китая${closeTag(1)}`, tagSource: source, onText });
    await renderUi(<CellEditor {...p} />);
    const box = screen.getByRole('textbox');
    expect(box).toHaveProperty('value', 'Лидеры ⟨1⟩Китая⟨/1⟩');
    fireEvent.change(box, { target: { value: 'Лидеры ⟨1⟩Китая⟨/1⟩ встретились.' } });
    expect(onText).toHaveBeenLastCalledWith('p1', 'ru', `Лидеры ${openTag(1)}Китая${closeTag(1)} встретились.`);
    const missing = screen.getByRole('group', { name: 'Tags to place' });
    expect(missing.textContent).toContain('⟨2/⟩');
    expect(missing.textContent).not.toContain('⟨1⟩');
    await userEvent.click(screen.getByRole('button', { name: '⟨2/⟩' }));
    expect(onText).toHaveBeenLastCalledWith('p1', 'ru', expect.stringContaining(standaloneTag(2)));
  });
});
