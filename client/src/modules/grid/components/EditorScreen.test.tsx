import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { renderUi } from '../../../test/render.js';
import { MemoryHub } from '../../sync/testing/memoryHub.js';
import { EditorScreen } from './EditorScreen.js';
import { GRID_READY_MARK } from './EditorGrid.js';

// Not annotated: checked where it is used, so fields the contract adds later (roles) may already be here.
const me = {
  id: 'u1',
  username: 'aida',
  displayName: 'Aida',
  isAdmin: false,
  isViewer: false,
  roles: { en: 'translator', zh: 'translator', ru: 'translator', kk: 'translator', uz: 'translator' } as const,
};
const sentences = ['The summit opened in Astana.', 'Leaders met on Tuesday.', 'Trade grew by a third.', 'A new railway was agreed.'];

function bigHub(n: number): MemoryHub {
  return new MemoryHub(
    'd1',
    Array.from({ length: n }, (_, i) => `${i + 1}. ${sentences[i % sentences.length]}`),
    ['zh', 'ru', 'kk', 'uz'],
  );
}

async function openScreen(hub: MemoryHub) {
  const transport = hub.connect(me.id);
  const r = await renderUi(<EditorScreen docId="d1" user={me} transport={transport} onSessionEnded={() => undefined} />);
  await waitFor(() => expect(screen.getByTestId('grid').getAttribute('data-ready')).toBe('true'));
  return { ...r, transport };
}

const box = (pid: string, lang: string): HTMLTextAreaElement => {
  const el = document.querySelector<HTMLTextAreaElement>(`textarea[data-cell="${pid}:${lang}"]`);
  if (!el) throw new Error(`no cell ${pid}:${lang}`);
  return el;
};

// Real engine, real timers and a 2,000-paragraph document on a shared machine: generous limits.
const SLOW = 20_000;

describe('EditorScreen and grid', () => {
  it(
    'renders a window of a 2,000-paragraph document, one column per language, in document order',
    async () => {
      await openScreen(bigHub(2000));
      const cells = document.querySelectorAll('textarea.cell-text');
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.length).toBeLessThan(200); // virtualised: not 10,000 textareas
      expect(cells.length % 5).toBe(0); // whole rows, five languages each
      expect(box('p0', 'en').value).toBe('1. The summit opened in Astana.');
      expect(box('p1', 'en').value).toBe('2. Leaders met on Tuesday.');
      expect(box('p0', 'kk').getAttribute('lang')).toBe('kk');
      expect(performance.getEntriesByName(GRID_READY_MARK).length).toBe(1);
    },
    SLOW,
  );

  it(
    'saves typing by itself and shows remote edits live without taking the caret',
    async () => {
      const hub = bigHub(20);
      await openScreen(hub);
      const mine = box('p0', 'ru');
      await userEvent.click(mine);
      await userEvent.type(mine, 'Саммит');
      await waitFor(() => expect(hub.doc.paragraphs[0]?.cells.ru?.text).toBe('Саммит'), { timeout: 8000 });

      act(() => {
        hub.emit('u2', 'remote0001', {
          type: 'cell.edited',
          paragraphId: 'p1',
          lang: 'zh',
          kind: 'edit',
          text: '领导人周二会面。',
          rev: 1,
          status: 'draft',
        });
      });
      await waitFor(() => expect(box('p1', 'zh').value).toBe('领导人周二会面。'));
      expect(document.activeElement).toBe(mine);
      expect(mine.selectionStart).toBe('Саммит'.length);
    },
    SLOW,
  );

  it(
    'filters by text with a match count and moves between paragraphs with Alt+Arrow keys',
    async () => {
      const hub = bigHub(40);
      await openScreen(hub);
      await userEvent.click(box('p0', 'zh'));
      await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
      await waitFor(() => expect(document.activeElement).toBe(box('p1', 'zh')));

      act(() => {
        hub.emit('u2', 'remote0003', {
          type: 'cell.edited',
          paragraphId: 'p2',
          lang: 'zh',
          kind: 'edit',
          text: '已翻译',
          rev: 1,
          status: 'draft',
        });
      });
      await waitFor(() => expect(box('p2', 'zh').value).toBe('已翻译'));
      await userEvent.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}'); // next untranslated skips p2
      await waitFor(() => expect(document.activeElement).toBe(box('p3', 'zh')));

      await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'railway');
      await waitFor(() => expect(screen.getByTestId('match-count').textContent).toBe('10 matches'));
      expect(box('p3', 'en').value).toContain('railway');
      expect(document.querySelector('textarea[data-cell="p0:en"]')).toBeNull();
      await userEvent.click(screen.getByRole('button', { name: 'Next match' }));
      await waitFor(() => expect(document.activeElement).toBe(box('p3', 'zh')));
    },
    SLOW,
  );

  it(
    'keeps a filtered list and the review panel live while events arrive (re-review, activity, matches)',
    async () => {
      const hub = bigHub(12);
      hub.emit('u2', 'seed0001', {
        type: 'cell.edited',
        paragraphId: 'p3',
        lang: 'ru',
        kind: 'edit',
        text: 'Новая железная дорога.',
        rev: 1,
        status: 'draft',
      });
      hub.emit('u2', 'seed0002', { type: 'cell.status', paragraphId: 'p3', lang: 'ru', status: 'approved', rev: 1 });
      await openScreen(hub);
      const panel = screen.getByRole('region', { name: 'Document review' });
      expect(within(panel).getByText('Nothing to re-review.')).toBeTruthy();

      await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'Tashkent');
      await waitFor(() => expect(screen.getByTestId('match-count').textContent).toBe('0 matches'));
      act(() => {
        hub.emit('u2', 'remote0004', {
          type: 'cell.edited',
          paragraphId: 'p5',
          lang: 'ru',
          kind: 'edit',
          text: 'Встреча в Tashkent.',
          rev: 1,
          status: 'draft',
        });
      });
      await waitFor(() => expect(screen.getByTestId('match-count').textContent).toBe('1 match'));

      // The source of an approved translation changes: the translation is outdated and listed for re-review.
      act(() => {
        hub.emit('u2', 'remote0005', {
          type: 'cell.edited',
          paragraphId: 'p3',
          lang: 'en',
          kind: 'edit',
          text: '4. A railway to Tashkent was agreed.',
          rev: 2,
          status: 'draft',
        });
      });
      await waitFor(() => expect(screen.getByTestId('match-count').textContent).toBe('2 matches'));
      await waitFor(() => expect(within(screen.getByTestId('rereview')).getByRole('button').textContent).toBe('Paragraph 4 · Russian'));
      const activity = screen.getByTestId('activity');
      await waitFor(() => expect(activity.textContent).toContain('¶4 English'));
      expect(activity.textContent).toContain('¶6 Russian');
    },
    SLOW,
  );

  it(
    'remembers the chosen target columns per user',
    async () => {
      const first = await openScreen(bigHub(5));
      const picker = screen.getByRole('group', { name: 'Target columns' });
      await userEvent.click(within(picker).getByRole('checkbox', { name: 'Kazakh' }));
      expect(document.querySelector('textarea[data-cell="p0:kk"]')).toBeNull();
      expect(JSON.parse(localStorage.getItem('anor.columns:u1') ?? '[]')).toEqual(['zh', 'ru', 'uz']);
      first.unmount();
      await openScreen(bigHub(5));
      expect(document.querySelector('textarea[data-cell="p0:kk"]')).toBeNull();
      expect(box('p0', 'uz')).toBeTruthy();
    },
    SLOW,
  );

  it(
    'hides the side panels for the whole width and remembers it per user',
    async () => {
      const first = await openScreen(bigHub(5));
      const toggle = screen.getByRole('button', { name: 'Side panels' });
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
      expect(screen.getByTestId('aids-panel').hidden).toBe(false);
      await userEvent.click(toggle);
      expect(toggle.getAttribute('aria-pressed')).toBe('false');
      expect(screen.getByTestId('aids-panel').hidden).toBe(true);
      expect(screen.getByTestId('review-panel').hidden).toBe(true);
      first.unmount();
      await openScreen(bigHub(5));
      expect(screen.getByTestId('aids-panel').hidden).toBe(true);
      await userEvent.click(screen.getByRole('button', { name: 'Side panels' }));
      expect(screen.getByTestId('review-panel').hidden).toBe(false);
    },
    SLOW,
  );

  it(
    'shows the outbox: offline with edits waiting, then saved',
    async () => {
      const hub = bigHub(5);
      const { transport } = await openScreen(hub);
      act(() => transport.setOnline(false));
      await userEvent.type(box('p0', 'ru'), 'а');
      await userEvent.type(box('p1', 'ru'), 'б');
      expect(screen.getByTestId('sync-indicator').textContent).toBe('Offline — 2 edits waiting');
      act(() => transport.setOnline(true));
      await waitFor(() => expect(screen.getByTestId('sync-indicator').textContent).toBe('All changes saved'), { timeout: 8000 });
      expect(hub.doc.paragraphs[1]?.cells.ru?.text).toBe('б');
    },
    SLOW,
  );

  it(
    'lists edits that need attention, even for a paragraph deleted meanwhile, and lets the user discard them',
    async () => {
      const hub = bigHub(5);
      const { transport } = await openScreen(hub);
      act(() => transport.setOnline(false));
      await userEvent.type(box('p1', 'ru'), 'сирота');
      act(() => {
        hub.emit('u2', 'remote0002', { type: 'paragraph.deleted', paragraphId: 'p1' });
        transport.setOnline(true);
      });
      const indicator = await screen.findByRole('button', { name: '1 edit needs your attention' }, { timeout: 8000 });
      await userEvent.click(indicator);
      const list = screen.getByRole('region', { name: 'Edits that need you' });
      expect(list.textContent).toContain('Deleted paragraph');
      expect(list.textContent).toContain('The paragraph no longer exists.');
      expect(within(list).getByText('сирота').getAttribute('lang')).toBe('ru');
      await userEvent.click(within(list).getByRole('button', { name: 'Discard' }));
      expect(screen.getByTestId('sync-indicator').textContent).toBe('All changes saved');
    },
    SLOW,
  );
});
