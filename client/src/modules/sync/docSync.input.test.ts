import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryHub } from './testing/memoryHub.js';
import { closeAll, open, ruText, until } from './testing/syncHarness.js';

/** What the person's own choices make of the outbox: keeping theirs after a clash, and input-method compositions. */
describe('DocSync: keep theirs and input methods', () => {
  beforeEach(() => localStorage.clear());
  afterEach(closeAll);

  it('keeps the text given up with "keep theirs" as a conflict revision, through a reload if need be', async () => {
    const hub = new MemoryHub('d1', ['x']);
    hub.emit('u0', null, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'кот', rev: 1, status: 'draft' });
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.setOnline(false);
    a.sync.setLocalText('p0', 'ru', 'кошка');
    hub.emit('u9', 'remote01', { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'пёс', rev: 2, status: 'draft' });
    a.t.setOnline(true);
    await until(() => expect(a.sync.entryFor('p0', 'ru')?.state).toBe('conflict'));
    a.t.setOnline(false);
    a.sync.keepTheirs('p0', 'ru');
    expect(a.sync.textOf('p0', 'ru')).toBe('пёс');
    expect(a.sync.waitingCount).toBe(1); // not in history yet: waiting in the outbox
    expect(JSON.parse(localStorage.getItem('anor.outbox.v1:ua') ?? '[]')).toEqual([
      expect.objectContaining({ kind: 'keep', text: 'кошка', baseRev: 2, state: 'pending' }),
    ]);
    a.sync.stop(); // the tab closes

    const reloaded = open(hub, 'ua');
    await until(() =>
      expect(
        hub
          .history('p0', 'ru')
          .filter((r) => r.kind === 'conflict')
          .map((r) => [r.rev, r.text]),
      ).toEqual([[2, 'кошка']]),
    );
    await until(() => expect(reloaded.sync.waitingCount).toBe(0));
    expect(ruText(hub)).toBe('пёс');
  });

  it('saves and sends nothing while an input method composes, then the committed text merged with what came meanwhile', async () => {
    const hub = new MemoryHub('d1', ['x']);
    hub.emit('u0', null, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'мир', rev: 1, status: 'draft' });
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.sync.compositionStart('p0', 'ru');
    a.sync.setLocalText('p0', 'ru', 'мирpri');
    a.sync.setLocalText('p0', 'ru', 'мирprivet');
    expect(a.sync.textOf('p0', 'ru')).toBe('мирprivet'); // the editor shows the composition…
    expect(localStorage.getItem('anor.outbox.v1:ua')).toBeNull(); // …the outbox never sees it
    // Someone else edits the same cell meanwhile: it waits underneath, the composition is not disturbed.
    hub.emit('u9', 'remote01', {
      type: 'cell.edited',
      paragraphId: 'p0',
      lang: 'ru',
      kind: 'edit',
      text: 'Весь мир',
      rev: 2,
      status: 'draft',
    });
    await until(() => expect(a.sync.cell('p0', 'ru')?.rev).toBe(2));
    expect(a.sync.textOf('p0', 'ru')).toBe('мирprivet');
    await new Promise((r) => setTimeout(r, 30));
    expect(hub.log.filter((e) => e.type === 'cell.edited' && e.by === 'ua')).toEqual([]);
    a.sync.compositionEnd('p0', 'ru', 'мир привет');
    expect(a.sync.textOf('p0', 'ru')).toBe('Весь мир привет');
    await until(() => expect(ruText(hub)).toBe('Весь мир привет'));
    expect(hub.history('p0', 'ru').filter((r) => /[a-z]/u.test(r.text))).toEqual([]);
  });

  it('turns a composition that clashes with a change made meanwhile into a clash the user sees', async () => {
    const hub = new MemoryHub('d1', ['x'], ['zh']);
    hub.emit('u0', null, { type: 'cell.edited', paragraphId: 'p0', lang: 'zh', kind: 'edit', text: '中国', rev: 1, status: 'draft' });
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.sync.compositionStart('p0', 'zh');
    a.sync.setLocalText('p0', 'zh', '中国hezuo');
    hub.emit('u9', 'remote01', {
      type: 'cell.edited',
      paragraphId: 'p0',
      lang: 'zh',
      kind: 'edit',
      text: '中国协调',
      rev: 2,
      status: 'draft',
    });
    await until(() => expect(a.sync.cell('p0', 'zh')?.rev).toBe(2));
    a.sync.compositionEnd('p0', 'zh', '中国合作');
    expect(a.sync.entryFor('p0', 'zh')).toMatchObject({ state: 'conflict', text: '中国合作', theirs: '中国协调', theirsRev: 2 });
    expect(JSON.parse(localStorage.getItem('anor.outbox.v1:ua') ?? '[]')).toEqual([expect.objectContaining({ text: '中国合作' })]);
  });
});
