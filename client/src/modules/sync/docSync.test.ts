import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushInBackground } from './backgroundFlush.js';
import { LocalStorageOutboxStorage, Outbox } from './outbox.js';
import { MemoryHub } from './testing/memoryHub.js';
import { closeAll, open, ruText, until } from './testing/syncHarness.js';

describe('DocSync', () => {
  beforeEach(() => localStorage.clear());
  afterEach(closeAll);

  it('saves typing by itself and shows it to another client', async () => {
    const hub = new MemoryHub('d1', ['Hello world']);
    const a = open(hub, 'ua');
    const b = open(hub, 'ub');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.sync.setLocalText('p0', 'ru', 'П');
    a.sync.setLocalText('p0', 'ru', 'Привет');
    a.sync.setLocalText('p0', 'ru', 'Привет мир');
    expect(a.sync.textOf('p0', 'ru')).toBe('Привет мир');
    await until(() => expect(b.sync.textOf('p0', 'ru')).toBe('Привет мир'));
    expect(ruText(hub)).toBe('Привет мир');
    // The first keystroke went out at once; what was typed while it was on the wire went as one edit after its ack.
    expect(hub.log.filter((e) => e.type === 'cell.edited').map((e) => e.type === 'cell.edited' && e.text)).toEqual(['П', 'Привет мир']);
    await until(() => expect(a.sync.waitingCount).toBe(0));
  });

  it("keeps both people's edits to different parts of one cell", async () => {
    const hub = new MemoryHub('d1', ['x']);
    hub.emit('u0', null, {
      type: 'cell.edited',
      paragraphId: 'p0',
      lang: 'ru',
      kind: 'edit',
      text: 'начало середина конец',
      rev: 1,
      status: 'draft',
    });
    const a = open(hub, 'ua');
    const b = open(hub, 'ub');
    await until(() => expect(b.sync.state).toBe('ready'));
    a.sync.setLocalText('p0', 'ru', 'НАЧАЛО середина конец');
    b.sync.setLocalText('p0', 'ru', 'начало середина КОНЕЦ');
    const both = 'НАЧАЛО середина КОНЕЦ';
    await until(() => {
      expect(ruText(hub)).toBe(both);
      expect(a.sync.textOf('p0', 'ru')).toBe(both);
      expect(b.sync.textOf('p0', 'ru')).toBe(both);
    });
  });

  it('rebases unsent local text onto a remote edit of the same cell', async () => {
    const hub = new MemoryHub('d1', ['x']);
    hub.emit('u0', null, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'один два', rev: 1, status: 'draft' });
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.setOnline(false);
    a.sync.setLocalText('p0', 'ru', 'один два три');
    a.t.setOnline(true);
    hub.emit('u9', 'remote01', {
      type: 'cell.edited',
      paragraphId: 'p0',
      lang: 'ru',
      kind: 'edit',
      text: 'ноль один два',
      rev: 2,
      status: 'draft',
    });
    await until(() => expect(ruText(hub)).toBe('ноль один два три'));
    await until(() => expect(a.sync.textOf('p0', 'ru')).toBe('ноль один два три'));
  });

  it('shows a real conflict and sends the text the user chose on the newest revision', async () => {
    const hub = new MemoryHub('d1', ['x']);
    hub.emit('u0', null, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'кот', rev: 1, status: 'draft' });
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.setOnline(false);
    a.sync.setLocalText('p0', 'ru', 'кошка');
    hub.emit('u9', 'remote01', { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'пёс', rev: 2, status: 'draft' });
    a.t.setOnline(true);
    await until(() => expect(a.sync.entryFor('p0', 'ru')?.state).toBe('conflict'));
    expect(a.sync.entryFor('p0', 'ru')).toMatchObject({ text: 'кошка', theirs: 'пёс' });
    expect(ruText(hub)).toBe('пёс');
    a.sync.resolveConflict('p0', 'ru', 'кошка и пёс');
    await until(() => expect(ruText(hub)).toBe('кошка и пёс'));
    await until(() => expect(a.sync.waitingCount).toBe(0));
  });

  it('keeps offline edits through a reload and sends them when back online', async () => {
    const hub = new MemoryHub('d1', ['a', 'b']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.setOnline(false);
    a.sync.setLocalText('p0', 'ru', 'первый');
    a.sync.setLocalText('p1', 'ru', 'второй');
    expect(a.sync.waitingCount).toBe(2);
    expect(a.sync.connected).toBe(false);
    a.sync.stop(); // the tab closes with two edits waiting

    const t2 = hub.connect('ua');
    t2.connected = false;
    const reloaded = open(hub, 'ua', t2);
    expect(reloaded.sync.waitingCount).toBe(2);
    t2.setOnline(true);
    await until(() => {
      expect(ruText(hub, 0)).toBe('первый');
      expect(ruText(hub, 1)).toBe('второй');
    });
    await until(() => expect(reloaded.sync.waitingCount).toBe(0));
    expect(localStorage.getItem('anor.outbox.v1:ua')).toBeNull();
  });

  it('keeps a refused edit until the user acts, and retries transient failures', async () => {
    const hub = new MemoryHub('d1', ['a', 'b']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    let failures = 1;
    const realEdit = a.t.editCell.bind(a.t);
    a.t.editCell = async (p) => (failures-- > 0 ? { ok: false, error: { code: 'internal', message: 'boom' } } : realEdit(p));
    a.sync.setLocalText('p0', 'ru', 'после сбоя');
    await until(() => expect(ruText(hub, 0)).toBe('после сбоя'));

    hub.doc.paragraphs.splice(1, 1); // the paragraph disappears under the client
    a.sync.setLocalText('p1', 'ru', 'в пустоту');
    await until(() =>
      expect(a.sync.entryFor('p1', 'ru')).toMatchObject({ state: 'failed', error: 'paragraph_not_found', text: 'в пустоту' }),
    );
    expect(a.sync.waitingCount).toBe(1);
    a.sync.discard('p1', 'ru');
    expect(a.sync.waitingCount).toBe(0);
  });

  it('applies remote events in order and ignores ones it already has', async () => {
    const hub = new MemoryHub('d1', ['a']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    const ev = hub.emit('u9', 'remote01', {
      type: 'cell.edited',
      paragraphId: 'p0',
      lang: 'ru',
      kind: 'edit',
      text: 'раз',
      rev: 1,
      status: 'draft',
    });
    await until(() => expect(a.sync.textOf('p0', 'ru')).toBe('раз'));
    a.t.deliver(ev); // a duplicate delivery must be a no-op
    await Promise.resolve();
    expect(a.sync.doc?.seq).toBe(ev.seq);
    expect(a.sync.cell('p0', 'ru')?.rev).toBe(1);
  });

  it('keeps events that arrive before the snapshot of its join, and applies them after it', async () => {
    // Found by the model-based test: a broadcast can overtake the join's answer.
    const hub = new MemoryHub('d1', ['a']);
    const t = hub.connect('ua');
    t.manual = true;
    const a = open(hub, 'ua', t);
    t.serverStep(); // the join: its snapshot is on the way…
    hub.emit('u9', 'remote01', { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'раз', rev: 1, status: 'draft' });
    t.deliverAt(1); // …and the event overtakes it
    t.deliverAt(0);
    await until(() => expect(a.sync.state).toBe('ready'));
    expect(a.sync.textOf('p0', 'ru')).toBe('раз');
    expect(a.sync.doc?.seq).toBe(hub.doc.seq);
  });

  it('keeps its copy on screen across a gap in the events, and fills the gap', async () => {
    const hub = new MemoryHub('d1', ['a']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.manual = true;
    hub.emit('u9', 'remote01', { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'раз', rev: 1, status: 'draft' });
    hub.emit('u9', 'remote02', {
      type: 'cell.edited',
      paragraphId: 'p0',
      lang: 'ru',
      kind: 'edit',
      text: 'раз два',
      rev: 2,
      status: 'draft',
    });
    a.t.deliverAt(1); // the second event first
    expect(a.sync.doc).not.toBeNull(); // the grid stays, and the caret in it
    expect(a.sync.cell('p0', 'ru')?.rev).toBe(0);
    a.t.serverStep(); // the rejoin it asked for
    a.t.deliverAt(a.t.toClient.findIndex((m) => m.kind === 'ack'));
    await until(() => expect(a.sync.textOf('p0', 'ru')).toBe('раз два'));
    a.t.deliverAt(0); // the first event, late: already applied
    expect(a.sync.doc?.seq).toBe(hub.doc.seq);
  });

  it('settles an edit whose ack was lost when its own event comes back after reconnecting', async () => {
    const hub = new MemoryHub('d1', ['x']);
    const a = open(hub, 'ua');
    const b = open(hub, 'ub');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.loseNextAck = true;
    a.sync.setLocalText('p0', 'ru', 'начало середина конец');
    await until(() => expect(a.t.connected).toBe(false));
    expect(ruText(hub)).toBe('начало середина конец'); // it did land
    a.sync.setLocalText('p0', 'ru', 'Новое начало середина конец'); // typed on top, offline
    b.sync.setLocalText('p0', 'ru', 'начало середина конец и хвост');
    await until(() => expect(ruText(hub)).toBe('начало середина конец и хвост'));
    a.t.setOnline(true);
    await until(() => expect(ruText(hub)).toBe('Новое начало середина конец и хвост'));
    await until(() => expect(a.sync.waitingCount).toBe(0));
  });

  it('after a reload, finds in the history that a sent edit landed and does not conflict with itself', async () => {
    const hub = new MemoryHub('d1', ['x']);
    const a = open(hub, 'ua');
    const b = open(hub, 'ub');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.loseNextAck = true;
    a.sync.setLocalText('p0', 'ru', 'один два');
    await until(() => expect(a.t.connected).toBe(false));
    a.sync.setLocalText('p0', 'ru', 'один два три');
    a.sync.stop();
    b.sync.setLocalText('p0', 'ru', 'ноль один два');
    await until(() => expect(ruText(hub)).toBe('ноль один два'));

    const reloaded = open(hub, 'ua');
    await until(() => expect(ruText(hub)).toBe('ноль один два три'));
    await until(() => expect(reloaded.sync.waitingCount).toBe(0));
  });

  it('refuses a text over the cell limit locally, keeps it, and sends once it is trimmed', async () => {
    const hub = new MemoryHub('d1', ['a']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.sync.setLocalText('p0', 'ru', 'я'.repeat(40_000)); // 80 KB in UTF-8
    await until(() => expect(a.sync.entryFor('p0', 'ru')).toMatchObject({ state: 'failed', error: 'text_too_long' }));
    expect(hub.log.some((e) => e.type === 'cell.edited')).toBe(false);
    a.sync.setLocalText('p0', 'ru', 'я'.repeat(10));
    await until(() => expect(ruText(hub)).toBe('я'.repeat(10)));
  });

  it('moves the layout only for the frame (load, paragraphs, settings), the version for every change', async () => {
    const hub = new MemoryHub('d1', ['One', 'Two']);
    const b = open(hub, 'ub');
    await until(() => expect(b.sync.state).toBe('ready'));
    const layout0 = b.sync.getLayout();
    expect(layout0).toBeGreaterThan(0); // loading → ready is a layout change
    const version0 = b.sync.getVersion();
    hub.emit('ua', null, { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'Один', rev: 1, status: 'draft' });
    await until(() => expect(b.sync.textOf('p0', 'ru')).toBe('Один'));
    hub.emit('ua', null, { type: 'cell.status', paragraphId: 'p0', lang: 'ru', status: 'in_review', rev: 1 });
    await until(() => expect(b.sync.cell('p0', 'ru')?.status).toBe('in_review'));
    b.sync.setLocalText('p1', 'ru', 'Два');
    expect(b.sync.getVersion()).toBeGreaterThanOrEqual(version0 + 3);
    expect(b.sync.getLayout()).toBe(layout0);
    hub.emit('ua', null, { type: 'paragraph.inserted', index: 1, paragraphId: 'pNew', text: 'Between' });
    await until(() => expect(b.sync.doc?.paragraphs.map((p) => p.id)).toEqual(['p0', 'pNew', 'p1']));
    expect(b.sync.getLayout()).toBe(layout0 + 1);
  });

  it('announces focus and typing as presence', async () => {
    const hub = new MemoryHub('d1', ['a']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.sync.setFocus('p0', 'ru');
    a.sync.setLocalText('p0', 'ru', 'т');
    expect(a.t.presenceSent.at(-1)).toEqual({ docId: 'd1', paragraphId: 'p0', lang: 'ru', typing: true });
  });
});

describe('background flush', () => {
  beforeEach(() => localStorage.clear());

  it('sends waiting edits of a document that is not open, then stops', async () => {
    const hub = new MemoryHub('d1', ['a', 'b']);
    // Left behind by a tab that closed while offline.
    const outbox = new Outbox(new LocalStorageOutboxStorage('ua'));
    outbox.put({
      docId: 'd1',
      paragraphId: 'p1',
      lang: 'ru',
      opId: 'op-bg-000001',
      baseRev: 0,
      baseText: '',
      text: 'фон',
      state: 'pending',
      attempts: 0,
      updatedAt: 0,
    });

    const t2 = hub.connect('ua');
    const stop = flushInBackground(t2, outbox, null);
    await until(() => expect(ruText(hub, 1)).toBe('фон'));
    await until(() => expect(outbox.all()).toEqual([]));
    expect(t2.joined).toBe(false); // it left the document again
    stop();
  });

  it('leaves the document on screen to its editor', () => {
    const hub = new MemoryHub('d1', ['a']);
    const outbox = new Outbox(new LocalStorageOutboxStorage('ua'));
    outbox.put({
      docId: 'd1',
      paragraphId: 'p0',
      lang: 'ru',
      opId: 'op-bg-000002',
      baseRev: 0,
      baseText: '',
      text: 'x',
      state: 'pending',
      attempts: 0,
      updatedAt: 0,
    });
    const t = hub.connect('ua');
    const stop = flushInBackground(t, outbox, 'd1');
    expect(t.joined).toBe(false);
    stop();
  });
});
